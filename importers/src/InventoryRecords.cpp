// SPDX-License-Identifier: MIT
// One converter per AWS CLI listing. Field names were checked against the AWS CLI examples
// (aws/aws-cli awscli/examples/rds/describe-db-snapshots.rst, describe-db-instance-automated-backups.rst,
// describe-db-cluster-automated-backups.rst, ec2/describe-snapshots.rst, dynamodb/list-backups.rst,
// rds/describe-db-cluster-snapshots.rst) and, for AWS Backup, the ListRecoveryPointsByBackupVault response
// syntax (boto3 reference services/backup/client/list_recovery_points_by_backup_vault.html; the AWS Backup
// API reference, RecoveryPointByBackupVault) and DynamoDB's BackupSummary (BackupExpiryDateTime, BackupStatus).
#include "InventoryRecords.h"

#include "InventoryTime.h"
#include "JsonLocation.h"

#include <cmath>

namespace blastline::importers {

using nlohmann::json;

namespace {

std::string fieldPointer(const std::string& pointer, const char* key)
{
    return pointer + "/" + pointerToken(key);
}

std::string optionalString(const InventoryRecord& record, const char* key)
{
    return stringField(record.value, key, record.pointer, false);
}

std::string requiredString(const InventoryRecord& record, const char* key, std::string_view what)
{
    std::string value = optionalString(record, key);
    if (value.empty()) {
        const json* field = findField(record.value, key);
        const bool present = field != nullptr && !field->is_null();
        throw StructureError(fieldPointer(record.pointer, key),
            std::string(present ? "empty" : "missing") + "; expected " + std::string(what));
    }
    return value;
}

// The first non-empty of `key` and `fallback`; required, so the message names both.
std::string requiredEither(const InventoryRecord& record, const char* key, const char* fallback, std::string_view what)
{
    std::string value = optionalString(record, key);
    if (value.empty()) {
        value = optionalString(record, fallback);
    }
    if (value.empty()) {
        throw StructureError(
            fieldPointer(record.pointer, key), "missing; expected " + std::string(what) + " (or \"" + fallback + "\")");
    }
    return value;
}

// The CLI prints ISO-8601 strings; some versions print DynamoDB times as seconds since the epoch.
std::optional<std::int64_t> timestampField(const json& object, const char* key, const std::string& pointer)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    // 253402300799 is 9999-12-31T23:59:59Z, the last instant "YYYY" can print.
    if (value->is_number()) {
        const double seconds = value->get<double>();
        if (std::isfinite(seconds) && seconds >= 0 && seconds <= 253402300799.0) {
            return static_cast<std::int64_t>(std::floor(seconds));
        }
    } else if (value->is_string()) {
        if (const auto seconds = parseIsoTimestamp(value->get_ref<const std::string&>())) {
            return seconds;
        }
    }
    throw StructureError(fieldPointer(pointer, key),
        "expected an ISO-8601 timestamp (\"2026-02-25T02:04:11.123000+00:00\") or seconds since 1970, found "
            + describeJson(*value));
}

std::optional<double> daysField(const json& object, const char* key, const std::string& pointer)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    if (!value->is_number() || value->get<double>() < 0) {
        throw StructureError(
            fieldPointer(pointer, key), "expected a non-negative number of days, found " + describeJson(*value));
    }
    return value->get<double>();
}

// A nested object such as RestoreWindow; nullptr when absent.
const json* objectField(const json& object, const char* key, const std::string& pointer)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        return nullptr;
    }
    expectObject(*value, fieldPointer(pointer, key), true);
    return value;
}

double daysBetween(std::int64_t from, std::int64_t to)
{
    return to > from ? static_cast<double>(to - from) / 86400.0 : 0.0;
}

core::RecoveryPoint makePoint(std::string kind, std::string id, std::string protects)
{
    core::RecoveryPoint point;
    point.kind = std::move(kind);
    point.id = std::move(id);
    point.protects = std::move(protects);
    point.origin = core::RecoveryPoint::Origin::Inventory;
    return point;
}

void skip(const InventoryRecord& record, const std::string& id, const std::string& reason)
{
    record.warnings.push_back("at " + record.pointer + ": skipped " + id + ": " + reason);
}

std::optional<core::RecoveryPoint> convertRdsSnapshot(
    const InventoryRecord& record, const char* idKey, const char* arnKey, const char* protectsKey)
{
    const std::string arn = optionalString(record, arnKey);
    const std::string id = requiredEither(record, idKey, arnKey, "the snapshot identifier");
    const std::string type =
        requiredString(record, "SnapshotType", "the snapshot type (\"manual\", \"automated\", ...)");
    const std::string status = optionalString(record, "Status");
    if (status == "deleting" || status == "failed") {
        skip(record, id, "status \"" + status + "\": it cannot be restored");
        return std::nullopt;
    }
    std::string kind;
    if (type == "automated") {
        kind = "automated-snapshot";
    } else if (type == "manual" || type == "shared" || type == "public" || type == "awsbackup") {
        // Shared and public snapshots are another account's manual snapshots; AWS Backup's are kept
        // by the vault's lifecycle. Neither dies with the DB, like a manual snapshot.
        kind = "manual-snapshot";
    } else {
        // Counting an unknown kind as a survivor could hide a loss; leaving it out cannot.
        skip(record, id,
            "unknown SnapshotType \"" + type + "\" (expected manual, automated, awsbackup, shared or public)");
        return std::nullopt;
    }
    core::RecoveryPoint point = makePoint(kind, id, requiredString(record, protectsKey, "the source identifier"));
    if (const auto created = timestampField(record.value, "SnapshotCreateTime", record.pointer)) {
        point.createdAt = formatUtcTimestamp(*created);
    }
    point.kmsKeyId = optionalString(record, "KmsKeyId");
    // Shared snapshots are listed by ARN in place of an identifier: either names the owner.
    point.account = accountFromArn(arn.empty() ? id : arn);
    return point;
}

std::optional<core::RecoveryPoint> convertDbSnapshot(const InventoryRecord& record)
{
    return convertRdsSnapshot(record, "DBSnapshotIdentifier", "DBSnapshotArn", "DBInstanceIdentifier");
}

std::optional<core::RecoveryPoint> convertDbClusterSnapshot(const InventoryRecord& record)
{
    return convertRdsSnapshot(record, "DBClusterSnapshotIdentifier", "DBClusterSnapshotArn", "DBClusterIdentifier");
}

std::optional<core::RecoveryPoint> convertAutomatedBackups(const InventoryRecord& record, const char* protectsKey,
    const char* arnKey, const char* resourceIdKey, const char* sourceArnKey)
{
    const std::string protects = requiredString(record, protectsKey, "the source identifier");
    const std::string arn = optionalString(record, arnKey);
    // The resource id is what restores and deletes of retained backups take; it stands in for a missing ARN.
    const std::string id = requiredEither(record, arnKey, resourceIdKey, "the automated backups ARN");
    const std::string status = optionalString(record, "Status");
    core::RecoveryPoint point =
        makePoint(status == "retained" ? "retained-automated-backups" : "automated-backups", id, protects);
    point.retentionDays = daysField(record.value, "BackupRetentionPeriod", record.pointer);
    if (const json* window = objectField(record.value, "RestoreWindow", record.pointer)) {
        if (const auto earliest = timestampField(*window, "EarliestTime", record.pointer + "/RestoreWindow")) {
            point.createdAt = formatUtcTimestamp(*earliest);
        }
    }
    point.kmsKeyId = optionalString(record, "KmsKeyId");
    point.account = accountFromArn(arn);
    if (point.account.empty()) {
        point.account = accountFromArn(optionalString(record, sourceArnKey));
    }
    return point;
}

std::optional<core::RecoveryPoint> convertDbInstanceAutomatedBackups(const InventoryRecord& record)
{
    return convertAutomatedBackups(
        record, "DBInstanceIdentifier", "DBInstanceAutomatedBackupsArn", "DbiResourceId", "DBInstanceArn");
}

std::optional<core::RecoveryPoint> convertDbClusterAutomatedBackups(const InventoryRecord& record)
{
    return convertAutomatedBackups(
        record, "DBClusterIdentifier", "DBClusterAutomatedBackupsArn", "DbClusterResourceId", "DBClusterArn");
}

std::optional<core::RecoveryPoint> convertVaultRecoveryPoint(const InventoryRecord& record)
{
    const std::string id = requiredString(record, "RecoveryPointArn", "the recovery point ARN");
    const std::string status = optionalString(record, "Status");
    if (status == "DELETING" || status == "EXPIRED") {
        skip(record, id, "status " + status + ": it can no longer be restored");
        return std::nullopt;
    }
    core::RecoveryPoint point = makePoint("vault-recovery-point", id,
        requiredString(record, "ResourceArn",
            // list-recovery-points-by-resource prints the same key without the resource it was asked about.
            "the ARN of the backed-up resource (`list-recovery-points-by-resource` leaves it out: use "
            "`list-recovery-points-by-backup-vault`)"));
    point.vault = requiredString(record, "BackupVaultName", "the backup vault name");
    if (status == "PARTIAL") {
        record.warnings.push_back("at " + record.pointer + ": " + id
            + " is PARTIAL: AWS Backup reports it incomplete, a restore may miss data");
    }
    const auto created = timestampField(record.value, "CreationDate", record.pointer);
    if (created) {
        point.createdAt = formatUtcTimestamp(*created);
    }
    point.kmsKeyId = optionalString(record, "EncryptionKeyArn");
    point.account = accountFromArn(optionalString(record, "BackupVaultArn"));
    if (point.account.empty()) {
        point.account = accountFromArn(id);
    }
    // The vault keeps the point until its lifecycle deletes it, whatever happens to the resource.
    const json* calculated = objectField(record.value, "CalculatedLifecycle", record.pointer);
    const auto deleteAt = calculated == nullptr
        ? std::nullopt
        : timestampField(*calculated, "DeleteAt", record.pointer + "/CalculatedLifecycle");
    if (deleteAt && created) {
        point.retentionDays = daysBetween(*created, *deleteAt);
    } else if (const json* lifecycle = objectField(record.value, "Lifecycle", record.pointer)) {
        point.retentionDays = daysField(*lifecycle, "DeleteAfterDays", record.pointer + "/Lifecycle");
    }
    return point;
}

std::optional<core::RecoveryPoint> convertEbsSnapshot(const InventoryRecord& record)
{
    const std::string id = requiredString(record, "SnapshotId",
        // Other services list {"Snapshots": [...]} too; say which one is meant.
        "the EBS snapshot id (\"snap-...\") of `aws ec2 describe-snapshots` (ElastiCache, Redshift and FSx "
        "snapshot listings are not read)");
    const std::string state = optionalString(record, "State");
    if (state == "error") {
        skip(record, id, "state \"error\": the snapshot failed and cannot be restored");
        return std::nullopt;
    }
    core::RecoveryPoint point =
        makePoint("ebs-snapshot", id, requiredString(record, "VolumeId", "the source volume id (\"vol-...\")"));
    if (const auto started = timestampField(record.value, "StartTime", record.pointer)) {
        point.createdAt = formatUtcTimestamp(*started);
    }
    point.kmsKeyId = optionalString(record, "KmsKeyId");
    point.account = optionalString(record, "OwnerId");
    return point;
}

std::optional<core::RecoveryPoint> convertDynamoDbBackup(const InventoryRecord& record)
{
    const std::string id = requiredString(record, "BackupArn", "the backup ARN");
    const std::string status = optionalString(record, "BackupStatus");
    if (status == "DELETED") {
        skip(record, id, "status DELETED");
        return std::nullopt;
    }
    const std::string type = optionalString(record, "BackupType");
    std::string kind = "dynamodb-backup";
    if (type == "USER") {
        kind = "dynamodb-user-backup";
    } else if (type == "SYSTEM") {
        kind = "dynamodb-system-backup";
    } else if (type == "AWS_BACKUP") {
        kind = "dynamodb-aws-backup-backup";
    } else if (!type.empty()) {
        record.warnings.push_back("at " + record.pointer + ": unknown BackupType \"" + type + "\" of " + id
            + " (expected USER, SYSTEM or AWS_BACKUP); read as a DynamoDB backup");
    }
    // The table ARN is unique across accounts and regions; the name is the fallback.
    core::RecoveryPoint point =
        makePoint(kind, id, requiredEither(record, "TableArn", "TableName", "the ARN of the backed-up table"));
    const auto created = timestampField(record.value, "BackupCreationDateTime", record.pointer);
    if (created) {
        point.createdAt = formatUtcTimestamp(*created);
    }
    if (const auto expiry = timestampField(record.value, "BackupExpiryDateTime", record.pointer); expiry && created) {
        point.retentionDays = daysBetween(*created, *expiry);
    }
    point.account = accountFromArn(id);
    return point;
}

} // namespace

const std::vector<InventoryShape>& inventoryShapes()
{
    static const std::vector<InventoryShape> shapes = {
        {"DBSnapshots", "aws rds describe-db-snapshots", &convertDbSnapshot},
        {"DBClusterSnapshots", "aws rds describe-db-cluster-snapshots", &convertDbClusterSnapshot},
        {"DBInstanceAutomatedBackups", "aws rds describe-db-instance-automated-backups",
            &convertDbInstanceAutomatedBackups},
        {"DBClusterAutomatedBackups", "aws rds describe-db-cluster-automated-backups",
            &convertDbClusterAutomatedBackups},
        {"RecoveryPoints", "aws backup list-recovery-points-by-backup-vault", &convertVaultRecoveryPoint},
        {"Snapshots", "aws ec2 describe-snapshots", &convertEbsSnapshot},
        {"BackupSummaries", "aws dynamodb list-backups", &convertDynamoDbBackup},
    };
    return shapes;
}

} // namespace blastline::importers
