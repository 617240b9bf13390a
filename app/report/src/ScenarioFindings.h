// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ReplayComparison.h"
#include "blastline/core/Scenario.h"
#include "blastline/report/ReportModel.h"

#include <cstdint>
#include <optional>

namespace blastline::report {

/**
 * The judgement sections of a scenario's report (trigger, root causes, went well, went badly, lucky), each entry
 * read off the scenario's records (commands, decisions, ground truth, with their sources) and the engine's results.
 */
class ScenarioFindings
{
public:
    ScenarioFindings(const core::Scenario& scenario, const core::ReplayResult& replay,
        const core::ReplayComparisonResult& comparison, std::optional<std::int64_t> impactStart);

    std::vector<ReportFact> triggers() const;
    std::vector<ReportFact> rootCauses() const;
    std::vector<ReportFact> wentWell() const;
    std::vector<ReportFact> wentBadly() const;
    /**
     * A way back the sources say survived while the engine finds none the owner controlled: a ground-truth
     * recovery point that `survived` for a data store the replay judges lost.
     */
    std::vector<ReportFact> lucky() const;

private:
    const core::SafeguardEffect* effectOf(const std::string& safeguard) const;

    const core::Scenario& m_scenario;
    const core::ReplayResult& m_replay;
    const core::ReplayComparisonResult& m_comparison;
    std::optional<std::int64_t> m_impactStart;
};

} // namespace blastline::report
