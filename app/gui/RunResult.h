// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include "blastline/core/ReplayEngine.h"
#include "blastline/core/ResourceGraph.h"
#include "blastline/core/WhatIfEngine.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace blastline::gui {

/**
 * One engine run as the window shows it, whichever engine made it: the graph it ran on, its events on one timeline,
 * the data's outcome, and the world at any instant. A replay's times are UTC milliseconds; a what-if's are
 * milliseconds from the start of the simulated destroy (`relativeTimes`).
 */
struct RunResult
{
    /**
     * The run as a replay: a scenario's as the engine returned it; a what-if's operations placed from instant 0
     * the way the replay engine places a command's operations, so that worldAt answers for both.
     */
    core::ReplayResult replay;
    std::shared_ptr<const core::ResourceGraph> graph;
    bool relativeTimes = false;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    /** State and plan runs: the simulation and analysis (its graph moved into `graph`). */
    std::shared_ptr<const core::WhatIfResult> whatIf;

    /** Indexes into the document's trail events of those naming each instance of `graph`, by display name. */
    std::shared_ptr<const std::map<std::string, std::vector<std::size_t>>> trailEvents;

    const core::ReplayOutcome& outcome() const { return replay.outcome; }
    const std::vector<core::ReplayEvent>& events() const { return replay.events; }
    const std::vector<std::string>& safeguards() const { return replay.safeguards; }

    /** Every instance of the graph by display name, with its fate at `timeMs` as the engine computed it. */
    std::unordered_map<std::string, NodeFate> fatesAt(std::int64_t timeMs) const;
    /** The last instant anything happens: where the scrubber starts, showing the outcome. */
    std::int64_t finalTimeMs() const { return endMs; }

    /** A what-if run reshaped for the window: operations as simulated events, the analysis as the outcome. */
    static RunResult fromWhatIf(core::WhatIfResult result);
    /** A replay: its events and outcome as the engine returned them. */
    static RunResult fromReplay(core::ReplayResult result, std::int64_t incidentStartMs);
};

} // namespace blastline::gui
