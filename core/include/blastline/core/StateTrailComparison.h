// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Trail.h"
#include "blastline/core/TrailCorrelator.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace blastline::core {

/** Where a trail and the states given with it tell different stories. */
struct StateDisagreement
{
    enum class Kind
    {
        /** A successful create (not by an AWS service) acted on no state instance: made after the state was
         *  written or by another project; a destroy with this state leaves it, a plan without it duplicates it. */
        CreatedNotInState,
        /** A successful delete acted on an instance the state still holds: the state predates the delete. */
        DeletedStillInState,
        /** A successful delete (not by an AWS service) acted on no state instance: no state given holds it. */
        DeletedNotInAnyState
    };
    Kind kind = Kind::CreatedNotInState;
    std::size_t event = 0; // index into Trail::events()
    std::vector<TrailCorrelator::Holder> holders; // for DeletedStillInState: the instances it deleted
};

/** "created-not-in-state", "deleted-still-in-state", "deleted-not-in-any-state". */
const char* toString(StateDisagreement::Kind kind);

/** How two states given together relate, from their lineage and serial (formats.md A.1). */
struct StateLineageRelation
{
    enum class Kind
    {
        SameSnapshot, // same lineage and serial
        OlderCopy, // same lineage, `first` has the lower serial: an older copy of the same state
        DifferentProject, // different lineage: another project's state (the DataTalks.Club mix-up)
        Unknown // a state without a lineage (`terraform show -json` output has none)
    };
    Kind kind = Kind::Unknown;
    std::uint32_t first = 0; // TrailCorrelator::states() indices; for OlderCopy `first` is the older
    std::uint32_t second = 0;
};

/** "same-snapshot", "older-copy", "different-project", "unknown". */
const char* toString(StateLineageRelation::Kind kind);

/** The disagreements between a trail and its states, and how the states relate to each other. */
struct StateTrailComparison
{
    std::vector<StateDisagreement> disagreements; // in event order
    std::vector<StateLineageRelation> lineage; // one per pair of states, in index order

    static StateTrailComparison compute(const Trail& trail, const TrailCorrelator& correlator);
};

} // namespace blastline::core
