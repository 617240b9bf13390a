// SPDX-License-Identifier: MIT
#pragma once

#include "ScenarioFields.h"

#include "blastline/core/Scenario.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace blastline::importers::scenario {

// The sections of a scenario after /metadata and /evidence (ScenarioReader.cpp), which declare the ids these
// refer to. Each takes the root and throws StructureError with a pointer from the root.
std::vector<core::ScenarioNarrativeEntry> readNarrative(const nlohmann::json& root, const ScenarioContext& context);
std::vector<core::ScenarioCommand> readCommands(const nlohmann::json& root, const ScenarioContext& context);
std::vector<core::DecisionPoint> readDecisions(const nlohmann::json& root, const ScenarioContext& context);
core::GroundTruth readGroundTruth(const nlohmann::json& root, const ScenarioContext& context);

} // namespace blastline::importers::scenario
