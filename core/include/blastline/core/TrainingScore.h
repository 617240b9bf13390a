// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ReplayEngine.h"
#include "blastline/core/Scenario.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace blastline::core {

/**
 * How a training exercise ends (`blastline train`, the desktop app's Scenario ▸ Train): the data stores lost in
 * reality that the trainee's choices saved, as the replay engine judged them, and the time to recover when some
 * were still lost.
 */
struct TrainingScore
{
    /**
     * False for a scenario without commands (an attacker's console deletes): the engine has nothing to simulate, so
     * any choice would score as saving everything; the fates are then the ground truth's.
     */
    bool engineJudges = true;
    std::size_t lostInReality = 0;
    std::size_t saved = 0; // intact or recoverable after the trainee's choices
    std::size_t unknown = 0; // the engine cannot tell (a fact nobody knows): neither saved nor lost
    Verdict verdict = Verdict::NoDataLoss; // of the last run
    /**
     * When stores are still lost: from the recorded delete of a lost store (else the simulated one, as it happened)
     * to the scenario's last key time (the restore); nullopt when the scenario gives no time for it.
     */
    std::optional<std::int64_t> timeToRecoverMs;

    bool recoveryNeeded() const { return saved != lostInReality; }

    /** `last`: the replay with every choice; `asItHappened`: the replay without safeguards. */
    static TrainingScore compute(const Scenario& scenario, const ReplayResult& last, const ReplayResult& asItHappened);
    /**
     * The fate of a ground-truth data store after `last`: core::toString(DataFate), "intact" when no simulated run
     * judged it (nothing deleted it); the ground truth's "lost"/"intact" when the engine does not judge the scenario.
     */
    static std::string fateOf(const Scenario& scenario, const ReplayResult* last, const std::string& address);
};

} // namespace blastline::core
