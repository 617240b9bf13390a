// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Trail.h"
#include "blastline/core/TrailCorrelator.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** When consecutive deletes by one principal count as a burst: the signature of `terraform destroy`. */
struct BurstPolicy
{
    std::size_t minimumDeletes = 5;
    // A pause longer than this ends the burst. Ten minutes: a destroy waits, without a delete call, for each
    // database to go (five minutes and more for Aurora) before it deletes what depended on it.
    std::int64_t maximumGapMs = 600'000;
};

/**
 * A run of deletes (Delete and BackupDestroying events) by one principal with one tool, with no long pause
 * between them; deletes by others in between do not break it.
 */
struct DeletionBurst
{
    StringId principal = 0;
    std::vector<std::uint32_t> tools; // Trail::tools() indices: the one tool of the run
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::size_t deletes = 0;
    std::size_t failed = 0;
    std::size_t firstEvent = 0; // index into Trail::events()
    std::size_t lastEvent = 0;
};

/** One principal's or one tool's share of the destruction. */
struct DestructionActor
{
    StringId principal = 0; // for a tool row: 0
    std::uint32_t tool = 0; // for a principal row: the tool it used most for them (ties: the lowest index)
    std::size_t destructive = 0; // destructive events (EventRules::isDestructive)
    std::size_t failed = 0;
};

/** A destructive call that failed, and the later call that did the same thing successfully (a retry). */
struct FailedCall
{
    std::size_t event = 0; // index into Trail::events()
    /** The first later successful event with the same source, name and first identifier: Terraform's retry
     *  loops (DependencyViolation while network interfaces drain) end this way. */
    std::optional<std::size_t> laterSuccess;
};

/**
 * The answers a reader of a destruction timeline wants first, computed from the kept events: the first
 * destructive call, who and what made the destructive calls, bursts, failed deletes and why, the backups that
 * went, and with states, which addresses were deleted and which were not touched.
 */
struct TrailSummary
{
    std::size_t events = 0;
    std::size_t destructive = 0;
    std::optional<std::size_t> firstDestructive; // index into Trail::events()
    std::vector<DestructionActor> principals; // most destructive first, then by principal text
    std::vector<DestructionActor> tools; // most destructive first, then by tool name; principal 0
    std::vector<DeletionBurst> bursts; // in time order
    std::vector<FailedCall> failedDestructive; // failed destructive events (errorCode set), in time order
    std::vector<std::size_t> backupEvents; // events with a non-empty backupEffects, in time order
    /** With a correlator: addresses (TrailCorrelator::addressOf) a successful destructive call acted on. */
    std::vector<std::string> deletedAddresses;
    /** With a correlator: what a failed destructive call acted on and no successful call deleted: it survived. */
    std::vector<std::string> survivedAddresses;
    /** With a correlator: managed instances of the states that no kept event named at all, sorted. */
    std::vector<std::string> untouchedAddresses;

    /** Expects a finished trail (Trail::finish): bursts are read off the events in their order. */
    static TrailSummary compute(const Trail& trail, const TrailCorrelator* correlator, const BurstPolicy& policy = {});
};

} // namespace blastline::core
