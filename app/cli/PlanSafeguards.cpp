// SPDX-License-Identifier: MIT
#include "cli/PlanSafeguards.h"

#include <algorithm>

namespace blastline::cli {

std::map<std::string, std::vector<Prevention>> PlanSafeguards::compute(const core::TerraformPlan& plan,
    const core::WhatIfInputs& inputs, const core::CatalogueRules& catalogue, const core::WhatIfResult& baseline,
    core::ProgressSink* progress)
{
    std::map<std::string, core::DataFate> atStake;
    for (const auto& store : baseline.analysis.dataStores) {
        if (store.fate != core::DataFate::Intact)
            atStake.emplace(store.address, store.fate);
    }
    std::map<std::string, std::vector<Prevention>> preventions;
    if (atStake.empty())
        return preventions; // nothing to prevent: spare the runs

    for (const auto safeguard : core::allSafeguards()) {
        const auto& assumed = baseline.safeguards;
        if (std::find(assumed.begin(), assumed.end(), safeguard) != assumed.end())
            continue; // already in place, and already not enough
        std::vector<core::Safeguard> safeguards = assumed;
        safeguards.push_back(safeguard);
        const core::WhatIfResult alone = core::WhatIfEngine::runPlan(plan, inputs, catalogue, safeguards, progress);
        for (const auto& store : alone.analysis.dataStores) {
            const auto before = atStake.find(store.address);
            if (before == atStake.end())
                continue;
            // An aborted apply (prevent_destroy) changes nothing, so every store in it is intact.
            const bool saved = store.fate == core::DataFate::Intact;
            const bool improved = before->second == core::DataFate::Lost && store.fate == core::DataFate::Recoverable;
            if (saved || improved)
                preventions[store.address].push_back({safeguard, store.fate});
        }
    }
    return preventions;
}

} // namespace blastline::cli
