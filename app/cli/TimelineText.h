// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>

namespace blastline::cli {

class OutputStyle;
struct TimelineReport;

/**
 * The timeline for a person: what happened first (summary), where the trail and the states disagree, then
 * every kept event in order, one line each, with the backups it took and why it failed.
 */
class TimelineText
{
public:
    static void write(std::ostream& out, const TimelineReport& report, const OutputStyle& style);
};

} // namespace blastline::cli
