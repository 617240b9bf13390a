// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Gate.h"
#include "blastline/core/Safeguard.h"
#include "blastline/core/TerraformConfiguration.h"
#include "blastline/core/TerraformPlan.h"
#include "blastline/core/WhatIfEngine.h"

#include <map>
#include <string>
#include <vector>

namespace blastline::cli {

/** How bad one finding of `blastline check` is; the order is the order of the reports. */
enum class FindingKind
{
    DataLoss, // a data store is deleted and no recovery point survives
    Unknown, // a data store's fate depends on a fact nobody knows
    Recoverable, // a data store is deleted; a recovery point survives
    Delete // any other object the plan deletes (or a data store that holds nothing)
};

/** A safeguard that, alone (beside the --assume ones), would change a data store's fate. */
struct Prevention
{
    core::Safeguard safeguard;
    core::DataFate fate; // intact, or recoverable for a store that was lost
};

/** One data store at stake, or one deleted object, with what the plan does to it. */
struct Finding
{
    FindingKind kind = FindingKind::Delete;
    std::string address;
    std::string type;
    std::string action; // "delete", "replace"; "" for a store no operation of the plan names
    std::string replaceOrder;
    std::string actionReason;
    std::vector<std::string> replacePaths;
    std::string explanation; // the engine's words for the store, or the operation's failure reason
    const core::DataStoreResult* store = nullptr; // null for a plain delete
    bool failsGate = false; // this finding reaches the --fail-on threshold
    std::vector<Prevention> preventions; // filled only when the output needs them (Markdown, SARIF)
};

/** What `blastline check` ran and found: the input of every output format. */
struct CheckRun
{
    const core::TerraformPlan* plan = nullptr;
    const core::WhatIfResult* result = nullptr;
    const core::TerraformConfiguration* configuration = nullptr; // with --config
    std::string asOf;
    core::FailOn failOn = core::FailOn::DataLoss;
    bool failed = false; // core::failsGate's answer: the exit code follows it

    /**
     * The data stores whose fate is not intact, worst first, then every other object the plan
     * deletes; `preventions` maps a data store's address to the safeguards that would save it.
     */
    std::vector<Finding> findings(const std::map<std::string, std::vector<Prevention>>* preventions = nullptr) const;
};

/** "data-loss", "unknown", "recoverable", "delete" */
const char* toString(FindingKind kind);
/** What the threshold fails on, in words: "a data store is lost". */
const char* describeThreshold(core::FailOn failOn);
/** "replace (delete-before-create, forced by identifier)" or "delete". */
std::string describeChange(const Finding& finding);

} // namespace blastline::cli
