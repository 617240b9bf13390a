// SPDX-License-Identifier: MIT
#include "blastline/core/ReplayComparison.h"

#include "blastline/core/Safeguard.h"
#include "blastline/core/Scenario.h"

#include <algorithm>

namespace blastline::core {

namespace {

/** What a process safeguard assumes; the Safeguard values describe themselves (core::describe). */
std::string processAssumption(std::string_view name)
{
    if (name == "remote-state")
        return "the state lives in a remote backend: it cannot go missing or be swapped, so each command runs with "
               "the state it should have used";
    if (name == "approval-gate")
        return "a person reviews each destroy or apply plan before it runs and stops one that deletes or replaces a "
               "data store";
    if (name == "separate-state")
        return "the new project lives in its own state, so its commands cannot reach the other project's resources";
    return std::string(name);
}

/**
 * The simulated operation of the replay as it happened that acts on the first changed data store: where a safeguard
 * that changes only a judgement (a final snapshot is taken) acts.
 */
std::optional<ReplayDivergence> judgementStep(const ReplayResult& baseline, const std::vector<FateChange>& changes)
{
    for (const FateChange& change : changes) {
        for (const ReplayEvent& event : baseline.events) {
            if (event.origin != ReplayEvent::Origin::Simulated)
                continue;
            if (std::find(event.addresses.begin(), event.addresses.end(), change.address) == event.addresses.end())
                continue;
            return ReplayDivergence {event.timeMs,
                "the same operation runs, judged differently: " + event.text + " (" + change.describe() + ")", false};
        }
    }
    return std::nullopt;
}

SafeguardEffect effectOf(const ReplayEngine& engine, const ReplayResult& baseline, const std::string& name)
{
    SafeguardEffect effect;
    effect.safeguard = name;
    const std::optional<Safeguard> coreSafeguard = parseSafeguard(name);
    effect.process = !coreSafeguard;
    effect.assumption = coreSafeguard ? std::string(describe(*coreSafeguard)) : processAssumption(name);

    const ReplayResult alone = engine.run({name});
    effect.verdict = alone.outcome.verdict;
    effect.changes = diffOutcomes(baseline.outcome, alone.outcome);
    for (const FateChange& change : effect.changes) {
        const int before = ReplayComparison::fateRank(change.before);
        const int after = ReplayComparison::fateRank(change.after);
        if (after < before)
            ++effect.saved;
        else if (after > before)
            ++effect.worsened;
    }
    effect.actsAt = alone.divergence;
    if (!effect.actsAt && !effect.changes.empty())
        effect.actsAt = judgementStep(baseline, effect.changes);
    for (const std::string& note : alone.outcome.notes) {
        if (std::find(baseline.outcome.notes.begin(), baseline.outcome.notes.end(), note) == baseline.outcome.notes.end())
            effect.notes.push_back(note);
    }
    return effect;
}

} // namespace

int ReplayComparison::verdictRank(Verdict verdict)
{
    return lossRank(verdict);
}

int ReplayComparison::fateRank(const std::optional<DataFate>& fate)
{
    if (!fate)
        return 0;
    switch (*fate) {
    case DataFate::Intact:
        return 0;
    case DataFate::Recoverable:
        return 1;
    case DataFate::Unknown:
        return 2;
    case DataFate::Lost:
        return 3;
    }
    return 3;
}

ReplayComparisonResult ReplayComparison::compute(const ReplayEngine& engine)
{
    ReplayComparisonResult result;
    result.baseline = engine.run({});

    std::vector<std::string> names;
    for (const Safeguard safeguard : allSafeguards())
        names.emplace_back(toString(safeguard));
    for (const std::string_view process : kProcessSafeguards)
        names.emplace_back(process);
    for (const std::string& name : names)
        result.ranked.push_back(effectOf(engine, result.baseline, name));

    std::stable_sort(
        result.ranked.begin(), result.ranked.end(), [](const SafeguardEffect& a, const SafeguardEffect& b) {
            if (verdictRank(a.verdict) != verdictRank(b.verdict))
                return verdictRank(a.verdict) < verdictRank(b.verdict);
            if (a.saved != b.saved)
                return a.saved > b.saved;
            return a.worsened < b.worsened;
        });
    return result;
}

} // namespace blastline::core
