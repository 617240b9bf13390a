// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace blastline::cli {

struct TimelineReport;

/** `--format csv`: one row per event (RFC 4180), for spreadsheets. */
class TimelineCsv
{
public:
    static void write(std::ostream& out, const TimelineReport& report);
    /**
     * One quoted cell. A cell a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a
     * leading apostrophe: CloudTrail fields carry attacker-chosen text (user agents, error messages), and the
     * CloudTrail guide warns about CSV injection.
     */
    static std::string cell(std::string_view text);
};

} // namespace blastline::cli
