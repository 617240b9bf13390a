// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseRecords.h"
#include "blastline/core/RecoveryPoint.h"
#include "blastline/core/TerraformState.h"
#include "blastline/core/Trail.h"
#include "blastline/core/TrailCorrelator.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

class ProgressSink;

/** A file to keep as evidence: CaseFile reads it to record its size and SHA-256. */
struct EvidenceInfo
{
    std::string path; // as given; also how the content below names the file it was read from
    EvidenceKind kind = EvidenceKind::State;
};

/**
 * One import into a case: the evidence files and what the importers read from them, already redacted.
 * CaseFile::importEvidence writes all of it in one transaction. Content is matched to its file by path:
 * the state by TerraformState::path, a recovery point by RecoveryPoint::sourceDocument, an event by the path
 * of its Trail input; each must name one of `files`.
 */
struct CaseImport
{
    std::string commandLine; // what was run, for the imports table
    std::string blastlineVersion;
    std::vector<EvidenceInfo> files;
    /** Keep each file's bytes in the case. Off by default: the bytes hold whatever secrets the file holds. */
    bool embed = false;

    const TerraformState* state = nullptr; // a state, or a plan's prior state
    const std::vector<RecoveryPoint>* recoveryPoints = nullptr; // read from inventory files
    const Trail* trail = nullptr; // finished (Trail::finish)
    /** Ties the trail's events to states already in the case; correlatorStates[i] is the case's id of
     *  correlator->states()[i] (StateRow::id, or ImportResult::stateId of their import). */
    const TrailCorrelator* correlator = nullptr;
    std::vector<std::int64_t> correlatorStates;

    /** Told of progress per phase; cancelling or throwing from it rolls the whole import back. */
    ProgressSink* progress = nullptr;
};

/** What an import added. */
struct ImportResult
{
    std::int64_t importId = 0;
    std::vector<std::int64_t> evidenceIds; // parallel to CaseImport::files
    std::optional<std::int64_t> stateId;
    std::uint64_t resources = 0;
    std::uint64_t dependencies = 0;
    std::uint64_t recoveryPoints = 0;
    std::uint64_t events = 0;
    std::uint64_t eventResources = 0; // links between events and the resources they name
};

} // namespace blastline::core
