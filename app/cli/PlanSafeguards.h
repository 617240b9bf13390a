// SPDX-License-Identifier: MIT
#pragma once

#include "cli/CheckRun.h"

#include "blastline/core/WhatIfEngine.h"

#include <map>
#include <string>
#include <vector>

namespace blastline::core {
class CatalogueRules;
class ProgressSink;
} // namespace blastline::core

namespace blastline::cli {

/**
 * Which safeguard would have prevented what a plan does to each data store. Nothing is written down
 * per safeguard: the engine applies the plan again once per safeguard (beside those already assumed)
 * and the fates are compared with the baseline's.
 */
class PlanSafeguards
{
public:
    /**
     * For each data store lost, unknown or recoverable in `baseline`: the safeguards under which it is
     * intact, or recoverable when it was lost, in core::allSafeguards() order.
     */
    static std::map<std::string, std::vector<Prevention>> compute(const core::TerraformPlan& plan,
        const core::WhatIfInputs& inputs, const core::CatalogueRules& catalogue, const core::WhatIfResult& baseline,
        core::ProgressSink* progress);
};

} // namespace blastline::cli
