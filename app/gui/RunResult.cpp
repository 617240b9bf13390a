// SPDX-License-Identifier: MIT
#include "gui/RunResult.h"

#include "blastline/core/DestroySimulation.h"

#include <algorithm>

namespace blastline::gui {

namespace {

void markAll(std::unordered_map<std::string, NodeFate>& fates, const std::vector<std::string>& addresses, NodeFate fate)
{
    for (const std::string& address : addresses)
        fates[address] = fate;
}

std::int64_t milliseconds(const std::optional<double>& seconds)
{
    return static_cast<std::int64_t>(seconds.value_or(0.0) * 1000.0);
}

/** The simulated operation as a timeline entry, worded as the replay engine words its own. */
core::ReplayEvent eventOf(const core::Operation& operation)
{
    core::ReplayEvent event;
    event.origin = core::ReplayEvent::Origin::Simulated;
    event.eventName = operation.action;
    event.addresses = {operation.address};
    event.outcome = core::toString(operation.outcome);
    switch (operation.outcome) {
    case core::OperationOutcome::Done:
        event.timeMs = milliseconds(operation.endSeconds);
        event.text = (operation.action == "replace" ? "replaced " : "destroyed ") + operation.address;
        break;
    case core::OperationOutcome::Failed:
        event.timeMs = milliseconds(operation.endSeconds);
        event.text = "failed to destroy " + operation.address + ": " + operation.reason;
        break;
    case core::OperationOutcome::Skipped:
        event.timeMs = milliseconds(operation.startSeconds);
        event.text = "skipped " + operation.address + ": " + operation.reason;
        break;
    }
    return event;
}

} // namespace

std::unordered_map<std::string, NodeFate> RunResult::fatesAt(std::int64_t timeMs) const
{
    std::unordered_map<std::string, NodeFate> fates;
    if (graph) {
        for (std::uint32_t i = 0; i < graph->nodeCount(); ++i) {
            const core::ResourceInstance& instance = graph->instance(core::NodeId {i});
            // Data sources are read, never destroyed; the engine leaves them out of the world.
            fates[instance.displayName()] = instance.isManaged() ? NodeFate::Alive : NodeFate::Unknown;
        }
    }
    const core::ReplayWorld world = replay.worldAt(timeMs);
    markAll(fates, world.alive, NodeFate::Alive);
    markAll(fates, world.pending, NodeFate::Pending);
    markAll(fates, world.deleted, NodeFate::Deleted);
    markAll(fates, world.failed, NodeFate::Failed);
    // A skipped delete never runs: shown as such once the run has reached it.
    for (const core::ReplayEvent& event : replay.events) {
        if (event.origin == core::ReplayEvent::Origin::Simulated && event.outcome == "skipped"
            && event.timeMs <= timeMs) {
            for (const std::string& address : event.addresses) {
                const auto found = fates.find(address);
                if (found != fates.end() && found->second == NodeFate::Alive)
                    found->second = NodeFate::Skipped;
            }
        }
    }
    return fates;
}

RunResult RunResult::fromWhatIf(core::WhatIfResult result)
{
    RunResult run;
    run.relativeTimes = true;
    for (const core::Safeguard safeguard : result.safeguards)
        run.replay.safeguards.emplace_back(core::toString(safeguard));
    run.graph = std::shared_ptr<const core::ResourceGraph>(std::move(result.graph));
    if (run.graph) {
        for (std::uint32_t i = 0; i < run.graph->nodeCount(); ++i) {
            const core::ResourceInstance& instance = run.graph->instance(core::NodeId {i});
            if (instance.isManaged())
                run.replay.addresses.push_back(instance.displayName());
        }
    }
    for (const core::Operation& operation : result.simulation.operations) {
        if (!operation.deletes())
            continue; // creates and updates of a plan are listed by the engine, not simulated
        core::ReplayEvent event = eventOf(operation);
        if (operation.outcome != core::OperationOutcome::Skipped)
            run.replay.fates.push_back(
                {operation.address, event.timeMs, operation.outcome == core::OperationOutcome::Failed});
        run.endMs = std::max(run.endMs, event.timeMs);
        run.replay.events.push_back(std::move(event));
    }
    std::stable_sort(run.replay.events.begin(), run.replay.events.end(),
        [](const core::ReplayEvent& a, const core::ReplayEvent& b) { return a.timeMs < b.timeMs; });

    run.replay.outcome.verdict = result.analysis.verdict;
    for (const core::DataStoreResult& store : result.analysis.dataStores)
        run.replay.outcome.dataStores.push_back({store.address, store.fate, store.explanation, store.recoveryPoints});
    run.replay.graph = run.graph;
    run.whatIf = std::make_shared<const core::WhatIfResult>(std::move(result));
    return run;
}

RunResult RunResult::fromReplay(core::ReplayResult result, std::int64_t incidentStartMs)
{
    RunResult run;
    run.startMs = incidentStartMs;
    run.endMs = incidentStartMs;
    for (const core::ReplayEvent& event : result.events) {
        run.startMs = std::min(run.startMs, event.timeMs);
        run.endMs = std::max(run.endMs, event.timeMs);
    }
    run.graph = result.graph;
    run.replay = std::move(result);
    return run;
}

} // namespace blastline::gui
