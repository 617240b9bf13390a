// SPDX-License-Identifier: MIT
#include "blastline/core/ReplayEngine.h"

#include "ReplayTimeline.h"

#include "blastline/core/Error.h"
#include "blastline/core/ToolIdentity.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/core/UtcTime.h"
#include "blastline/core/WhatIfEngine.h"

#include <algorithm>
#include <array>

namespace blastline::core {

namespace {

/** Which safeguards a replay assumes, split into the engine's own and the process ones. */
struct Assumptions
{
    std::vector<Safeguard> core;
    bool approvalGate = false;
    bool intendedStates = false; // remote-state or separate-state: each command uses the state it should have
    std::optional<std::int64_t> haltAfterMs; // no command after this instant runs

    static Assumptions parse(const std::vector<std::string>& names)
    {
        Assumptions assumptions;
        for (const std::string& name : names) {
            if (const auto safeguard = parseSafeguard(name))
                assumptions.core.push_back(*safeguard);
            else if (name == "approval-gate")
                assumptions.approvalGate = true;
            else if (name == "remote-state" || name == "separate-state")
                assumptions.intendedStates = true;
            else
                throw InputError("--assume " + name
                    + ": not a safeguard; expected a deletion safeguard (deletion-protection, ...) or a process "
                      "safeguard: remote-state, approval-gate, separate-state");
        }
        return assumptions;
    }
};

bool isDestroy(const ScenarioCommand& command)
{
    const std::string& line = command.commandLine;
    return line.find("terraform destroy") != std::string::npos || line.find("tofu destroy") != std::string::npos;
}

/** An apply of a named plan: what it does is in the plan, so it can be simulated (an apply without one cannot). */
bool isPlannedApply(const ScenarioCommand& command)
{
    const std::string& line = command.commandLine;
    return command.plan
        && (line.find("terraform apply") != std::string::npos || line.find("tofu apply") != std::string::npos);
}

/** The worse of two verdicts, for a scenario with several destroys. */
Verdict worse(Verdict a, Verdict b)
{
    static constexpr std::array kOrder {
        Verdict::DataLoss, Verdict::Unknown, Verdict::Recoverable, Verdict::Aborted, Verdict::NoDataLoss};
    const auto rank = [](Verdict v) { return std::find(kOrder.begin(), kOrder.end(), v) - kOrder.begin(); };
    return rank(a) <= rank(b) ? a : b;
}

/** The data stores a destroy deletes, as a reviewer reading its plan would see them: those it loses first. */
std::vector<std::string> deletedDataStores(const WhatIfResult& result)
{
    std::vector<const DataStoreResult*> deleted;
    for (const DataStoreResult& store : result.analysis.dataStores) {
        if (store.fate != DataFate::Intact)
            deleted.push_back(&store);
    }
    // Lost before recoverable, and among those a store with recovery points (backups someone relied on, now going
    // with it or not) before one that never had any: what a reviewer reads first in a list cut to three.
    std::stable_sort(deleted.begin(), deleted.end(), [](const DataStoreResult* a, const DataStoreResult* b) {
        const bool aLost = a->fate == DataFate::Lost;
        const bool bLost = b->fate == DataFate::Lost;
        if (aLost != bLost)
            return aLost;
        return a->recoveryPoints.size() > b->recoveryPoints.size();
    });
    std::vector<std::string> stores;
    for (const DataStoreResult* store : deleted)
        stores.push_back(store->address);
    return stores;
}

std::string listed(const std::vector<std::string>& items, std::size_t most)
{
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < most; ++i)
        text += (i == 0 ? "" : ", ") + items[i];
    if (items.size() > most)
        text += " and " + std::to_string(items.size() - most) + " more";
    return text;
}

class Replayer
{
public:
    Replayer(const ReplayInputs& inputs, const Assumptions& assumptions)
        : m_inputs(inputs)
        , m_assumptions(assumptions)
    { }

    ReplayResult replay()
    {
        for (const ScenarioCommand& command : m_inputs.scenario->commands) {
            if (m_assumptions.haltAfterMs && command.time > *m_assumptions.haltAfterMs) {
                m_result.events.push_back({command.time, ReplayEvent::Origin::Simulated,
                    "not run, the story stopped before it: `" + command.commandLine + "`", {}, {}, "stopped"});
                continue;
            }
            if (command.recorded)
                replayRecorded(command);
            else if (isDestroy(command))
                simulateDestroy(command);
            else if (isPlannedApply(command))
                simulateApply(command);
            else
                m_result.events.push_back({command.time, ReplayEvent::Origin::Narrative,
                    command.actor + " runs `" + command.commandLine + "`", {}, {}, {}});
        }
        if (m_simulated == 0)
            m_result.outcome.verdict = Verdict::NoDataLoss;
        return std::move(m_result);
    }

private:
    /** The id of the state the command runs with: the intended one when remote-state or separate-state hold. */
    std::optional<std::string> stateIdFor(const ScenarioCommand& command) const
    {
        if (m_assumptions.intendedStates && command.intendedState)
            return command.intendedState;
        return command.state;
    }

    const TerraformState& stateFor(const ScenarioCommand& command) const
    {
        static const TerraformState kNone;
        const std::optional<std::string> id = stateIdFor(command);
        if (!id)
            return kNone;
        const auto found = m_inputs.states.find(*id);
        return found == m_inputs.states.end() ? kNone : found->second;
    }

    /**
     * The AWS provider version the trail shows Terraform using in the hour after the command: what rules that depend
     * on the provider (it lifts EC2 termination protection from 4.16.0) need, and otherwise leave unknown.
     */
    std::optional<std::string> providerVersionSeen(const ScenarioCommand& command) const
    {
        if (m_inputs.trail == nullptr)
            return std::nullopt;
        constexpr std::int64_t kWindowMs = 3'600'000;
        const std::vector<TrailEvent>& events = m_inputs.trail->events(); // in time order (Trail::finish)
        const auto from = std::lower_bound(events.begin(), events.end(), command.time,
            [](const TrailEvent& event, std::int64_t time) { return event.timeMs < time; });
        for (auto event = from; event != events.end() && event->timeMs <= command.time + kWindowMs; ++event) {
            const ToolIdentity& tool = m_inputs.trail->tools()[event->tool];
            const bool terraform = tool.kind == ToolIdentity::Kind::Terraform || tool.kind == ToolIdentity::Kind::OpenTofu;
            if (terraform && !tool.providerVersion.empty())
                return tool.providerVersion;
        }
        return std::nullopt;
    }

    void simulateDestroy(const ScenarioCommand& command)
    {
        const TerraformState& state = stateFor(command);
        WhatIfInputs inputs;
        inputs.state = state;
        inputs.asOf = m_inputs.asOf;
        const std::optional<std::string> provider = providerVersionSeen(command);
        if (provider)
            inputs.facts["aws_provider_version"] = AttributeValue::string(*provider);
        WhatIfResult result = WhatIfEngine::runOnce(std::move(inputs), *m_inputs.catalogue, m_assumptions.core);
        const std::optional<std::string> stateId = stateIdFor(command);
        place(command, state, result, "the plan of `" + command.commandLine + "` destroys",
            " with " + (stateId ? "the " + *stateId + " state" : std::string("no state"))
                + (provider ? " (terraform-provider-aws " + *provider + ", as the trail shows)" : std::string()));
    }

    /** The trail's deletes the command stands for, judged by the engine as history (WhatIfEngine::runRecorded). */
    void replayRecorded(const ScenarioCommand& command)
    {
        const TerraformState& state = stateFor(command);
        std::vector<RecordedDelete> deletes;
        if (m_inputs.trail != nullptr) {
            const Trail& trail = *m_inputs.trail;
            const TrailCorrelator correlator({&state});
            for (const TrailEvent& event : trail.events()) {
                const bool destroys =
                    event.eventClass == EventClass::Delete || event.eventClass == EventClass::BackupDestroying;
                if (event.timeMs < command.time || event.timeMs > command.recorded->until || event.failed() || !destroys)
                    continue;
                const std::string principal(trail.text(event.principal));
                const std::string user(trail.text(event.userName));
                const std::optional<std::string>& wanted = command.recorded->principal;
                if (wanted && principal.find(*wanted) == std::string::npos && user.find(*wanted) == std::string::npos)
                    continue;
                for (const TrailCorrelator::Holder& holder : correlator.holders(event, trail)) {
                    if (holder.acted)
                        deletes.push_back({correlator.instance(holder).displayName(),
                            static_cast<double>(event.timeMs - command.time) / 1000.0,
                            std::string(trail.text(event.eventName)), user.empty() ? principal : user});
                }
            }
        }
        WhatIfInputs inputs;
        inputs.state = state;
        inputs.asOf = m_inputs.asOf;
        WhatIfResult result =
            WhatIfEngine::runRecorded(deletes, std::move(inputs), *m_inputs.catalogue, m_assumptions.core);
        place(command, state, result, "", " (" + std::to_string(deletes.size()) + " deletes recorded in the trail until "
                + UtcTime::format(command.recorded->until) + ")");
    }

    /** The plan the command names, applied to the state it starts from: its prior state, else the command's. */
    void simulateApply(const ScenarioCommand& command)
    {
        const auto found = m_inputs.plans.find(*command.plan);
        if (found == m_inputs.plans.end())
            throw Error("ReplayEngine: the plan \"" + *command.plan + "\" of `" + command.commandLine
                + "` was not read; ReplayInputs::plans must hold every plan a command names");
        const TerraformPlan& plan = found->second;
        const TerraformState& state = plan.priorState ? *plan.priorState : stateFor(command);
        WhatIfInputs inputs;
        inputs.state = state;
        inputs.asOf = m_inputs.asOf;
        if (const std::optional<std::string> provider = providerVersionSeen(command))
            inputs.facts["aws_provider_version"] = AttributeValue::string(*provider);
        WhatIfResult result = WhatIfEngine::runPlan(plan, std::move(inputs), *m_inputs.catalogue, m_assumptions.core);
        place(command, state, result, "plan " + *command.plan + " of `" + command.commandLine + "` deletes or replaces",
            " (plan " + *command.plan + ")");
    }

    /**
     * A simulated destroy or apply on the timeline, or, under approval-gate, the reviewer stopping it when it
     * deletes a data store. `gateText` starts the reviewer's finding; `runText` ends the line of the command run.
     */
    void place(const ScenarioCommand& command, const TerraformState& state, WhatIfResult& result,
        const std::string& gateText, const std::string& runText)
    {
        ++m_simulated;
        if (result.graph && (!m_result.graph || result.graph->nodeCount() > m_result.graph->nodeCount()))
            m_result.graph = std::move(result.graph);
        // A reviewer approves plans; nobody reviews deletes made in a console.
        if (m_assumptions.approvalGate && result.simulation.kind != "recorded") {
            const std::vector<std::string> stores = deletedDataStores(result);
            if (!stores.empty()) {
                const auto deletes = std::count_if(result.simulation.operations.begin(),
                    result.simulation.operations.end(), [](const Operation& op) { return op.deletes(); });
                std::string text = "approval gate: " + gateText + " " + std::to_string(deletes)
                    + (deletes == 1 ? " resource" : " resources") + " and the data stores " + listed(stores, 3)
                    + "; the reviewer stops it";
                m_result.events.push_back(
                    {command.time, ReplayEvent::Origin::Simulated, std::move(text), "", stores, "stopped"});
                addAddresses(state);
                return;
            }
        }
        const bool recorded = result.simulation.kind == "recorded";
        m_result.events.push_back({command.time, ReplayEvent::Origin::Narrative,
            recorded ? command.actor + ": " + command.commandLine + runText
                     : command.actor + " runs `" + command.commandLine + "`" + runText,
            {}, {}, {}});
        addAddresses(state);
        const std::optional<AbortReason>& aborted = result.analysis.aborted;
        const bool apply = result.simulation.kind == "apply";
        // A refused plan changes nothing, not even what it would have created; a refused destroy shows as the
        // absence of its deletes, as it always has.
        if (aborted && apply)
            m_result.events.push_back({command.time, ReplayEvent::Origin::Simulated,
                "terraform refuses to apply: " + aborted->message, aborted->reason, {aborted->address}, "aborted"});
        // What a plan creates or updates is not simulated: it is listed once the simulated deletes are done.
        std::int64_t afterDeletes = command.time;
        for (const Operation& operation : result.simulation.operations) {
            if (operation.deletes())
                afterDeletes = std::max(afterDeletes, addOperation(command.time, operation, result.simulation.operations));
        }
        for (const Operation& operation : result.simulation.operations) {
            if (!aborted && !operation.deletes() && operation.action != "no-op")
                m_result.events.push_back({afterDeletes, ReplayEvent::Origin::Simulated,
                    operation.action + " " + operation.address + " (as the plan lists it; not simulated)",
                    operation.action, {operation.address}, toString(operation.outcome)});
        }
        m_result.outcome.verdict =
            m_simulated == 1 ? result.analysis.verdict : worse(m_result.outcome.verdict, result.analysis.verdict);
        for (const DataStoreResult& store : result.analysis.dataStores)
            m_result.outcome.dataStores.push_back({store.address, store.fate, store.explanation, store.recoveryPoints});
        for (const std::string& note : result.analysis.notes) {
            std::vector<std::string>& notes = m_result.outcome.notes;
            if (std::find(notes.begin(), notes.end(), note) == notes.end())
                notes.push_back(note);
        }
    }

    void addAddresses(const TerraformState& state)
    {
        for (const ResourceInstance& instance : state.instances) {
            if (instance.isManaged())
                m_result.addresses.push_back(instance.displayName());
        }
    }

    /** When the failure a skipped operation waited on happened (its reason names it), else the run's start. */
    static std::optional<double> failureBehind(const Operation& skipped, const std::vector<Operation>& run)
    {
        std::optional<double> latest;
        for (const Operation& failed : run) {
            if (failed.outcome == OperationOutcome::Failed && failed.endSeconds
                && skipped.reason.find(failed.address) != std::string::npos)
                latest = std::max(latest.value_or(0.0), *failed.endSeconds);
        }
        return latest ? latest : skipped.startSeconds;
    }

    /** Places a simulated delete or replace; returns its time. */
    std::int64_t addOperation(std::int64_t commandTime, const Operation& operation, const std::vector<Operation>& run)
    {
        const auto at = [&](const std::optional<double>& seconds) {
            return commandTime + static_cast<std::int64_t>(seconds.value_or(0.0) * 1000.0);
        };
        ReplayEvent event;
        event.origin = ReplayEvent::Origin::Simulated;
        event.eventName = operation.action;
        event.addresses = {operation.address};
        event.outcome = toString(operation.outcome);
        switch (operation.outcome) {
        case OperationOutcome::Done:
            event.timeMs = at(operation.endSeconds);
            event.text = operation.action == "replace"
                ? "replaced " + operation.address + ": the old object deleted, a new empty one created"
                : "destroyed " + operation.address;
            m_result.fates.push_back({operation.address, event.timeMs, false});
            break;
        case OperationOutcome::Failed:
            event.timeMs = at(operation.endSeconds);
            event.text = "failed to destroy " + operation.address + ": " + operation.reason;
            if (!operation.uncertainty.empty())
                event.text += " (" + operation.uncertainty + ")";
            m_result.fates.push_back({operation.address, event.timeMs, true});
            break;
        case OperationOutcome::Skipped:
            // A skipped operation never starts: it is skipped when what it waited on fails.
            event.timeMs = at(failureBehind(operation, run));
            event.text = "skipped " + operation.address + ": " + operation.reason;
            break;
        }
        const std::int64_t time = event.timeMs;
        m_result.events.push_back(std::move(event));
        return time;
    }

    const ReplayInputs& m_inputs;
    const Assumptions& m_assumptions;
    ReplayResult m_result;
    int m_simulated = 0; // destroys and planned applies simulated so far
};

} // namespace

const char* toString(ReplayEvent::Origin origin)
{
    static constexpr std::array<const char*, 4> kNames {"cloudtrail", "narrative", "simulated", "decision"};
    return kNames.at(static_cast<std::size_t>(origin));
}

ReplayEngine::ReplayEngine(const ReplayInputs& inputs)
    : m_inputs(inputs)
{ }

ReplayResult ReplayEngine::run(
    const std::vector<std::string>& safeguards, std::optional<std::int64_t> haltAfterMs) const
{
    if (m_inputs.scenario == nullptr || m_inputs.catalogue == nullptr)
        throw Error("ReplayEngine: a scenario and a catalogue are needed");
    Assumptions assumptions = Assumptions::parse(safeguards);
    assumptions.haltAfterMs = haltAfterMs;
    const std::map<std::string, std::int64_t> recorded = ReplayTimeline::recordedSinceFirstCommand(m_inputs);
    ReplayResult result = Replayer(m_inputs, assumptions).replay();
    ReplayTimeline::alignWithTrail(recorded, result);
    result.safeguards = safeguards;

    std::optional<ReplayResult> baseline;
    if (!safeguards.empty() || haltAfterMs) {
        baseline = Replayer(m_inputs, Assumptions {}).replay();
        ReplayTimeline::alignWithTrail(recorded, *baseline);
        result.divergence = ReplayTimeline::divergence(*baseline, result);
    }
    ReplayTimeline::addStory(m_inputs, result.divergence, result.events);
    if (safeguards.empty() && !haltAfterMs)
        result.sequenceDifferences = ReplayTimeline::sequenceDifferences(m_inputs, result);
    ReplayTimeline::sort(result.events);
    return result;
}

ReplayWorld ReplayResult::worldAt(std::int64_t timeMs) const
{
    ReplayWorld world;
    world.timeMs = timeMs;
    for (const std::string& address : addresses) {
        // The last fate at or before the instant decides: a delete that failed and succeeded later is deleted.
        const Fate* latest = nullptr;
        for (const Fate& fate : fates) {
            if (fate.address == address && fate.atMs <= timeMs && (latest == nullptr || fate.atMs >= latest->atMs))
                latest = &fate;
        }
        if (latest == nullptr)
            world.alive.push_back(address);
        else if (latest->failed)
            world.failed.push_back(address);
        else
            world.deleted.push_back(address);
        if (latest == nullptr || latest->failed) {
            const bool goesLater = std::any_of(fates.begin(), fates.end(),
                [&](const Fate& fate) { return fate.address == address && fate.atMs > timeMs && !fate.failed; });
            if (goesLater)
                world.pending.push_back(address);
        }
    }
    return world;
}

} // namespace blastline::core
