// SPDX-License-Identifier: MIT
#include "blastline/core/TrainingScore.h"

#include <algorithm>

namespace blastline::core {

namespace {

/** When the trail (else the simulation, as it happened) first deletes a data store the ground truth says was lost. */
std::optional<std::int64_t> recordedLoss(const GroundTruth& truth, const ReplayResult& asItHappened)
{
    for (const ReplayEvent::Origin origin : {ReplayEvent::Origin::CloudTrail, ReplayEvent::Origin::Simulated}) {
        for (const ReplayEvent& event : asItHappened.events) {
            if (event.origin != origin || event.outcome == "failed" || event.outcome == "skipped")
                continue;
            for (const DataStoreTruth& store : truth.dataStores) {
                const bool names =
                    std::find(event.addresses.begin(), event.addresses.end(), store.address) != event.addresses.end();
                if (store.fate == DataStoreFate::Lost && names)
                    return event.timeMs;
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::string TrainingScore::fateOf(const Scenario& scenario, const ReplayResult* last, const std::string& address)
{
    if (scenario.commands.empty()) {
        for (const DataStoreTruth& truth : scenario.groundTruth.dataStores) {
            if (truth.address == address && truth.fate == DataStoreFate::Lost)
                return "lost";
        }
        return "intact";
    }
    if (last != nullptr) {
        for (const ReplayOutcome::DataStore& store : last->outcome.dataStores) {
            if (store.address == address)
                return toString(store.fate);
        }
    }
    return "intact"; // no simulated destroy judged it: nothing deleted it
}

TrainingScore TrainingScore::compute(
    const Scenario& scenario, const ReplayResult& last, const ReplayResult& asItHappened)
{
    TrainingScore score;
    score.engineJudges = !scenario.commands.empty();
    score.verdict = last.outcome.verdict;
    const GroundTruth& truth = scenario.groundTruth;
    for (const DataStoreTruth& store : truth.dataStores) {
        if (store.fate != DataStoreFate::Lost)
            continue;
        ++score.lostInReality;
        const std::string fate = fateOf(scenario, &last, store.address);
        score.saved += fate == "intact" || fate == "recoverable" ? 1 : 0;
        score.unknown += fate == "unknown" ? 1 : 0;
    }
    if (!score.recoveryNeeded())
        return score;
    const std::optional<std::int64_t> deleted = recordedLoss(truth, asItHappened);
    std::optional<std::int64_t> storyEnd;
    for (const KeyTime& key : truth.keyTimes)
        storyEnd = std::max(storyEnd.value_or(key.time), key.time);
    if (deleted && storyEnd && *storyEnd > *deleted)
        score.timeToRecoverMs = *storyEnd - *deleted;
    return score;
}

} // namespace blastline::core
