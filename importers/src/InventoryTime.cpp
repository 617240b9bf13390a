// SPDX-License-Identifier: MIT
#include "InventoryTime.h"

#include <chrono>
#include <cstdio>

namespace blastline::importers {

namespace {

// Reads exactly `count` digits at `at`, advancing it; nullopt when any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t count)
{
    if (at + count > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    at += count;
    return value;
}

bool expect(std::string_view text, std::size_t& at, char c)
{
    if (at < text.size() && text[at] == c) {
        ++at;
        return true;
    }
    return false;
}

// "Z", "+hh:mm", "+hhmm", "+hh" or nothing; the offset in seconds east of UTC.
std::optional<int> offsetSeconds(std::string_view text, std::size_t& at)
{
    if (at == text.size()) {
        return 0;
    }
    if (text[at] == 'Z' || text[at] == 'z') {
        ++at;
        return 0;
    }
    if (text[at] != '+' && text[at] != '-') {
        return std::nullopt;
    }
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    const auto hours = digits(text, at, 2);
    if (!hours || *hours > 23) {
        return std::nullopt;
    }
    int minutes = 0;
    if (at < text.size()) {
        expect(text, at, ':');
        const auto parsed = digits(text, at, 2);
        if (!parsed || *parsed > 59) {
            return std::nullopt;
        }
        minutes = *parsed;
    }
    return sign * (*hours * 3600 + minutes * 60);
}

} // namespace

std::optional<std::int64_t> parseIsoTimestamp(std::string_view text)
{
    std::size_t at = 0;
    const auto year = digits(text, at, 4);
    if (!year || !expect(text, at, '-')) {
        return std::nullopt;
    }
    const auto month = digits(text, at, 2);
    if (!month || !expect(text, at, '-')) {
        return std::nullopt;
    }
    const auto day = digits(text, at, 2);
    if (!day || !(expect(text, at, 'T') || expect(text, at, 't') || expect(text, at, ' '))) {
        return std::nullopt;
    }
    const auto hour = digits(text, at, 2);
    if (!hour || !expect(text, at, ':')) {
        return std::nullopt;
    }
    const auto minute = digits(text, at, 2);
    if (!minute || !expect(text, at, ':')) {
        return std::nullopt;
    }
    const auto second = digits(text, at, 2);
    if (!second) {
        return std::nullopt;
    }
    if (expect(text, at, '.')) {
        const std::size_t fractionStart = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            ++at;
        }
        if (at == fractionStart) {
            return std::nullopt;
        }
    }
    const auto offset = offsetSeconds(text, at);
    if (!offset || at != text.size()) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date {std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
        std::chrono::day(static_cast<unsigned>(*day))};
    // Leap seconds (":60") never appear in AWS output; refusing them keeps the arithmetic exact.
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) {
        return std::nullopt;
    }
    const std::int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
    return days * 86400 + *hour * 3600 + *minute * 60 + *second - *offset;
}

std::string formatUtcTimestamp(std::int64_t secondsSinceEpoch)
{
    // Floor division so that instants before 1970 land on the right day.
    std::int64_t days = secondsSinceEpoch / 86400;
    std::int64_t rest = secondsSinceEpoch % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const std::chrono::year_month_day date {std::chrono::sys_days(std::chrono::days(days))};
    char text[96]; // room for any int, so that -Wformat-truncation has nothing to say
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
        static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), static_cast<int>(rest / 3600),
        static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60));
    return text;
}

std::string accountFromArn(std::string_view arn)
{
    if (!arn.starts_with("arn:")) {
        return {};
    }
    // arn:partition:service:region:account:resource — the account is the fifth field.
    std::size_t start = 0;
    for (int field = 0; field < 4; ++field) {
        start = arn.find(':', start);
        if (start == std::string_view::npos) {
            return {};
        }
        ++start;
    }
    const std::size_t end = arn.find(':', start);
    if (end == std::string_view::npos) {
        return {};
    }
    return std::string(arn.substr(start, end - start));
}

} // namespace blastline::importers
