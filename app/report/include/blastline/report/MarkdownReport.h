// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/report/ReportModel.h"

#include <iosfwd>

namespace blastline::report {

/** The postmortem as Markdown (GitHub-flavoured tables). The figures are in the HTML report; this one names them. */
class MarkdownReport
{
public:
    static void write(std::ostream& out, const ReportModel& model);
};

} // namespace blastline::report
