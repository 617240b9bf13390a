// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/NodeId.h"

#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

enum class OperationOutcome
{
    Done,
    Failed,
    Skipped
};

const char* toString(OperationOutcome outcome);

/** One simulated delete. Times are seconds from the start of the run; a skipped operation never ran. */
struct Operation
{
    NodeId node;
    std::string address; // display name (with the deposed suffix)
    std::string type;
    OperationOutcome outcome = OperationOutcome::Done;
    std::string reason; // the error text of a failure, or which failed dependent a skip waited on
    std::string rule; // the rule behind a failure (or behind an uncertainty)
    /** A failure that depends on facts nobody knows: the run assumes the delete goes through. */
    std::string uncertainty;
    int wave = 0; // 1 for instances nothing waits on; 1 + the latest wave of what must go first
    std::optional<double> startSeconds;
    std::optional<double> endSeconds;

    // What a plan asks for (a destroy's operations are all "delete"). Only deletes and replaces are
    // simulated; the others are listed with outcome Done and no times.
    std::string action = "delete"; // create, update, delete, replace, forget, read, no-op
    std::string replaceOrder; // "delete-before-create" | "create-before-destroy" for a replace
    std::string actionReason; // the plan's action_reason, e.g. "replace_because_cannot_update"
    std::vector<std::string> replacePaths; // attributes that forced the replacement, e.g. "identifier"
    bool deletes() const { return action == "delete" || action == "replace"; }
};

struct DestroySummary
{
    std::size_t instances = 0; // operations in scope
    std::size_t done = 0;
    std::size_t failed = 0;
    std::size_t skipped = 0;
};

struct DestroySimulation
{
    /** "destroy" for `terraform destroy`; "apply" when the operations are a plan's (WhatIfEngine::runPlan). */
    std::string kind = "destroy";
    std::vector<Operation> operations; // in the order of the simulated schedule (start time, then address)
    DestroySummary summary;
    int parallelism = 10;
    std::vector<std::string> targets; // as given; empty for a full destroy
    std::vector<std::string> warnings; // e.g. "Resource targeting is in effect"
};

} // namespace blastline::core
