// SPDX-License-Identifier: MIT
// AWS CLI listings that are refused or read only in part: every message names the file, the place
// (line:column or JSON pointer) and what was expected; every entry left out is named in a warning.
#include "blastline/core/Error.h"
#include "blastline/importers/InventoryReader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace blastline;
using importers::Inventory;
using importers::InventoryReader;

namespace {

// ---------------------------------------------------------------------------------------------
// Entries that cannot restore anything are left out, each with a warning naming it.

struct SkipRow
{
    const char* name;
    std::string listing;
    std::size_t kept;
    std::vector<std::string> warning; // substrings of the one expected warning
};

void PrintTo(const SkipRow& row, std::ostream* out)
{
    *out << row.name;
}

class InventorySkips : public testing::TestWithParam<SkipRow>
{ };

TEST_P(InventorySkips, leavesOutWithAWarning)
{
    const SkipRow& row = GetParam();
    const Inventory inventory = InventoryReader::readText(row.listing, "skip.json");
    EXPECT_EQ(inventory.recoveryPoints.size(), row.kept);
    ASSERT_EQ(inventory.warnings.size(), 1u);
    for (const std::string& part : row.warning) {
        EXPECT_NE(inventory.warnings[0].find(part), std::string::npos)
            << "missing \"" << part << "\" in: " << inventory.warnings[0];
    }
}

std::string vaultPoint(const std::string& arn, const std::string& status)
{
    return R"({"RecoveryPointArn": ")" + arn
        + R"(", "BackupVaultName": "prod", "ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders",
           "CreationDate": "2026-02-01T05:00:00+00:00", "Status": ")"
        + status + R"("})";
}

std::vector<SkipRow> skipRows()
{
    const std::string rp = "arn:aws:backup:us-east-1:123456789012:recovery-point:";
    return {
        {"vaultExpired",
            R"({"RecoveryPoints": [)" + vaultPoint(rp + "a", "COMPLETED") + "," + vaultPoint(rp + "b", "EXPIRED")
                + "]}",
            1, {"at /RecoveryPoints/1:", rp + "b", "EXPIRED"}},
        {"vaultDeleting", R"({"RecoveryPoints": [)" + vaultPoint(rp + "c", "DELETING") + "]}", 0,
            {"at /RecoveryPoints/0:", rp + "c", "DELETING"}},
        {"vaultPartialKeptWithWarning", R"({"RecoveryPoints": [)" + vaultPoint(rp + "d", "PARTIAL") + "]}", 1,
            {"at /RecoveryPoints/0:", rp + "d", "PARTIAL"}},
        {"ebsError",
            R"({"Snapshots": [{"SnapshotId": "snap-0bad", "VolumeId": "vol-1", "State": "error",
               "StateMessage": "internal error"}, {"SnapshotId": "snap-0ok", "VolumeId": "vol-1", "State": "pending"}]})",
            1, {"at /Snapshots/0:", "snap-0bad", "error"}},
        {"dynamoDeleted",
            R"({"BackupSummaries": [{"TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/T",
               "BackupArn": "arn:aws:dynamodb:us-east-1:123456789012:table/T/backup/01",
               "BackupStatus": "DELETED", "BackupType": "USER", "BackupCreationDateTime": 1576616366.715}]})",
            0, {"at /BackupSummaries/0:", "table/T/backup/01", "DELETED"}},
        {"rdsSnapshotDeleting",
            R"({"DBSnapshots": [{"DBSnapshotIdentifier": "old", "DBInstanceIdentifier": "db",
               "SnapshotType": "manual", "Status": "deleting"}]})",
            0, {"at /DBSnapshots/0:", "old", "deleting"}},
        {"rdsUnknownSnapshotType",
            R"({"DBSnapshots": [{"DBSnapshotIdentifier": "odd", "DBInstanceIdentifier": "db", "SnapshotType": "future"}]})",
            0, {"at /DBSnapshots/0:", "odd", "unknown SnapshotType \"future\""}},
        {"onePageOfSeveral",
            R"({"Snapshots": [{"SnapshotId": "snap-1", "VolumeId": "vol-1"}], "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsfQ=="})",
            1, {"\"NextToken\" is set", "later pages are not known"}},
    };
}

INSTANTIATE_TEST_SUITE_P(Statuses, InventorySkips, testing::ValuesIn(skipRows()),
    [](const testing::TestParamInfo<SkipRow>& row) { return row.param.name; });

// ---------------------------------------------------------------------------------------------
// Bad inputs: the message names the file, the place (line:column or JSON pointer), what was expected.

struct ErrorRow
{
    const char* name;
    std::string json;
    std::vector<std::string> expected; // substrings of the message
};

void PrintTo(const ErrorRow& row, std::ostream* out)
{
    *out << row.name;
}

class InventoryErrors : public testing::TestWithParam<ErrorRow>
{ };

TEST_P(InventoryErrors, refusesWithAClearMessage)
{
    const ErrorRow& row = GetParam();
    try {
        const Inventory inventory = InventoryReader::readText(row.json, "bad.json");
        FAIL() << "read without error: " << inventory.recoveryPoints.size() << " points";
    } catch (const core::InputError& error) {
        const std::string message = error.what();
        EXPECT_TRUE(message.starts_with("bad.json")) << message;
        for (const std::string& part : row.expected) {
            EXPECT_NE(message.find(part), std::string::npos) << "missing \"" << part << "\" in: " << message;
        }
    }
}

std::vector<ErrorRow> errorRows()
{
    const std::string okSnapshot =
        R"({"DBSnapshotIdentifier": "s", "DBInstanceIdentifier": "db", "SnapshotType": "manual"})";
    return {
        {"empty", "", {"empty"}},
        {"syntaxLineColumn", "{\n  \"DBSnapshots\": [\n    {\"DBSnapshotIdentifier\": }\n  ]\n}",
            {"bad.json:3:30: syntax error", "unexpected '}'"}},
        {"truncated", "{\"Snapshots\": [{\"SnapshotId\": \"snap-1\"", {"bad.json:1:", "syntax error", "end of input"}},
        {"notJson", "DBSnapshots: []", {"bad.json:1:1: syntax error", "not JSON"}},
        {"utf16", std::string("\xFF\xFE{\0", 4), {"UTF-16"}},
        {"topLevelArray", R"([{"ID": "snap-1", "Time": "2019-08-04T12:48:18.000Z"}])", {"found an array", "--query"}},
        {"unknownShape", R"({"DBInstances": []})",
            {"not a listing of backups", "aws rds describe-db-snapshots", "{\"DBSnapshots\": [...]}",
                "aws rds describe-db-cluster-snapshots", "aws rds describe-db-instance-automated-backups",
                "aws rds describe-db-cluster-automated-backups", "aws backup list-recovery-points-by-backup-vault",
                "aws ec2 describe-snapshots", "aws dynamodb list-backups"}},
        {"twoShapes", R"({"Snapshots": [], "DBSnapshots": []})", {"\"DBSnapshots\" and \"Snapshots\"", "one listing"}},
        {"arrayNotArray", R"({"DBSnapshots": {"DBSnapshotIdentifier": "s"}})", {"at /DBSnapshots: expected an array"}},
        {"entryNotObject", R"({"Snapshots": ["snap-1"]})", {"at /Snapshots/0: expected an object", "found a string"}},
        {"missingIdentifierFourthEntry",
            R"({"DBSnapshots": [)" + okSnapshot + "," + okSnapshot + "," + okSnapshot
                + R"(, {"DBInstanceIdentifier": "db", "SnapshotType": "manual"}]})",
            {"at /DBSnapshots/3/DBSnapshotIdentifier: missing", "snapshot identifier", "DBSnapshotArn"}},
        {"missingProtects",
            R"({"DBClusterSnapshots": [{"DBClusterSnapshotIdentifier": "c", "SnapshotType": "manual"}]})",
            {"at /DBClusterSnapshots/0/DBClusterIdentifier: missing"}},
        {"missingSnapshotType", R"({"DBSnapshots": [{"DBSnapshotIdentifier": "s", "DBInstanceIdentifier": "db"}]})",
            {"at /DBSnapshots/0/SnapshotType: missing", "snapshot type"}},
        {"emptyVolumeId", R"({"Snapshots": [{"SnapshotId": "snap-1", "VolumeId": ""}]})",
            {"at /Snapshots/0/VolumeId: empty", "volume id"}},
        {"idNotString", R"({"Snapshots": [{"SnapshotId": 17, "VolumeId": "vol-1"}]})",
            {"at /Snapshots/0/SnapshotId: expected a string, found a number (17)"}},
        {"elastiCacheSnapshots", R"({"Snapshots": [{"SnapshotName": "snapshot-1", "CacheClusterId": "redis-1"}]})",
            {"at /Snapshots/0/SnapshotId: missing", "aws ec2 describe-snapshots", "ElastiCache"}},
        {"recoveryPointsByResource",
            R"({"RecoveryPoints": [{"RecoveryPointArn": "arn:aws:backup:us-east-1:1:recovery-point:x",
               "CreationDate": "2026-02-01T05:00:00+00:00", "Status": "COMPLETED", "BackupVaultName": "v"}]})",
            {"at /RecoveryPoints/0/ResourceArn: missing", "list-recovery-points-by-backup-vault"}},
        {"vaultMissingVault",
            R"({"RecoveryPoints": [{"RecoveryPointArn": "arn:aws:backup:us-east-1:1:recovery-point:x",
               "ResourceArn": "arn:aws:ec2:us-east-1:1:volume/vol-1"}]})",
            {"at /RecoveryPoints/0/BackupVaultName: missing"}},
        {"dynamoMissingTable",
            R"({"BackupSummaries": [{"BackupArn": "arn:aws:dynamodb:us-east-1:1:table/T/backup/1"}]})",
            {"at /BackupSummaries/0/TableArn: missing", "TableName"}},
        {"automatedMissingIds", R"({"DBInstanceAutomatedBackups": [{"DBInstanceIdentifier": "db"}]})",
            {"at /DBInstanceAutomatedBackups/0/DBInstanceAutomatedBackupsArn: missing", "DbiResourceId"}},
        {"badTimestamp",
            R"({"Snapshots": [{"SnapshotId": "snap-1", "VolumeId": "vol-1", "StartTime": "28/02/2019 21:28"}]})",
            {"at /Snapshots/0/StartTime: expected an ISO-8601 timestamp", "28/02/2019"}},
        {"impossibleDate",
            R"({"Snapshots": [{"SnapshotId": "snap-1", "VolumeId": "vol-1", "StartTime": "2026-02-30T00:00:00Z"}]})",
            {"at /Snapshots/0/StartTime: expected an ISO-8601 timestamp"}},
        {"negativeEpoch",
            R"({"BackupSummaries": [{"TableName": "T", "BackupArn": "arn:aws:dynamodb:us-east-1:1:table/T/backup/1",
               "BackupCreationDateTime": -5}]})",
            {"at /BackupSummaries/0/BackupCreationDateTime:", "found a number (-5)"}},
        {"nestedTimestamp",
            R"({"DBClusterAutomatedBackups": [{"DBClusterIdentifier": "c", "DbClusterResourceId": "cluster-1",
               "RestoreWindow": {"EarliestTime": true}}]})",
            {"at /DBClusterAutomatedBackups/0/RestoreWindow/EarliestTime:", "found a boolean"}},
        {"restoreWindowNotObject",
            R"({"DBInstanceAutomatedBackups": [{"DBInstanceIdentifier": "db", "DbiResourceId": "db-1",
               "RestoreWindow": "always"}]})",
            {"at /DBInstanceAutomatedBackups/0/RestoreWindow: expected an object"}},
        {"retentionNotNumber",
            R"({"DBInstanceAutomatedBackups": [{"DBInstanceIdentifier": "db", "DbiResourceId": "db-1",
               "BackupRetentionPeriod": "7"}]})",
            {"at /DBInstanceAutomatedBackups/0/BackupRetentionPeriod: expected a non-negative number of days"}},
        {"deleteAtBad",
            R"({"RecoveryPoints": [{"RecoveryPointArn": "arn:aws:backup:us-east-1:1:recovery-point:x",
               "BackupVaultName": "v", "ResourceArn": "arn:aws:ec2:us-east-1:1:volume/vol-1",
               "CreationDate": "2026-02-01T05:00:00+00:00", "CalculatedLifecycle": {"DeleteAt": "soon"}}]})",
            {"at /RecoveryPoints/0/CalculatedLifecycle/DeleteAt:", "found a string (\"soon\")"}},
    };
}

INSTANTIATE_TEST_SUITE_P(BadInputs, InventoryErrors, testing::ValuesIn(errorRows()),
    [](const testing::TestParamInfo<ErrorRow>& row) { return row.param.name; });

TEST(InventoryReader, readFileNamesTheFileInPointsAndMessages)
{
    const auto directory = std::filesystem::temp_directory_path();
    const std::string good = (directory / "blastline-inventory-good.json").string();
    const std::string bad = (directory / "blastline-inventory-bad.json").string();
    std::ofstream(good) << R"({"Snapshots": [{"SnapshotId": "snap-1", "VolumeId": "vol-1", "State": "completed"}]})";
    std::ofstream(bad) << "{\"Snapshots\": [\n  {\"SnapshotId\": \"snap-1\"}\n]}";
    const Inventory inventory = InventoryReader::readFile(good);
    EXPECT_EQ(inventory.path, good);
    ASSERT_EQ(inventory.recoveryPoints.size(), 1u);
    EXPECT_EQ(inventory.recoveryPoints[0].sourceDocument, good);
    try {
        InventoryReader::readFile(bad);
        FAIL() << "read a listing without VolumeId";
    } catch (const core::InputError& error) {
        EXPECT_EQ(std::string(error.what()),
            bad + ": at /Snapshots/0/VolumeId: missing; expected the source volume id (\"vol-...\")");
    }
    std::filesystem::remove(good);
    std::filesystem::remove(bad);
}

TEST(InventoryReader, missingFileNamesIt)
{
    try {
        InventoryReader::readFile("/nonexistent/dir/backups.json");
        FAIL() << "read a missing file";
    } catch (const core::InputError& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/dir/backups.json"), std::string::npos);
    }
}

} // namespace

TEST(InventoryReaderLimits, deeplyNestedDocumentsAreRefused)
{
    const std::string nested = "{\"DBSnapshots\": " + std::string(300, '[') + std::string(300, ']') + "}";
    try {
        blastline::importers::InventoryReader::readText(nested, "deep.json");
        FAIL() << "read without error";
    } catch (const blastline::core::InputError& error) {
        // The root object and 255 arrays are allowed; the 256th '[' opens the 257th level.
        const std::string column = std::to_string(nested.find('[') + 256);
        EXPECT_EQ(std::string(error.what()), "deep.json:1:" + column + ": values nested more than 256 levels deep");
    }
}
