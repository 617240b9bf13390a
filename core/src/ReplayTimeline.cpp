// SPDX-License-Identifier: MIT
#include "ReplayTimeline.h"

#include "blastline/core/OutcomeDiff.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/core/UtcTime.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace blastline::core {

namespace {

std::vector<const ReplayEvent*> simulated(const ReplayResult& replay)
{
    std::vector<const ReplayEvent*> events;
    for (const ReplayEvent& event : replay.events) {
        if (event.origin == ReplayEvent::Origin::Simulated)
            events.push_back(&event);
    }
    std::stable_sort(
        events.begin(), events.end(), [](const ReplayEvent* a, const ReplayEvent* b) { return a->timeMs < b->timeMs; });
    return events;
}

/** Where the same operations are judged differently: the first one on a data store whose fate changes. */
std::int64_t judgementChange(const std::vector<FateChange>& changes, const std::vector<const ReplayEvent*>& operations)
{
    for (const ReplayEvent* event : operations) {
        for (const std::string& address : event->addresses) {
            const bool changed = std::any_of(
                changes.begin(), changes.end(), [&](const FateChange& change) { return change.address == address; });
            if (changed)
                return event->timeMs;
        }
    }
    return operations.empty() ? 0 : operations.front()->timeMs;
}

std::vector<const TerraformState*> statePointers(const ReplayInputs& inputs)
{
    std::vector<const TerraformState*> states;
    for (const auto& [id, state] : inputs.states)
        states.push_back(&state);
    return states;
}

std::string what(const Trail& trail, const TrailEvent& event)
{
    std::string text(trail.text(event.eventName));
    if (!event.identifiers.empty())
        text += " " + std::string(trail.text(event.identifiers.front()));
    std::string principal(trail.text(event.principal));
    if (const std::size_t slash = principal.find(":user/"); slash != std::string::npos)
        principal = principal.substr(slash + 1);
    text += " by " + principal + " (" + trail.tool(event.tool).name + ")";
    if (event.failed())
        text += ": " + std::string(trail.text(event.errorCode));
    return text;
}

/** The successful deletes of the trail at or after `fromMs`, by address, the first time each address went. */
std::map<std::string, std::int64_t> recordedDeletes(const ReplayInputs& inputs, std::int64_t fromMs)
{
    std::map<std::string, std::int64_t> deletes;
    if (inputs.trail == nullptr)
        return deletes;
    const TrailCorrelator correlator(statePointers(inputs));
    for (const TrailEvent& event : inputs.trail->events()) {
        const bool destroys =
            event.eventClass == EventClass::Delete || event.eventClass == EventClass::BackupDestroying;
        if (event.timeMs < fromMs || event.failed() || !destroys)
            continue;
        for (const TrailCorrelator::Holder& holder : correlator.holders(event, *inputs.trail)) {
            if (holder.acted)
                deletes.emplace(correlator.instance(holder).displayName(), event.timeMs);
        }
    }
    return deletes;
}

} // namespace

std::optional<ReplayDivergence> ReplayTimeline::divergence(const ReplayResult& baseline, const ReplayResult& replay)
{
    const std::vector<const ReplayEvent*> before = simulated(baseline);
    const std::vector<const ReplayEvent*> after = simulated(replay);
    // What happened and no longer does, and what happens instead: compared by what happens (their words), each
    // matched once, and the earliest unmatched is where history departs. Not by time: a delete the trail records has
    // the recorded time in both worlds (alignWithTrail), and the others' times are the engine's estimates, which
    // shift when a safeguard frees or holds one of Terraform's parallel slots without changing what happens.
    const auto missingFrom = [](const std::vector<const ReplayEvent*>& events,
                                 const std::vector<const ReplayEvent*>& other) {
        std::map<std::string_view, std::size_t> unmatched;
        for (const ReplayEvent* candidate : other)
            ++unmatched[candidate->text];
        const ReplayEvent* earliest = nullptr;
        for (const ReplayEvent* event : events) {
            if (const auto found = unmatched.find(event->text); found != unmatched.end() && found->second > 0) {
                --found->second;
                continue;
            }
            if (earliest == nullptr || event->timeMs < earliest->timeMs)
                earliest = event;
        }
        return earliest;
    };
    const ReplayEvent* was = missingFrom(before, after);
    const ReplayEvent* is = missingFrom(after, before);
    if (was != nullptr || is != nullptr) {
        const std::int64_t time =
            std::min(was != nullptr ? was->timeMs : is->timeMs, is != nullptr ? is->timeMs : was->timeMs);
        std::string description = "as it happened: " + (was != nullptr ? was->text : std::string("nothing more"))
            + "; with the safeguards: " + (is != nullptr ? is->text : std::string("nothing more"));
        return ReplayDivergence {time, std::move(description)};
    }
    // The same operations, and yet a data store fares differently (a final snapshot is taken): history diverges for
    // the data, if not for the resources.
    const std::vector<FateChange> changes = diffOutcomes(baseline.outcome, replay.outcome);
    if (!changes.empty()) {
        std::string description = "the same operations, judged differently: " + changes.front().describe();
        for (std::size_t i = 1; i < changes.size(); ++i)
            description += ", " + changes[i].describe();
        return ReplayDivergence {judgementChange(changes, after), std::move(description), false};
    }
    return std::nullopt;
}

void ReplayTimeline::addStory(
    const ReplayInputs& inputs, const std::optional<ReplayDivergence>& divergence, std::vector<ReplayEvent>& events)
{
    // After the operations diverge, what people said and did is the history the safeguards change: it stays on the
    // timeline for the trainee, marked, since whether any of it still happens is not something the engine can know.
    const auto superseded = [&](std::int64_t time) {
        return divergence && divergence->operationsDiffer && time > divergence->timeMs;
    };
    for (const ScenarioNarrativeEntry& entry : inputs.scenario->narrative) {
        std::string text = entry.actor.empty() ? entry.text : entry.actor + ": " + entry.text;
        if (superseded(entry.time))
            text = "in the history the safeguards change: " + text;
        events.push_back({entry.time, ReplayEvent::Origin::Narrative, std::move(text), {}, {},
            superseded(entry.time) ? "superseded" : ""});
    }
    for (const DecisionPoint& decision : inputs.scenario->decisions) {
        std::string text = decision.question + " (";
        for (std::size_t i = 0; i < decision.options.size(); ++i)
            text += (i == 0 ? "" : " | ") + decision.options[i].label;
        events.push_back({decision.time, ReplayEvent::Origin::Decision, text + ")", decision.id, {}, {}});
    }
    if (inputs.trail == nullptr)
        return;
    const TrailCorrelator correlator(statePointers(inputs));
    for (const TrailEvent& event : inputs.trail->events()) {
        if (divergence && divergence->operationsDiffer && event.timeMs >= divergence->timeMs)
            break; // events are in time order; what follows is the history the safeguards prevent
        ReplayEvent entry {event.timeMs, ReplayEvent::Origin::CloudTrail, what(*inputs.trail, event),
            std::string(inputs.trail->text(event.eventName)), {}, event.failed() ? "failed" : ""};
        for (const TrailCorrelator::Holder& holder : correlator.holders(event, *inputs.trail)) {
            if (holder.acted)
                entry.addresses.push_back(correlator.instance(holder).displayName());
        }
        events.push_back(std::move(entry));
    }
}

std::map<std::string, std::int64_t> ReplayTimeline::recordedSinceFirstCommand(const ReplayInputs& inputs)
{
    std::optional<std::int64_t> firstCommand;
    for (const ScenarioCommand& command : inputs.scenario->commands)
        firstCommand = std::min(firstCommand.value_or(command.time), command.time);
    if (!firstCommand || inputs.trail == nullptr)
        return {};
    return recordedDeletes(inputs, *firstCommand);
}

void ReplayTimeline::alignWithTrail(const std::map<std::string, std::int64_t>& recorded, ReplayResult& replay)
{
    if (recorded.empty())
        return;
    for (ReplayResult::Fate& fate : replay.fates) {
        if (const auto found = recorded.find(fate.address); found != recorded.end())
            fate.atMs = found->second;
    }
    // The simulated deletes behind those fates, done or failed (a plan's creates and updates are listed, not
    // retimed); then what was skipped takes the time of the failures it waited on, as the engine placed it.
    const auto isDelete = [](const ReplayEvent& event) {
        return event.origin == ReplayEvent::Origin::Simulated
            && (event.eventName == "delete" || event.eventName == "replace") && event.addresses.size() == 1;
    };
    std::vector<const ReplayEvent*> failures;
    for (ReplayEvent& event : replay.events) {
        if (!isDelete(event) || (event.outcome != "done" && event.outcome != "failed"))
            continue;
        if (const auto found = recorded.find(event.addresses.front()); found != recorded.end())
            event.timeMs = found->second;
        if (event.outcome == "failed")
            failures.push_back(&event);
    }
    for (ReplayEvent& event : replay.events) {
        if (!isDelete(event) || event.outcome != "skipped")
            continue;
        std::optional<std::int64_t> latest;
        for (const ReplayEvent* failure : failures) {
            if (event.text.find(failure->addresses.front()) != std::string::npos)
                latest = std::max(latest.value_or(failure->timeMs), failure->timeMs);
        }
        if (latest)
            event.timeMs = *latest;
    }
}

std::vector<std::string> ReplayTimeline::sequenceDifferences(const ReplayInputs& inputs, const ReplayResult& replay)
{
    std::vector<std::string> differences;
    std::int64_t destroyStart = 0;
    bool anyDestroy = false;
    for (const ScenarioCommand& command : inputs.scenario->commands) {
        if (command.commandLine.find("destroy") != std::string::npos) {
            destroyStart = anyDestroy ? std::min(destroyStart, command.time) : command.time;
            anyDestroy = true;
        }
    }
    if (!anyDestroy || inputs.trail == nullptr || inputs.trail->events().empty())
        return differences;
    const std::map<std::string, std::int64_t> recorded = recordedDeletes(inputs, destroyStart);
    std::map<std::string, std::int64_t> simulatedDeletes;
    for (const ReplayResult::Fate& fate : replay.fates) {
        if (!fate.failed)
            simulatedDeletes.emplace(fate.address, fate.atMs);
    }
    for (const auto& [address, at] : simulatedDeletes) {
        if (recorded.count(address) == 0)
            differences.push_back(address + ": destroyed in the simulation at " + UtcTime::format(at)
                + ", no successful delete of it in the trail");
    }
    for (const auto& [address, at] : recorded) {
        if (simulatedDeletes.count(address) == 0)
            differences.push_back(
                address + ": deleted in the trail at " + UtcTime::format(at) + ", not destroyed in the simulation");
    }
    // Terraform deletes a resource only after everything that depends on it: the trail must agree.
    for (const auto& [id, state] : inputs.states) {
        for (const ResourceInstance& dependent : state.instances) {
            const auto dependentAt = recorded.find(dependent.displayName());
            if (dependentAt == recorded.end())
                continue;
            for (const std::string& dependency : dependent.dependencies) {
                for (const auto& [address, at] : recorded) {
                    const bool sameResource = address == dependency || address.starts_with(dependency + "[");
                    if (sameResource && at < dependentAt->second)
                        differences.push_back(address + " was deleted at " + UtcTime::format(at) + " in the trail, "
                            + "before " + dependent.displayName() + " that depends on it ("
                            + UtcTime::format(dependentAt->second) + ")");
                }
            }
        }
    }
    return differences;
}

void ReplayTimeline::sort(std::vector<ReplayEvent>& events)
{
    std::stable_sort(
        events.begin(), events.end(), [](const ReplayEvent& a, const ReplayEvent& b) { return a.timeMs < b.timeMs; });
}

} // namespace blastline::core
