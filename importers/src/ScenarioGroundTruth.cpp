// SPDX-License-Identifier: MIT
// /ground_truth of a scenario: what the sources say happened, for tests to hold a replay of history against.
#include "ScenarioSections.h"

namespace blastline::importers::scenario {

using nlohmann::json;

namespace {

core::DataStoreFate parseFate(const json& item, const std::string& pointer)
{
    const std::string fate = textField(item, "fate", pointer);
    if (fate == "lost")
        return core::DataStoreFate::Lost;
    if (fate == "intact")
        return core::DataStoreFate::Intact;
    if (fate == "recoverable")
        return core::DataStoreFate::Recoverable;
    if (fate == "restored")
        return core::DataStoreFate::Restored;
    throw StructureError(pointer + "/fate",
        "expected \"lost\", \"intact\", \"recoverable\" or \"restored\", found " + json(fate).dump());
}

core::RecoveryPointTruth::Fate parsePointFate(const json& item, const std::string& pointer)
{
    const std::string fate = textField(item, "fate", pointer);
    if (fate == "deleted")
        return core::RecoveryPointTruth::Fate::Deleted;
    if (fate == "skipped")
        return core::RecoveryPointTruth::Fate::Skipped;
    if (fate == "survived")
        return core::RecoveryPointTruth::Fate::Survived;
    throw StructureError(
        pointer + "/fate", "expected \"deleted\", \"skipped\" or \"survived\", found " + json(fate).dump());
}

std::vector<core::RecoveryPointTruth> readRecoveryPoints(
    const json& store, const std::string& pointer, const ScenarioContext& context)
{
    const json& list = arrayField(store, "recovery_points", pointer, false);
    std::vector<core::RecoveryPointTruth> points;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointPointer = pointer + "/recovery_points/" + std::to_string(i);
        const json& item = objectAt(list[i], pointPointer);
        checkKeys(item, pointPointer, {"kind", "fate", "note", "sources"});
        core::RecoveryPointTruth point;
        point.kind = textField(item, "kind", pointPointer);
        point.fate = parsePointFate(item, pointPointer);
        point.note = stringField(item, "note", pointPointer, false);
        point.sources = sourceList(item, pointPointer, context);
        expectSourcedOrReconstructed(point.sources, false, pointPointer);
        points.push_back(std::move(point));
    }
    return points;
}

std::vector<core::DataStoreTruth> readDataStores(const json& truth, const ScenarioContext& context)
{
    const json& list = arrayField(truth, "data_stores", "/ground_truth", false);
    std::vector<core::DataStoreTruth> stores;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/ground_truth/data_stores/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"address", "fate", "note", "at_risk", "recovery_points", "sources"});
        core::DataStoreTruth store;
        store.address = textField(item, "address", pointer);
        store.fate = parseFate(item, pointer);
        store.note = stringField(item, "note", pointer, false);
        store.atRisk = stringField(item, "at_risk", pointer, false);
        store.recoveryPoints = readRecoveryPoints(item, pointer, context);
        store.sources = sourceList(item, pointer, context);
        expectSourcedOrReconstructed(store.sources, false, pointer);
        stores.push_back(std::move(store));
    }
    return stores;
}

std::vector<core::KeyTime> readKeyTimes(const json& truth, const ScenarioContext& context)
{
    const json& list = arrayField(truth, "key_times", "/ground_truth", false);
    std::map<std::string, std::string> names;
    std::vector<core::KeyTime> times;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/ground_truth/key_times/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"name", "time", "sources"});
        core::KeyTime time;
        time.name = textField(item, "name", pointer);
        if (const auto [it, added] = names.emplace(time.name, pointer); !added)
            throw StructureError(
                pointer + "/name", "duplicate name " + json(time.name).dump() + "; the first is at " + it->second);
        time.time = timeField(item, "time", pointer, false);
        time.sources = sourceList(item, pointer, context);
        expectSourcedOrReconstructed(time.sources, false, pointer);
        times.push_back(std::move(time));
    }
    return times;
}

} // namespace

core::GroundTruth readGroundTruth(const json& root, const ScenarioContext& context)
{
    const json* found = findField(root, "ground_truth");
    if (found == nullptr)
        throw StructureError("", "missing \"ground_truth\"; expected an object");
    const json& truth = objectAt(*found, "/ground_truth");
    checkKeys(truth, "/ground_truth", {"data_stores", "key_times", "outcome"});
    core::GroundTruth result;
    result.dataStores = readDataStores(truth, context);
    result.keyTimes = readKeyTimes(truth, context);
    result.outcome = textField(truth, "outcome", "/ground_truth");
    return result;
}

} // namespace blastline::importers::scenario
