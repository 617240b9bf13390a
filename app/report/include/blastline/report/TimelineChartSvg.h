// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/report/ReportModel.h"

#include <string>

namespace blastline::report {

/**
 * The incident's timeline as one SVG element: a lane per origin (recorded calls, narrative, simulated operations,
 * decisions, notes), each event a mark (destructive ones red, failed ones hollow), the key times as labelled
 * lines and each destructive burst as a band. When the bursts take a small part of the incident, a second panel
 * zooms on them, so the destroy's minutes stay readable beside a day-long recovery. Axis in UTC.
 */
class TimelineChartSvg
{
public:
    static std::string render(const ReportModel& model, const std::string& idPrefix = "timeline");
};

} // namespace blastline::report
