// SPDX-License-Identifier: MIT
#include "ScenarioFindings.h"

#include "blastline/core/UtcTime.h"

#include <algorithm>

namespace blastline::report {

namespace {

const char* fateName(core::RecoveryPointTruth::Fate fate)
{
    switch (fate) {
    case core::RecoveryPointTruth::Fate::Deleted:
        return "deleted";
    case core::RecoveryPointTruth::Fate::Skipped:
        return "skipped (never taken)";
    case core::RecoveryPointTruth::Fate::Survived:
        return "survived";
    }
    return "deleted";
}

/** The last judgement of each data store (a store judged by two commands ends with the second). */
std::optional<core::DataFate> replayFate(const core::ReplayResult& replay, const std::string& address)
{
    std::optional<core::DataFate> fate;
    for (const core::ReplayOutcome::DataStore& store : replay.outcome.dataStores) {
        if (store.address == address)
            fate = store.fate;
    }
    return fate;
}

} // namespace

ScenarioFindings::ScenarioFindings(const core::Scenario& scenario, const core::ReplayResult& replay,
    const core::ReplayComparisonResult& comparison, std::optional<std::int64_t> impactStart)
    : m_scenario(scenario)
    , m_replay(replay)
    , m_comparison(comparison)
    , m_impactStart(impactStart)
{ }

const core::SafeguardEffect* ScenarioFindings::effectOf(const std::string& safeguard) const
{
    for (const core::SafeguardEffect& effect : m_comparison.ranked) {
        if (effect.safeguard == safeguard)
            return &effect;
    }
    return nullptr;
}

std::vector<ReportFact> ScenarioFindings::triggers() const
{
    // The trigger is the command in effect when the destruction began: the last one run at or before it.
    std::vector<ReportFact> facts;
    const core::ScenarioCommand* trigger = nullptr;
    for (const core::ScenarioCommand& command : m_scenario.commands) {
        if (!m_impactStart || command.time <= *m_impactStart)
            trigger = &command;
    }
    if (trigger) {
        std::string text =
            core::UtcTime::format(trigger->time) + ": " + trigger->actor + " ran `" + trigger->commandLine + "`";
        if (trigger->state)
            text += " with the state \"" + *trigger->state + "\"";
        if (trigger->intendedState && trigger->intendedState != trigger->state)
            text += " (the state it should have used: \"" + *trigger->intendedState + "\")";
        if (trigger->reconstructed)
            text += " [reconstructed]";
        facts.push_back({text + ".", trigger->sources});
    }
    if (m_impactStart) {
        // What the trail recorded at that instant, else what the engine simulated: the record is the better witness.
        const core::ReplayEvent* first = nullptr;
        for (const core::ReplayEvent& event : m_replay.events) {
            if (event.timeMs != *m_impactStart)
                continue;
            if (event.origin == core::ReplayEvent::Origin::CloudTrail) {
                first = &event;
                break;
            }
            if (event.origin == core::ReplayEvent::Origin::Simulated && first == nullptr)
                first = &event;
        }
        if (first)
            facts.push_back({"The first destructive event: " + core::UtcTime::format(first->timeMs) + " "
                    + first->text + " (" + core::toString(first->origin) + ").",
                {}});
    }
    if (facts.empty())
        facts.push_back({"Not known from the evidence: the scenario records no command and no destructive event.", {}});
    return facts;
}

std::vector<ReportFact> ScenarioFindings::rootCauses() const
{
    std::vector<ReportFact> facts;
    // Each data store the replay loses, with the engine's reason why no way back survived.
    for (const core::ReplayOutcome::DataStore& store : m_replay.outcome.dataStores) {
        if (store.fate == core::DataFate::Lost || store.fate == core::DataFate::Unknown)
            facts.push_back({store.address + " (" + core::toString(store.fate) + "): " + store.explanation, {}});
    }
    // Each decision where the choice made passed over options whose safeguard the engine shows changing the outcome.
    for (const core::DecisionPoint& decision : m_scenario.decisions) {
        const auto chosen = std::find_if(decision.options.begin(), decision.options.end(),
            [&](const core::DecisionOption& option) { return option.id == decision.chosen; });
        std::string alternatives;
        std::vector<std::string> sources = decision.sources;
        for (const core::DecisionOption& option : decision.options) {
            if (option.id == decision.chosen || option.effect.kind != core::DecisionEffect::Kind::Safeguard)
                continue;
            const core::SafeguardEffect* effect = effectOf(option.effect.name);
            if (!effect || effect->saved == 0)
                continue;
            alternatives += (alternatives.empty() ? "" : "; ")
                + ("\"" + option.label + "\" (" + option.effect.name + ": verdict " + core::toString(effect->verdict)
                    + ", " + std::to_string(effect->saved) + " data store" + (effect->saved == 1 ? "" : "s")
                    + " better off)");
            sources.insert(sources.end(), option.sources.begin(), option.sources.end());
        }
        if (alternatives.empty())
            continue;
        std::string text = core::UtcTime::format(decision.time) + ", \"" + decision.question + "\" The choice made: \""
            + (chosen == decision.options.end() ? decision.chosen : chosen->label) + "\". Passed over, and better for "
            + "the data in the engine's replay: " + alternatives;
        if (decision.reconstructed)
            text += " [reconstructed]";
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        facts.push_back({text + ".", sources});
    }
    std::vector<std::string> missing;
    for (const core::SafeguardEffect& effect : m_comparison.ranked) {
        if (effect.saved > 0)
            missing.push_back(effect.safeguard);
    }
    if (!missing.empty()) {
        std::string list;
        for (const std::string& name : missing)
            list += (list.empty() ? "" : ", ") + name;
        facts.push_back(
            {"Not in place, and each alone would have saved data in the engine's replay: " + list + ".", {}});
    }
    return facts;
}

std::vector<ReportFact> ScenarioFindings::wentWell() const
{
    std::vector<ReportFact> facts;
    for (const core::ReplayOutcome::DataStore& store : m_replay.outcome.dataStores) {
        if (store.fate == core::DataFate::Intact || store.fate == core::DataFate::Recoverable)
            facts.push_back({store.address + " is " + core::toString(store.fate) + ": " + store.explanation, {}});
    }
    for (const core::ReplayResult::Fate& fate : m_replay.fates) {
        if (fate.failed)
            facts.push_back(
                {fate.address + " survived: its delete failed (" + core::UtcTime::format(fate.atMs) + ").", {}});
    }
    for (const core::DataStoreTruth& truth : m_scenario.groundTruth.dataStores) {
        if (truth.fate == core::DataStoreFate::Restored)
            facts.push_back({truth.address + " was restored within the incident: " + truth.note, truth.sources});
    }
    return facts;
}

std::vector<ReportFact> ScenarioFindings::wentBadly() const
{
    std::vector<ReportFact> facts;
    for (const core::DataStoreTruth& truth : m_scenario.groundTruth.dataStores) {
        for (const core::RecoveryPointTruth& point : truth.recoveryPoints) {
            if (point.fate == core::RecoveryPointTruth::Fate::Survived)
                continue;
            facts.push_back({truth.address + ": the " + point.kind + " recovery point was " + fateName(point.fate)
                    + (point.note.empty() ? "" : " (" + point.note + ")") + ".",
                point.sources});
        }
    }
    std::size_t deletedPoints = 0;
    for (const core::ReplayOutcome::DataStore& store : m_replay.outcome.dataStores) {
        for (const core::RecoveryPointResult& point : store.recoveryPoints) {
            if (point.fate == core::RecoveryPointFate::Deleted)
                ++deletedPoints;
        }
    }
    if (deletedPoints > 0)
        facts.push_back({"The engine's replay deletes " + std::to_string(deletedPoints)
                + (deletedPoints == 1 ? " recovery point with the data store it protects."
                                      : " recovery points with the data stores they protect."),
            {}});
    const std::size_t unreviewed = static_cast<std::size_t>(std::count_if(m_comparison.ranked.begin(),
        m_comparison.ranked.end(), [](const core::SafeguardEffect& effect) { return effect.saved > 0; }));
    if (unreviewed > 0)
        facts.push_back({std::to_string(unreviewed) + " of the " + std::to_string(m_comparison.ranked.size())
                + " safeguards the engine tried would each have saved data; none was in place.",
            {}});
    return facts;
}

std::vector<ReportFact> ScenarioFindings::lucky() const
{
    std::vector<ReportFact> facts;
    for (const core::DataStoreTruth& truth : m_scenario.groundTruth.dataStores) {
        const std::optional<core::DataFate> engineFate = replayFate(m_replay, truth.address);
        if (engineFate != core::DataFate::Lost)
            continue;
        for (const core::RecoveryPointTruth& point : truth.recoveryPoints) {
            if (point.fate != core::RecoveryPointTruth::Fate::Survived)
                continue;
            facts.push_back({truth.address + ": the engine finds no recovery point the owner controlled left (lost), "
                    + "yet the sources record a " + point.kind + " recovery point that survived"
                    + (point.note.empty() ? "" : ": " + point.note) + ".",
                point.sources});
        }
    }
    return facts;
}

} // namespace blastline::report
