// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ReplayEngine.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** The parts of a replay that are not simulation: the recorded story, and how the simulation compares to it. */
class ReplayTimeline
{
public:
    /** Where the simulated events of `replay` first differ from those of `baseline`; nullopt when they never do. */
    static std::optional<ReplayDivergence> divergence(const ReplayResult& baseline, const ReplayResult& replay);
    /**
     * Adds the narrative, the decision points and the trail's events. Trail events after a divergence of the
     * operations are left out: under the safeguards that history does not happen.
     */
    static void addStory(const ReplayInputs& inputs, const std::optional<ReplayDivergence>& divergence,
        std::vector<ReplayEvent>& events);
    /**
     * The simulated destroys against the trail's successful deletes after each destroy command: resources deleted
     * in one and not the other, and resources the trail deleted before something that depended on them (which
     * Terraform's order never does).
     */
    static std::vector<std::string> sequenceDifferences(const ReplayInputs& inputs, const ReplayResult& replay);
    /**
     * The world follows the record where there is one: a simulated delete that the trail records too takes the
     * recorded time, in `fates` and on its simulated event, since the engine's durations are estimates and the
     * trail's times are what happened. That holds for a delete the safeguards make fail as well: the trail's time
     * is when the call was made, and it would have been refused then; what waited on it is skipped at that time.
     * `recorded`: recordedSinceFirstCommand, read once for every run of the scenario.
     */
    static void alignWithTrail(const std::map<std::string, std::int64_t>& recorded, ReplayResult& replay);
    /** The trail's successful deletes from the scenario's first command on, by address (the first time each went). */
    static std::map<std::string, std::int64_t> recordedSinceFirstCommand(const ReplayInputs& inputs);
    /** Time order; at the same instant, the order events were added in. */
    static void sort(std::vector<ReplayEvent>& events);
};

} // namespace blastline::core
