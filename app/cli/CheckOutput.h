// SPDX-License-Identifier: MIT
#pragma once

#include "cli/CheckRun.h"
#include "cli/OutputStyle.h"

#include <iosfwd>

namespace blastline::cli {

/**
 * The gate's terminal report (the result and why, then the what-if report) and its JSON:
 * `blastline.simulation/1` with "plan" and "gate" added (docs/cli.md).
 */
class CheckOutput
{
public:
    static void writeText(std::ostream& out, const CheckRun& run, const OutputStyle& style);
    static void writeJson(std::ostream& out, const CheckRun& run);
};

} // namespace blastline::cli
