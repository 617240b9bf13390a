// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"
#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/DestroySimulation.h"
#include "blastline/core/DestroySimulator.h"
#include "blastline/core/RecoveryPoint.h"
#include "blastline/core/RecordedDelete.h"
#include "blastline/core/ResourceGraph.h"
#include "blastline/core/Safeguard.h"
#include "blastline/core/TerraformConfiguration.h"
#include "blastline/core/TerraformPlan.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

class CatalogueRules;
class ProgressSink;

/** Everything a what-if destroy needs, read once; runs under different safeguards share it. */
struct WhatIfInputs
{
    TerraformState state;
    std::optional<TerraformConfiguration> configuration;
    std::vector<RecoveryPoint> inventory;
    DestroyOptions destroyOptions;
    /** Facts known for the whole run, e.g. "aws_provider_version". */
    std::map<std::string, AttributeValue> facts;
    /** The date the run is imagined on (YYYY-MM-DD): retention windows count from it. */
    std::string asOf;
};

struct WhatIfResult
{
    std::vector<Safeguard> safeguards;
    std::unique_ptr<ResourceGraph> graph; // the graph the run used (after the safeguards' transformations)
    DestroySimulation simulation;
    DataLossAnalysis analysis;
};

/** One row of --compare: a safeguard alone, what it changes against the baseline. */
struct SafeguardComparison
{
    Safeguard safeguard;
    Verdict verdict;
    std::vector<std::string> saved; // data stores whose fate improves (e.g. lost -> intact)
    std::vector<std::string> improved; // lost -> recoverable, or a later deadline
};

/**
 * Simulates a destroy and judges what it does to the data: the destroy engine with the catalogue's
 * deletion rules, then, per data store, its recovery points' fates and a verdict.
 */
class WhatIfEngine
{
public:
    WhatIfEngine(const WhatIfInputs& inputs, const CatalogueRules& catalogue);

    WhatIfResult run(const std::vector<Safeguard>& safeguards, ProgressSink* progress = nullptr) const;
    /**
     * One run without an engine to keep: the state moves into the result's graph instead of being copied,
     * so a 500,000-instance state is never held twice.
     */
    static WhatIfResult runOnce(WhatIfInputs inputs, const CatalogueRules& catalogue,
        const std::vector<Safeguard>& safeguards, ProgressSink* progress = nullptr);
    /**
     * What applying a plan does to the data: `inputs.state` is the state the plan starts from (its
     * prior_state, or --state). Deletes and replaces run in Terraform's apply order with the same
     * deletion rules as a destroy; a replaced data store starts empty, so its data survives only in a
     * recovery point. Creates, updates, reads and forgets are listed, not simulated: they follow the
     * simulated operations in plan order, with no node of the graph (their `node` is out of range).
     */
    static WhatIfResult runPlan(const TerraformPlan& plan, WhatIfInputs inputs, const CatalogueRules& catalogue,
        const std::vector<Safeguard>& safeguards, ProgressSink* progress = nullptr);
    /**
     * What deletes a trail recorded did to the data (an attacker in the console, a script): no schedule is simulated;
     * each delete happens at its recorded time unless a safeguard would have refused it (RecordedHistory). The result's
     * simulation has kind "recorded".
     */
    static WhatIfResult runRecorded(const std::vector<RecordedDelete>& deletes, WhatIfInputs inputs,
        const CatalogueRules& catalogue, const std::vector<Safeguard>& safeguards, ProgressSink* progress = nullptr);
    /** The baseline, then each safeguard alone, ranked best first (verdict, then stores saved). */
    std::vector<SafeguardComparison> compare(const WhatIfResult& baseline, ProgressSink* progress = nullptr) const;

private:
    static WhatIfResult execute(const WhatIfInputs& inputs, TerraformState state, const CatalogueRules& catalogue,
        const std::vector<Safeguard>& safeguards, ProgressSink* progress,
        const std::vector<RecordedDelete>* recorded = nullptr);

    const WhatIfInputs& m_inputs;
    const CatalogueRules& m_catalogue;
};

} // namespace blastline::core
