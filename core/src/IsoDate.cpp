// SPDX-License-Identifier: MIT
#include "blastline/core/IsoDate.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace blastline::core {

namespace {

std::optional<std::chrono::year_month_day> parse(std::string_view date)
{
    if (date.size() < 10 || date[4] != '-' || date[7] != '-')
        return std::nullopt;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    const std::string text(date.substr(0, 10));
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3)
        return std::nullopt;
    const std::chrono::year_month_day ymd {
        std::chrono::year {year}, std::chrono::month {month}, std::chrono::day {day}};
    if (!ymd.ok())
        return std::nullopt;
    return ymd;
}

std::string format(std::chrono::year_month_day ymd)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

} // namespace

bool IsoDate::isValid(std::string_view date)
{
    return date.size() == 10 && parse(date).has_value();
}

std::optional<std::string> IsoDate::addDays(std::string_view date, double days)
{
    const auto ymd = parse(date);
    // Ten thousand years either way: past that no date is meant, and a larger double would not convert to a day count
    // (undefined behaviour) — a retention period is read from a state or an inventory, which may say anything.
    constexpr double kMostDays = 3'652'500;
    if (!ymd || !std::isfinite(days) || std::abs(days) > kMostDays)
        return std::nullopt;
    const std::chrono::sys_days start {*ymd};
    return format(std::chrono::year_month_day {start + std::chrono::days {static_cast<long>(std::floor(days))}});
}

std::optional<long> IsoDate::daysBetween(std::string_view from, std::string_view to)
{
    const auto start = parse(from);
    const auto end = parse(to);
    if (!start || !end)
        return std::nullopt;
    return (std::chrono::sys_days {*end} - std::chrono::sys_days {*start}).count();
}

std::string IsoDate::today()
{
    return format(
        std::chrono::year_month_day {std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())});
}

} // namespace blastline::core
