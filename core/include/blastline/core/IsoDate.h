// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blastline::core {

/** Calendar dates as ISO "YYYY-MM-DD" text: retention windows are counted in whole days. */
class IsoDate
{
public:
    static bool isValid(std::string_view date);
    /** `date` plus `days` (rounded down); nullopt when `date` is not a valid ISO date. */
    static std::optional<std::string> addDays(std::string_view date, double days);
    /** Whole days from `from` to `to` (their first ten characters, so timestamps work too). */
    static std::optional<long> daysBetween(std::string_view from, std::string_view to);
    /** Today in UTC. */
    static std::string today();
};

} // namespace blastline::core
