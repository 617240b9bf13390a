// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"
#include "blastline/core/BackupEffect.h"

#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

/** What a CloudTrail event did to the resources it names, coarsest first for a forensic report. */
enum class EventClass
{
    Create,
    Modify,
    Delete,
    BackupDestroying, // destroys a recovery point (snapshot, backup, vault) or the key that decrypts backups
    ProtectionLowering, // removes a guard against deletion, or the audit trail that would record it
    Read,
    Other
};

/** "create", "modify", "delete", "backup-destroying", "protection-lowering", "read", "other". */
const char* toString(EventClass eventClass);

/**
 * The parts of one CloudTrail record the rules look at. requestParameters and responseElements are flattened
 * like resource attributes ("instancesSet.items.0.instanceId"); either may be null (CloudTrail's `null`).
 * resourceArns are the record's resources[].ARN.
 */
struct EventFacts
{
    std::string eventSource; // "rds.amazonaws.com"
    std::string eventName; // "DeleteDBInstance"
    bool readOnly = false;
    const Attributes* requestParameters = nullptr;
    const Attributes* responseElements = nullptr;
    std::vector<std::string> resourceArns;
};

/**
 * Static knowledge about CloudTrail events (formats.md E.8): the class of an event and the resource identifiers
 * it names. Pure functions over tables built once; thread-safe.
 */
class EventRules
{
public:
    /**
     * Specific rules first (backup-destroying events, protection-lowering requests), then readOnly, then the
     * verb the event name starts with. A DeleteDBInstance/DeleteDBCluster stays Delete even with
     * skipFinalSnapshot and deleteAutomatedBackups true: what went with it is the report layer's to say.
     */
    static EventClass classify(const EventFacts& facts);
    /**
     * The identifiers the event names, deduplicated, in a stable order: the request's identifying parameters
     * (per-event table, else a per-service default, else a generic "…Id/…Arn/…Name/…Identifier" scan), then the
     * response's (per-event table and well-known ARN members), then resources[].ARN. For a create the response
     * comes first (see createdIdentifierCount). Route 53 record changes also give Terraform's record id.
     */
    static std::vector<std::string> identifiers(const EventFacts& facts);
    /**
     * For a call that creates (Create…, Run…, Allocate…): how many of identifiers()'s first entries come from
     * its response, and so name what it made; they are listed first. 0 for every other call, and for a create
     * whose response names nothing (then nothing tells the new resource from its parents).
     */
    static std::size_t createdIdentifierCount(const EventFacts& facts);
    /**
     * What the call did to backups, from its request: the automated backups and final snapshot of an RDS
     * delete (with the API's documented defaults when a parameter is absent), the snapshot or recovery point a
     * backup-destroying call names, a KMS key scheduled for deletion. Empty for every other call. Says what the
     * call asked for; whether it succeeded is the event's errorCode. Implemented in EventBackupEffects.cpp.
     */
    static std::vector<BackupEffect> backupEffects(const EventFacts& facts);
    /** The service an eventSource names: "rds" of "rds.amazonaws.com"; anything else as it is. */
    static std::string_view serviceOf(std::string_view eventSource);
    /** Delete, BackupDestroying and ProtectionLowering: the classes a destruction timeline shows. */
    static bool isDestructive(EventClass eventClass);
};

} // namespace blastline::core
