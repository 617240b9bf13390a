// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/report/ReportModel.h"

#include <iosfwd>

namespace blastline::report {

/**
 * The postmortem as one self-contained HTML file: inline CSS, the figures as inline SVG, no script and nothing
 * fetched from the network. The markup is XHTML-style (every element closed, every text escaped), so an XML parser
 * accepts it as well as a browser.
 */
class HtmlReport
{
public:
    static void write(std::ostream& out, const ReportModel& model);
};

} // namespace blastline::report
