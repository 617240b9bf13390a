// SPDX-License-Identifier: MIT
#pragma once

#include "cli/CheckRun.h"

#include <iosfwd>
#include <vector>

namespace blastline::cli {

/**
 * The gate's findings as SARIF 2.1.0 for GitHub code scanning: one rule per finding kind, one result
 * per finding. A result points at the resource block in the configuration (with --config), else at
 * the line of the plan file where the resource change's address appears. URIs are relative to the
 * current directory, which in CI is the checkout's root.
 */
class SarifOutput
{
public:
    static void write(std::ostream& out, const CheckRun& run, const std::vector<Finding>& findings);
};

} // namespace blastline::cli
