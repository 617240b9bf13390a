// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/ReplayEngine.h"

#include <string>
#include <vector>

namespace blastline::core {

/** One data store whose fate differs between two runs: "aws_rds_cluster.main: lost → intact". */
struct FateChange
{
    std::string address;
    std::optional<DataFate> before; // none: the store is not in the first run (its command did not run)
    std::optional<DataFate> after;
    /** "aws_rds_cluster.main: lost → intact"; "untouched" for a side where no run judged it (nothing deleted it). */
    std::string describe() const;
};

/**
 * What changes for the data between two replays of one scenario (without and with safeguards): the data stores whose
 * fate differs, in the order of the first run, then those only in the second. A store a run judges twice (two
 * commands) counts with its last judgement, as the story ends with it. A store one run does not judge (its command did
 * not run, or ran against another state) was not deleted there: intact and untouched are no change.
 */
std::vector<FateChange> diffOutcomes(const ReplayOutcome& before, const ReplayOutcome& after);

} // namespace blastline::core
