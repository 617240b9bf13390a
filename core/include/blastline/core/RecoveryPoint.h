// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

namespace blastline::core {

/**
 * Something a deleted data store could be restored from: a snapshot, a set of automated backups, a
 * vault recovery point, a recovery window. Where it came from decides what can kill it.
 */
struct RecoveryPoint
{
    enum class Origin
    {
        Rule, // exists because of the data store's settings (automated backups while retention > 0)
        State, // a resource of this state (aws_db_snapshot, aws_ebs_snapshot): dies if the run deletes it
        Inventory, // read from an AWS CLI listing (--inventory): outside the state
        Assumed // added by a safeguard (--assume independent-backups)
    };

    std::string id; // snapshot identifier or ARN; for rule-made points "<address>:<kind>"
    std::string kind; // catalogue vocabulary: "automated-backups", "final-snapshot", "manual-snapshot", ...
    Origin origin = Origin::Rule;
    std::string protects; // the identifier of the data store it restores (DB identifier, ARN, table name)
    std::string sourceDocument; // inventory file, state address, or safeguard name
    std::optional<std::string> createdAt; // ISO-8601 UTC when known
    std::string kmsKeyId; // ARN or key id of the key that encrypts it, when known
    std::string account; // the AWS account holding it, when known; empty = the data store's account
    std::string vault; // AWS Backup vault name, for vault recovery points
    std::optional<double> retentionDays; // how long it lives after the data store is gone, when bounded
};

} // namespace blastline::core
