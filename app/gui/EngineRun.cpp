// SPDX-License-Identifier: MIT
#include "gui/EngineRun.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/core/Safeguard.h"
#include "blastline/core/Scenario.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/importers/ScenarioSession.h"

namespace blastline::gui {

namespace {

std::vector<core::Safeguard> coreSafeguards(const std::vector<std::string>& names)
{
    std::vector<core::Safeguard> safeguards;
    for (const std::string& name : names) {
        const std::optional<core::Safeguard> safeguard = core::parseSafeguard(name);
        if (!safeguard)
            throw core::InputError(name + ": not a safeguard of a destroy or a plan");
        safeguards.push_back(*safeguard);
    }
    return safeguards;
}

/** A trail opened alone: its events on the timeline as recorded, nothing simulated. */
RunResult trailOnly(const core::Trail& trail)
{
    RunResult run;
    for (const core::TrailEvent& recorded : trail.events()) {
        core::ReplayEvent event;
        event.timeMs = recorded.timeMs;
        event.origin = core::ReplayEvent::Origin::CloudTrail;
        event.eventName = std::string(trail.text(recorded.eventName));
        event.text = std::string(trail.text(recorded.eventSource)) + " " + event.eventName + " by "
            + std::string(trail.text(recorded.principal));
        if (recorded.failed())
            event.outcome = "failed";
        run.replay.events.push_back(std::move(event));
    }
    if (!run.replay.events.empty()) {
        run.startMs = run.replay.events.front().timeMs;
        run.endMs = run.replay.events.back().timeMs;
    }
    return run;
}

/** Which of the trail's events name each instance of the run's graph (TrailCorrelator, as `timeline --state`). */
std::shared_ptr<const std::map<std::string, std::vector<std::size_t>>> correlate(
    const core::Trail& trail, const core::ResourceGraph* graph, core::ProgressSink& progress)
{
    auto byAddress = std::make_shared<std::map<std::string, std::vector<std::size_t>>>();
    if (graph == nullptr || trail.events().empty())
        return byAddress;
    const core::TrailCorrelator correlator({&graph->state()});
    const std::vector<core::TrailEvent>& events = trail.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i % 4096 == 0) {
            progress.progress("Linking the trail to the resources", i, events.size());
            if (progress.isCancelled())
                throw core::OperationCancelled();
        }
        for (const core::TrailCorrelator::Holder& holder : correlator.holders(events[i], trail))
            (*byAddress)[correlator.instance(holder).displayName()].push_back(i);
    }
    return byAddress;
}

} // namespace

RunResult EngineRun::run(const Document& document, const std::vector<std::string>& safeguards,
    core::ProgressSink& progress, std::optional<std::int64_t> haltAfterMs)
{
    RunResult run;
    switch (document.kind) {
    case Document::Kind::Scenario: {
        for (const std::string& name : safeguards) {
            if (!core::isScenarioSafeguard(name))
                throw core::InputError(name + ": not a safeguard of a scenario");
        }
        progress.progress("Replaying the scenario", 0, 0);
        const core::Scenario& scenario = document.scenario->scenario();
        run = RunResult::fromReplay(
            document.scenario->engine().run(safeguards, haltAfterMs), scenario.metadata.incidentStart);
        break;
    }
    case Document::Kind::State:
        run = RunResult::fromWhatIf(core::WhatIfEngine::runOnce(
            *document.whatIfInputs, *document.catalogue, coreSafeguards(safeguards), &progress));
        break;
    case Document::Kind::Plan:
        run = RunResult::fromWhatIf(core::WhatIfEngine::runPlan(
            *document.plan, *document.whatIfInputs, *document.catalogue, coreSafeguards(safeguards), &progress));
        break;
    case Document::Kind::Trail:
        run = trailOnly(*document.trail);
        break;
    }
    run.trailEvents = correlate(*document.trail, run.graph.get(), progress);
    return run;
}

std::vector<std::string> EngineRun::availableSafeguards(const Document& document)
{
    std::vector<std::string> names;
    if (!document.isSimulated())
        return names;
    for (const core::Safeguard safeguard : core::allSafeguards())
        names.emplace_back(core::toString(safeguard));
    if (document.hasProcessSafeguards()) {
        for (const std::string_view process : core::kProcessSafeguards)
            names.emplace_back(process);
    }
    return names;
}

} // namespace blastline::gui
