// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace blastline::core {

/**
 * What one CloudTrail call did to a backup: the "which backups went with it" of a forensic timeline. Computed by
 * EventRules::backupEffects from the request, never from the event's name alone.
 */
struct BackupEffect
{
    enum class Kind
    {
        AutomatedBackups, // RDS automated backups (point-in-time recovery) of an instance or cluster
        FinalSnapshot, // the snapshot a DeleteDBInstance/DeleteDBCluster takes on the way out
        Snapshot, // a manual or automated snapshot deleted by name (RDS, EBS, ElastiCache, DynamoDB backup)
        RecoveryPoint, // an AWS Backup recovery point or a whole vault
        EncryptionKey // a KMS key whose loss makes every backup encrypted with it unreadable
    };
    enum class Fate
    {
        Deleted,
        Kept,
        Created,
        NotTaken, // a final snapshot that was skipped
        ScheduledForDeletion, // a KMS key in its waiting period: still recoverable with CancelKeyDeletion
        Unknown // the request does not say and the API default is not certain
    };

    Kind kind = Kind::AutomatedBackups;
    Fate fate = Fate::Unknown;
    std::string subject; // the snapshot, recovery point or key named, when the request names one
    std::string basis; // why: the request parameter or the documented API default, and its source
};

/** "automated-backups", "final-snapshot", "snapshot", "recovery-point", "encryption-key". */
const char* toString(BackupEffect::Kind kind);
/** "deleted", "kept", "created", "not-taken", "scheduled-for-deletion", "unknown". */
const char* toString(BackupEffect::Fate fate);

} // namespace blastline::core
