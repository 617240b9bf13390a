// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/RecoveryPoint.h"

#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/** The recovery points of one AWS CLI listing (`--inventory FILE`). */
struct Inventory
{
    std::string path; // the file, or the display name given to readText
    std::string shape; // which listing it was: "aws rds describe-db-snapshots", ...
    std::vector<core::RecoveryPoint> recoveryPoints; // origin Inventory, sourceDocument = path
    std::vector<std::string> warnings; // skipped entries, truncated listings, ...
};

/**
 * Reads the default JSON output of one of these AWS CLI commands, recognised by its top-level key
 * (never by the file name); with automatic pagination the key holds every page's entries:
 *   aws rds describe-db-snapshots                 {"DBSnapshots": [...]}
 *   aws rds describe-db-cluster-snapshots         {"DBClusterSnapshots": [...]}
 *   aws rds describe-db-instance-automated-backups {"DBInstanceAutomatedBackups": [...]}
 *   aws rds describe-db-cluster-automated-backups {"DBClusterAutomatedBackups": [...]}
 *   aws backup list-recovery-points-by-backup-vault {"RecoveryPoints": [...]}
 *   aws ec2 describe-snapshots                     {"Snapshots": [...]}
 *   aws dynamodb list-backups                      {"BackupSummaries": [...]}
 *
 * Timestamps become "YYYY-MM-DDTHH:MM:SSZ" (UTC). Entries that can no longer restore anything
 * (vault points DELETING/EXPIRED, EBS snapshots in error, DynamoDB backups DELETED, RDS snapshots
 * deleting/failed) are left out with a warning. retentionDays: the backup retention period of
 * automated backups; for points with a fixed expiry (vault CalculatedLifecycle.DeleteAt, DynamoDB
 * BackupExpiryDateTime) the days from createdAt to that expiry.
 *
 * Throws core::InputError naming the file and the line:column (syntax) or JSON pointer (structure,
 * e.g. /DBSnapshots/3/DBSnapshotIdentifier) and what was expected; a JSON document of none of the
 * shapes above is refused with the list of shapes. Never returns a partial inventory.
 */
class InventoryReader
{
public:
    static Inventory readFile(const std::string& path);
    /** `displayName` is used in messages and as `path` in place of a file name. */
    static Inventory readText(std::string_view json, const std::string& displayName);
};

} // namespace blastline::importers
