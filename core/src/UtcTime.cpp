// SPDX-License-Identifier: MIT
#include "blastline/core/UtcTime.h"

#include <array>
#include <cstdio>

namespace blastline::core {

namespace {

constexpr std::int64_t kMillisecondsPerDay = 86'400'000;

/** Reads exactly `count` digits at `text[at]`; nullopt otherwise. */
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count)
{
    if (at + count > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(int year, unsigned month)
{
    static constexpr std::array<unsigned, 12> kDays {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

/** The zone suffix's offset east of UTC in milliseconds, or nullopt when `zone` is not "Z" or "±HH:MM". */
std::optional<std::int64_t> zoneOffset(std::string_view zone)
{
    if (zone == "Z" || zone == "z")
        return 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return std::nullopt;
    const auto hours = digits(zone, 1, 2);
    const auto minutes = digits(zone, 4, 2);
    if (!hours || !minutes || *hours > 23 || *minutes > 59)
        return std::nullopt;
    const std::int64_t offset = (*hours * 60 + *minutes) * 60'000LL;
    return zone[0] == '-' ? -offset : offset;
}

} // namespace

std::int64_t UtcTime::fromCivil(int year, unsigned month, unsigned day)
{
    return daysFromCivil(year, month, day) * kMillisecondsPerDay;
}

std::optional<std::int64_t> UtcTime::parse(std::string_view text)
{
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day || text[4] != '-' || text[7] != '-' || *month < 1 || *month > 12 || *day < 1
        || static_cast<unsigned>(*day) > daysInMonth(*year, static_cast<unsigned>(*month)))
        return std::nullopt;
    const std::int64_t midnight = fromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    if (text.size() == 10)
        return midnight;
    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
        return std::nullopt;
    const auto hour = digits(text, 11, 2);
    const auto minute = digits(text, 14, 2);
    const auto second = digits(text, 17, 2);
    if (!hour || !minute || !second || text[13] != ':' || text[16] != ':' || *hour > 23 || *minute > 59
        || *second > 60) // 60: a leap second, counted as the next second's start
        return std::nullopt;
    std::size_t at = 19;
    std::int64_t millis = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        std::int64_t scale = 100;
        const std::size_t fractionStart = at;
        for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
            millis += (text[at] - '0') * scale; // digits past the third are dropped: CloudTrail has seconds
            scale /= 10;
        }
        if (at == fractionStart)
            return std::nullopt;
    }
    const auto offset = zoneOffset(text.substr(at));
    if (!offset)
        return std::nullopt;
    return midnight + ((*hour * 60LL + *minute) * 60 + *second) * 1000 + millis - *offset;
}

UtcTime::CivilDate UtcTime::civilFromDays(std::int64_t days)
{
    // civil_from_days (Howard Hinnant)
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned monthIndex = (5 * dayOfYear + 2) / 153;
    CivilDate date;
    date.day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    date.month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    date.year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (date.month <= 2 ? 1 : 0);
    return date;
}

std::string UtcTime::format(std::int64_t milliseconds)
{
    std::int64_t days = milliseconds / kMillisecondsPerDay;
    std::int64_t rest = milliseconds % kMillisecondsPerDay;
    if (rest < 0) {
        rest += kMillisecondsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    std::array<char, 40> buffer {};
    std::snprintf(buffer.data(), buffer.size(), "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
        static_cast<long long>(date.year), date.month, date.day, static_cast<long long>(rest / 3'600'000),
        static_cast<long long>(rest / 60'000 % 60), static_cast<long long>(rest / 1000 % 60),
        static_cast<long long>(rest % 1000));
    return buffer.data();
}

} // namespace blastline::core
