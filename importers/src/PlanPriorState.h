// SPDX-License-Identifier: MIT
#pragma once

#include "RecordLimits.h"

#include "blastline/core/TerraformState.h"

#include <nlohmann/json.hpp>

#include <string>

namespace blastline::importers {

/**
 * A plan's `prior_state`: the state JSON of `terraform show -json`, which is what the plan starts
 * from. Each resource object is handed to ShowJsonReader, the converter that reads the same objects
 * in a state file, so instances, provider names and redaction are exactly those of StateReader.
 * Throws StructureError relative to `priorState`, also past a state's record limits (resources, and
 * the attributes of one, as StateReader counts them).
 */
core::TerraformState readPriorState(
    const nlohmann::json& priorState, const std::string& planPath, const RecordLimits& limits);

} // namespace blastline::importers
