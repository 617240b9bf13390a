// SPDX-License-Identifier: MIT
#pragma once

#include "JsonLocation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace blastline::importers::scenario {

/**
 * What the sections of a scenario share while it is read: the folder evidence paths are relative to, and the
 * ids declared so far, so that a reference is checked where it is written (its pointer is the error's).
 */
struct ScenarioContext
{
    std::filesystem::path folder;
    std::map<std::string, std::string> sourceIds; // id -> pointer of its declaration
    std::map<std::string, std::string> stateIds;
    std::map<std::string, std::string> planIds; // commands name a plan by id, like a state
    unsigned schemaMajor = 1; // the document's blastline.scenario/N: keys added in /2 are refused in a /1 document
};

/**
 * Refuses keys outside `allowed`: a misspelt optional key would otherwise be silently ignored, and a replay
 * built on a scenario that lost its "reconstructed": true would tell a reconstruction as fact.
 */
void checkKeys(const nlohmann::json& object, const std::string& pointer, std::initializer_list<const char*> allowed);
/** The object at `pointer`, or a StructureError saying an object was expected. */
const nlohmann::json& objectAt(const nlohmann::json& value, const std::string& pointer);
/** The array field (absent or null = empty unless `required`). */
const nlohmann::json& arrayField(
    const nlohmann::json& object, const char* key, const std::string& pointer, bool required);
/** A non-empty string field. */
std::string textField(const nlohmann::json& object, const char* key, const std::string& pointer);
/** An ISO 8601 time with a zone; `dateOk` also accepts a bare date (its midnight UTC). */
std::int64_t timeField(const nlohmann::json& object, const char* key, const std::string& pointer, bool dateOk);
/** "sources": a list of ids declared in /metadata/sources. */
std::vector<std::string> sourceList(
    const nlohmann::json& object, const std::string& pointer, const ScenarioContext& context);
/** Refuses the second declaration of an id in one list, naming the first. */
void declareId(std::map<std::string, std::string>& ids, const std::string& id, const std::string& pointer);
/** Text that happened or was claimed must say where it comes from, or admit it is reconstructed. */
void expectSourcedOrReconstructed(
    const std::vector<std::string>& sources, bool reconstructed, const std::string& pointer);

} // namespace blastline::importers::scenario
