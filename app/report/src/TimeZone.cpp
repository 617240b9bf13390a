// SPDX-License-Identifier: MIT
#include "blastline/report/TimeZone.h"

#include "blastline/core/Error.h"
#include "blastline/core/UtcTime.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

namespace blastline::report {

namespace {

/** Reads big-endian integers off the TZif bytes, failing as an InputError past the end. */
class ByteReader
{
public:
    ByteReader(const std::string& name, const std::string& bytes)
        : m_name(name)
        , m_bytes(bytes)
    { }

    std::int64_t integer(std::size_t width)
    {
        need(width);
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < width; ++i)
            value = (value << 8) | static_cast<unsigned char>(m_bytes[m_offset + i]);
        m_offset += width;
        // Sign-extend the 32-bit form: transition times before 1970 are negative.
        if (width == 4)
            return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
        return static_cast<std::int64_t>(value);
    }
    std::string text(std::size_t length)
    {
        need(length);
        std::string value = m_bytes.substr(m_offset, length);
        m_offset += length;
        return value;
    }
    void skip(std::size_t length)
    {
        need(length);
        m_offset += length;
    }
    std::string rest() const { return m_bytes.substr(m_offset); }

private:
    void need(std::size_t length) const
    {
        if (m_offset + length > m_bytes.size())
            throw core::InputError("time zone " + m_name + ": the TZif file ends early");
    }
    const std::string& m_name;
    const std::string& m_bytes;
    std::size_t m_offset = 0;
};

struct Counts
{
    std::size_t isut, isstd, leap, time, type, chars;
};

Counts readHeader(ByteReader& reader, const std::string& name, char& version)
{
    if (reader.text(4) != "TZif")
        throw core::InputError("time zone " + name + ": not a TZif file");
    version = reader.text(1)[0];
    reader.skip(15);
    Counts counts {};
    for (std::size_t* field : {&counts.isut, &counts.isstd, &counts.leap, &counts.time, &counts.type, &counts.chars})
        *field = static_cast<std::size_t>(reader.integer(4));
    if (counts.type == 0)
        throw core::InputError("time zone " + name + ": the TZif file has no local time types");
    return counts;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t yearOf(std::int64_t days)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
}

/** Parses "[<+03>|CET]" and an offset "-1" / "+05:30" (POSIX: west of Greenwich is positive). */
class PosixRuleParser
{
public:
    explicit PosixRuleParser(std::string_view text)
        : m_text(text)
    { }

    std::optional<TimeZone::Rule> parse()
    {
        TimeZone::Rule rule;
        if (!abbreviation(rule.standard.abbreviation) || !offset(rule.standard.offsetSeconds))
            return std::nullopt;
        rule.standard.offsetSeconds = -rule.standard.offsetSeconds;
        if (m_pos == m_text.size())
            return rule;
        if (!abbreviation(rule.daylight.abbreviation))
            return std::nullopt;
        rule.hasDaylight = true;
        rule.daylight.dst = true;
        rule.daylight.offsetSeconds = rule.standard.offsetSeconds + 3600;
        if (m_pos < m_text.size() && m_text[m_pos] != ',') {
            if (!offset(rule.daylight.offsetSeconds))
                return std::nullopt;
            rule.daylight.offsetSeconds = -rule.daylight.offsetSeconds;
        }
        if (!accept(',') || !when(rule.start) || !accept(',') || !when(rule.end))
            return std::nullopt; // "Jn" and "n" rules are rare in tzdata; the caller falls back
        return rule;
    }

private:
    bool accept(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool abbreviation(std::string& out)
    {
        if (accept('<')) {
            const std::size_t close = m_text.find('>', m_pos);
            if (close == std::string_view::npos)
                return false;
            out = m_text.substr(m_pos, close - m_pos);
            m_pos = close + 1;
            return true;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && std::isalpha(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
        out = m_text.substr(start, m_pos - start);
        return out.size() >= 3;
    }
    std::optional<std::int64_t> number()
    {
        const std::size_t start = m_pos;
        std::int64_t value = 0;
        while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])))
            value = value * 10 + (m_text[m_pos++] - '0');
        return m_pos == start ? std::nullopt : std::optional<std::int64_t>(value);
    }
    bool offset(std::int64_t& seconds)
    {
        const bool negative = accept('-');
        if (!negative)
            accept('+');
        const auto hours = number();
        if (!hours)
            return false;
        seconds = *hours * 3600;
        if (accept(':')) {
            const auto minutes = number();
            if (!minutes)
                return false;
            seconds += *minutes * 60;
            if (accept(':')) {
                const auto secs = number();
                if (!secs)
                    return false;
                seconds += *secs;
            }
        }
        if (negative)
            seconds = -seconds;
        return true;
    }
    bool when(TimeZone::Rule::When& out)
    {
        if (!accept('M'))
            return false;
        const auto month = number();
        if (!month || !accept('.'))
            return false;
        const auto week = number();
        if (!week || !accept('.'))
            return false;
        const auto weekday = number();
        if (!weekday)
            return false;
        out.month = static_cast<int>(*month);
        out.week = static_cast<int>(*week);
        out.weekday = static_cast<int>(*weekday);
        out.secondsIntoDay = 7200;
        if (accept('/') && !offset(out.secondsIntoDay))
            return false;
        return out.month >= 1 && out.month <= 12 && out.week >= 1 && out.week <= 5 && out.weekday <= 6;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

/** The UTC second a "Mm.w.d/time" rule fires in `year`, its time read in local time at `offsetSeconds`. */
std::int64_t ruleInstant(const TimeZone::Rule::When& when, std::int64_t year, std::int64_t offsetSeconds)
{
    const auto month = static_cast<unsigned>(when.month);
    const std::int64_t first = daysFromCivil(year, month, 1);
    const std::int64_t firstWeekday = ((first % 7) + 11) % 7; // 1970-01-01 was a Thursday (4)
    std::int64_t day = first + ((when.weekday - firstWeekday) + 7) % 7 + 7 * (when.week - 1);
    const std::int64_t nextMonth = month == 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    while (day >= nextMonth) // week 5 means "the last"
        day -= 7;
    return day * 86400 + when.secondsIntoDay - offsetSeconds;
}

} // namespace

TimeZone TimeZone::utc()
{
    TimeZone zone;
    zone.m_name = "UTC";
    zone.m_types.push_back({0, "UTC", false});
    return zone;
}

TimeZone TimeZone::load(const std::string& name, const std::filesystem::path& root)
{
    const std::filesystem::path relative(name);
    const bool escapes = name.empty() || relative.is_absolute()
        || std::any_of(relative.begin(), relative.end(),
            [](const std::filesystem::path& part) { return part == ".." || part == "."; });
    const std::filesystem::path file = root / relative;
    std::error_code error;
    if (escapes || !std::filesystem::is_regular_file(file, error))
        throw core::InputError("--tz " + name
            + ": unknown time zone; expected an IANA name such as Europe/Berlin or America/New_York (from "
            + root.string() + ", Debian's tzdata)");
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(name, bytes);
}

TimeZone TimeZone::parse(const std::string& name, const std::string& bytes)
{
    ByteReader reader(name, bytes);
    char version = 0;
    Counts counts = readHeader(reader, name, version);
    std::size_t timeWidth = 4;
    if (version >= '2') {
        // The version-1 block is only for old readers; the 64-bit block after it says the same and more.
        reader.skip(counts.time * 5 + counts.type * 6 + counts.chars + counts.leap * 8 + counts.isstd + counts.isut);
        counts = readHeader(reader, name, version);
        timeWidth = 8;
    }
    TimeZone zone;
    zone.m_name = name;
    for (std::size_t i = 0; i < counts.time; ++i)
        zone.m_transitions.push_back({reader.integer(timeWidth), 0});
    for (Transition& transition : zone.m_transitions) {
        transition.type = static_cast<std::size_t>(reader.integer(1));
        if (transition.type >= counts.type)
            throw core::InputError("time zone " + name + ": a transition names a local time type that is not there");
    }
    std::vector<std::size_t> abbreviationIndex;
    for (std::size_t i = 0; i < counts.type; ++i) {
        Offset offset;
        offset.offsetSeconds = reader.integer(4);
        offset.dst = reader.integer(1) != 0;
        abbreviationIndex.push_back(static_cast<std::size_t>(reader.integer(1)));
        zone.m_types.push_back(offset);
    }
    const std::string abbreviations = reader.text(counts.chars);
    for (std::size_t i = 0; i < zone.m_types.size(); ++i) {
        if (abbreviationIndex[i] < abbreviations.size())
            zone.m_types[i].abbreviation = abbreviations.c_str() + abbreviationIndex[i];
    }
    reader.skip(counts.leap * (timeWidth + 4) + counts.isstd + counts.isut);
    if (timeWidth == 8) {
        const std::string footer = reader.rest();
        if (footer.size() > 2 && footer.front() == '\n') {
            const std::string rule = footer.substr(1, footer.find('\n', 1) - 1);
            if (auto parsed = PosixRuleParser(rule).parse())
                zone.m_footer.push_back(*parsed);
        }
    }
    return zone;
}

TimeZone::Offset TimeZone::offsetAt(std::int64_t utcMs) const
{
    const std::int64_t seconds = utcMs >= 0 ? utcMs / 1000 : (utcMs - 999) / 1000;
    if (!m_footer.empty() && (m_transitions.empty() || seconds >= m_transitions.back().atSeconds)) {
        const Rule& rule = m_footer.front();
        if (!rule.hasDaylight)
            return rule.standard;
        const std::int64_t year = yearOf((seconds + rule.standard.offsetSeconds) / 86400);
        const std::int64_t start = ruleInstant(rule.start, year, rule.standard.offsetSeconds);
        const std::int64_t end = ruleInstant(rule.end, year, rule.daylight.offsetSeconds);
        const bool daylight = start < end ? (seconds >= start && seconds < end) : (seconds >= start || seconds < end);
        return daylight ? rule.daylight : rule.standard;
    }
    const auto after = std::upper_bound(m_transitions.begin(), m_transitions.end(), seconds,
        [](std::int64_t value, const Transition& transition) { return value < transition.atSeconds; });
    if (after == m_transitions.begin()) {
        // Before the first transition: the first standard type, as RFC 8536 says (type 0 in practice).
        return m_types.front();
    }
    return m_types[std::prev(after)->type];
}

std::string TimeZone::format(std::int64_t utcMs) const
{
    const Offset offset = offsetAt(utcMs);
    const std::int64_t utcSeconds = utcMs >= 0 ? utcMs / 1000 : (utcMs - 999) / 1000;
    const std::int64_t local = utcSeconds + offset.offsetSeconds;
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const std::int64_t secondOfDay = local - days * 86400;
    const core::UtcTime::CivilDate date = core::UtcTime::civilFromDays(days);

    std::string zoneText = offset.abbreviation;
    if (zoneText.empty() || zoneText[0] == '+' || zoneText[0] == '-') {
        char buffer[48];
        const std::int64_t minutes = (offset.offsetSeconds < 0 ? -offset.offsetSeconds : offset.offsetSeconds) / 60;
        std::snprintf(buffer, sizeof buffer, "%c%02lld:%02lld", offset.offsetSeconds < 0 ? '-' : '+',
            static_cast<long long>(minutes / 60), static_cast<long long>(minutes % 60));
        zoneText = buffer;
    }
    char text[128];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u %02lld:%02lld:%02lld ", static_cast<long long>(date.year),
        date.month, date.day,
        static_cast<long long>(secondOfDay / 3600), static_cast<long long>(secondOfDay % 3600 / 60),
        static_cast<long long>(secondOfDay % 60));
    return text + zoneText;
}

} // namespace blastline::report
