// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Scenario.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * Reads a `blastline.scenario/2` (or /1) document (docs/scenario-format.md) into a core::Scenario, checked whole:
 * unknown keys are refused (a misspelt "reconstructed" must not pass as fact), source, state and option ids
 * must resolve, decision effects must name a safeguard (core::parseSafeguard or core::kProcessSafeguards) or
 * "stop" / "continue", times must carry a zone, evidence paths must exist relative to the scenario's folder
 * and are returned absolute. A newer schema major is refused rather than half understood.
 *
 * Throws core::InputError "NAME:LINE:COLUMN: syntax error: ..." or "NAME: at /json/pointer: ..." saying
 * what was expected. Never returns a partial scenario.
 */
class ScenarioReader
{
public:
    /** A file, or a folder holding scenario.json; evidence paths are relative to the file's folder. */
    static core::Scenario readFile(const std::string& pathOrFolder);
    /** `name` is used in messages and as Scenario::file; evidence paths are relative to `baseFolder`. */
    static core::Scenario readText(
        std::string_view json, const std::string& name, const std::filesystem::path& baseFolder);
};

} // namespace blastline::importers
