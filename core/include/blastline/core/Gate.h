// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/DestroySimulation.h"

#include <optional>
#include <string_view>

namespace blastline::core {

/** The threshold of `blastline check --fail-on`: the least a result must reach to fail the gate. */
enum class FailOn
{
    DataLoss, // a data store is lost (the default)
    Unknown, // ... or its fate is unknown
    Recoverable, // ... or it is deleted and only recoverable from a recovery point
    AnyDelete // any object is deleted (a delete or a replace), data store or not
};

std::optional<FailOn> parseFailOn(std::string_view text); // "data-loss", "unknown", "recoverable", "any-delete"
const char* toString(FailOn failOn);

/** Whether a run fails the gate. An aborted run (prevent_destroy) deletes nothing and passes. */
bool failsGate(FailOn failOn, const DataLossAnalysis& analysis, const DestroySimulation& simulation);

} // namespace blastline::core
