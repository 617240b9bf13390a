// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/OutcomeDiff.h"
#include "blastline/core/ReplayEngine.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** What one safeguard alone does to a scenario's story, against the replay as it happened. */
struct SafeguardEffect
{
    std::string safeguard; // "deletion-protection", ..., "approval-gate"
    std::string assumption; // one line of what the safeguard assumes (not what it achieves)
    bool process = false; // one of kProcessSafeguards rather than a Safeguard value
    Verdict verdict = Verdict::NoDataLoss; // the final verdict under the safeguard
    std::vector<FateChange> changes; // data stores whose fate differs from the replay as it happened
    std::size_t saved = 0; // changes that end better for the data (lost -> recoverable, anything -> intact, ...)
    std::size_t worsened = 0; // changes that end worse
    /**
     * The step where it would have acted: the engine's divergence, or, when only a judgement changes and the engine
     * dates none, the simulated delete of the first data store whose fate changes. Empty when it changes nothing.
     */
    std::optional<ReplayDivergence> actsAt;
    /** What the run under the safeguard said that the replay as it happened did not (why it cannot act, ...). */
    std::vector<std::string> notes;

    /** Neither the verdict nor any data store's fate nor the history changes. */
    bool changesNothing(Verdict baseline) const { return verdict == baseline && changes.empty() && !actsAt; }
};

struct ReplayComparisonResult
{
    ReplayResult baseline; // the replay as it happened, no safeguard
    /** Every safeguard, best effect first: final verdict, then data stores saved; ties keep the listing order. */
    std::vector<SafeguardEffect> ranked;
};

/**
 * Replays a scenario as it happened and then under each safeguard alone (every Safeguard value, then the process
 * safeguards of kProcessSafeguards), and ranks the safeguards by what they change for the data. Plain computation
 * with the replay engine: no I/O, so the report and the desktop app share it.
 */
class ReplayComparison
{
public:
    /** Throws what ReplayEngine::run throws. */
    static ReplayComparisonResult compute(const ReplayEngine& engine);

    /** Ordering of verdicts by how good they are for the data: 0 nothing lost, then recoverable, unknown, loss. */
    static int verdictRank(Verdict verdict);
    /** Ordering of data fates, the same way (an absent store, whose command did not run, counts as intact). */
    static int fateRank(const std::optional<DataFate>& fate);
};

} // namespace blastline::core
