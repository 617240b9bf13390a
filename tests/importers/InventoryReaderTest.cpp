// SPDX-License-Identifier: MIT
// AWS CLI listings of backups. The inputs follow the outputs printed in the AWS CLI examples
// (aws/aws-cli awscli/examples/{rds,ec2,dynamodb}/...) and the AWS Backup response syntax.
#include "blastline/importers/InventoryReader.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace blastline;
using importers::Inventory;
using importers::InventoryReader;

namespace {

const std::string kDbSnapshots = R"({
    "DBSnapshots": [
        {
            "DBSnapshotIdentifier": "mydbsnapshot", "DBInstanceIdentifier": "mysqldb",
            "SnapshotCreateTime": "2018-02-08T22:28:08.598000+00:00", "Engine": "mysql", "AllocatedStorage": 20,
            "Status": "available", "Port": 3306, "AvailabilityZone": "us-east-1f", "VpcId": "vpc-6594f31c",
            "InstanceCreateTime": "2018-02-08T22:24:55.973000+00:00", "MasterUsername": "mysqladmin",
            "EngineVersion": "5.6.37", "LicenseModel": "general-public-license", "SnapshotType": "manual",
            "OptionGroupName": "default:mysql-5-6", "PercentProgress": 100, "StorageType": "gp2", "Encrypted": true,
            "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "DBSnapshotArn": "arn:aws:rds:us-east-1:123456789012:snapshot:mydbsnapshot",
            "IAMDatabaseAuthenticationEnabled": false, "ProcessorFeatures": [],
            "DbiResourceId": "db-AKIAIOSFODNN7EXAMPLE", "TagList": []
        },
        {
            "DBSnapshotIdentifier": "rds:mysqldb-2026-02-25-02-04", "DBInstanceIdentifier": "mysqldb",
            "SnapshotCreateTime": "2026-02-25T02:04:11.123000+00:00", "Engine": "mysql", "Status": "available",
            "SnapshotType": "automated", "Encrypted": false,
            "DBSnapshotArn": "arn:aws:rds:us-east-1:123456789012:snapshot:rds:mysqldb-2026-02-25-02-04"
        },
        {
            "DBSnapshotIdentifier": "arn:aws:rds:us-east-1:210987654321:snapshot:shared-copy",
            "DBInstanceIdentifier": "mysqldb", "SnapshotCreateTime": "2026-01-10T08:00:00+00:00",
            "Status": "available", "SnapshotType": "shared"
        },
        {
            "DBSnapshotIdentifier": "awsbackup:job-0123456789abcdef", "DBInstanceIdentifier": "mysqldb",
            "SnapshotCreateTime": "2026-02-20T05:17:42.001000+00:00", "Status": "available",
            "SnapshotType": "awsbackup",
            "DBSnapshotArn": "arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-0123456789abcdef"
        }
    ]
})";

const std::string kDbClusterSnapshots = R"({
    "DBClusterSnapshots": [
        {
            "AvailabilityZones": ["us-east-1a", "us-east-1b", "us-east-1e"],
            "DBClusterSnapshotIdentifier": "myclustersnapshotcopy", "DBClusterIdentifier": "mydbcluster",
            "SnapshotCreateTime": "2019-06-04T09:16:42.649000+00:00", "Engine": "aurora-mysql", "AllocatedStorage": 0,
            "Status": "available", "Port": 0, "VpcId": "vpc-6594f31c",
            "ClusterCreateTime": "2019-04-15T14:18:42.785000+00:00", "MasterUsername": "myadmin",
            "EngineVersion": "5.7.mysql_aurora.2.04.2", "LicenseModel": "aurora-mysql", "SnapshotType": "manual",
            "PercentProgress": 100, "StorageEncrypted": true,
            "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/AKIAIOSFODNN7EXAMPLE",
            "DBClusterSnapshotArn": "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:myclustersnapshotcopy",
            "IAMDatabaseAuthenticationEnabled": false
        },
        {
            "DBClusterSnapshotIdentifier": "rds:mydbcluster-2019-06-20-09-16", "DBClusterIdentifier": "mydbcluster",
            "SnapshotCreateTime": "2019-06-20T09:16:26.569000+00:00", "Status": "available",
            "SnapshotType": "automated",
            "DBClusterSnapshotArn": "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:mydbcluster-2019-06-20-09-16"
        }
    ]
})";

const std::string kDbInstanceAutomatedBackups = R"({
    "DBInstanceAutomatedBackups": [
        {
            "DBInstanceArn": "arn:aws:rds:us-east-1:123456789012:db:new-orcl-db",
            "DbiResourceId": "db-JKIB2GFQ5RV7REPLZA4EXAMPLE", "Region": "us-east-1",
            "DBInstanceIdentifier": "new-orcl-db",
            "RestoreWindow": {"EarliestTime": "2020-12-07T21:05:20.939000+00:00", "LatestTime": "2020-12-14T21:05:20.939000+00:00"},
            "AllocatedStorage": 20, "Status": "retained", "Port": 1521,
            "InstanceCreateTime": "2020-12-04T15:28:31+00:00", "MasterUsername": "admin", "Engine": "oracle-se2",
            "Encrypted": true,
            "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321",
            "BackupRetentionPeriod": 14,
            "DBInstanceAutomatedBackupsArn": "arn:aws:rds:us-east-1:123456789012:auto-backup:ab-jkib2gfq5rv7replzadausbrktni2bn4example"
        },
        {
            "DBInstanceArn": "arn:aws:rds:us-east-1:123456789012:db:orders",
            "DbiResourceId": "db-ORDERS7REPLZA4EXAMPLE", "DBInstanceIdentifier": "orders",
            "RestoreWindow": {"EarliestTime": "2026-02-18T03:00:00+00:00", "LatestTime": "2026-02-25T10:55:00+00:00"},
            "Status": "active", "BackupRetentionPeriod": 7
        }
    ]
})";

const std::string kDbClusterAutomatedBackups = R"({
    "DBClusterAutomatedBackups": [
        {
            "Engine": "aurora-postgresql",
            "DBClusterAutomatedBackupsArn": "arn:aws:rds:us-east-1:123456789012:cluster-auto-backup:cab-abcd1234efgh5678ijkl90mnopqrst5678uvwx1234yzab56cdef7890abcd1234",
            "DBClusterIdentifier": "test-aurora-cluster",
            "RestoreWindow": {"EarliestTime": "2026-09-12T11:38:22.795000+00:00", "LatestTime": "2026-09-12T11:47:16.053000+00:00"},
            "MasterUsername": "postgres", "DbClusterResourceId": "cluster-ABCD1234EFGH5678IJKL90MNOP",
            "Region": "us-east-1", "Status": "retained", "ClusterCreateTime": "2026-09-12T11:38:04+00:00",
            "StorageEncrypted": true,
            "DBClusterArn": "arn:aws:rds:us-east-1:123456789012:cluster:test-aurora-cluster",
            "BackupRetentionPeriod": 7, "Port": 5432,
            "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "TagList": []
        }
    ]
})";

const std::string kRecoveryPoints = R"({
    "RecoveryPoints": [
        {
            "RecoveryPointArn": "arn:aws:backup:us-east-1:123456789012:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45",
            "BackupVaultName": "Default",
            "BackupVaultArn": "arn:aws:backup:us-east-1:123456789012:backup-vault:Default",
            "ResourceArn": "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-12345678",
            "ResourceType": "EFS",
            "CreatedBy": {"BackupPlanId": "8c8b3c0a-3a4f-4a1e-9b6d-example", "BackupPlanArn": "arn:aws:backup:us-east-1:123456789012:backup-plan:8c8b3c0a-3a4f-4a1e-9b6d-example", "BackupPlanVersion": "NjQ3ZjAyNmQtYjRkNi00ZTVkLWFmOTMtZmE0ZjZlZjg0Y2Jm", "BackupRuleId": "a1b2c3d4-example"},
            "IamRoleArn": "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole",
            "Status": "COMPLETED", "CreationDate": "2026-02-01T05:00:00.000000-05:00",
            "CompletionDate": "2026-02-01T05:14:09.357000-05:00", "BackupSizeInBytes": 71,
            "CalculatedLifecycle": {"DeleteAt": "2026-03-03T10:00:00+00:00"}, "Lifecycle": {"DeleteAfterDays": 30},
            "EncryptionKeyArn": "arn:aws:kms:us-east-1:123456789012:key/36a4d3a4-example", "IsEncrypted": true
        },
        {
            "RecoveryPointArn": "arn:aws:ec2:us-east-1::snapshot/snap-0a1b2c3d4e5f67890",
            "BackupVaultName": "Default",
            "BackupVaultArn": "arn:aws:backup:us-east-1:123456789012:backup-vault:Default",
            "ResourceArn": "arn:aws:ec2:us-east-1:123456789012:volume/vol-049df61146c4d7901", "ResourceType": "EBS",
            "Status": "PARTIAL", "CreationDate": "2026-02-02T05:00:00+00:00", "Lifecycle": {"DeleteAfterDays": 35}
        }
    ]
})";

const std::string kEbsSnapshots = R"({
    "Snapshots": [
        {
            "Description": "This is my snapshot", "Encrypted": true,
            "KmsKeyId": "arn:aws:kms:us-east-1:012345678910:key/abcd1234-a123-456a-a12b-a123b4cd56ef",
            "VolumeId": "vol-049df61146c4d7901", "State": "completed", "VolumeSize": 8,
            "StartTime": "2019-02-28T21:28:32.000Z", "Progress": "100%", "OwnerId": "012345678910",
            "SnapshotId": "snap-01234567890abcdef", "Tags": [{"Key": "Stack", "Value": "test"}]
        }
    ]
})";

const std::string kDynamoDbBackups = R"({
    "BackupSummaries": [
        {
            "TableName": "MusicCollection", "TableId": "b0c04bcc-309b-4352-b2ae-9088af169fe2",
            "TableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/MusicCollection",
            "BackupArn": "arn:aws:dynamodb:us-west-2:123456789012:table/MusicCollection/backup/01576616366715-b4e58d3a",
            "BackupName": "MusicCollectionBackup", "BackupCreationDateTime": 1576616366.715,
            "BackupStatus": "AVAILABLE", "BackupType": "USER", "BackupSizeBytes": 0
        },
        {
            "TableName": "Orders", "TableArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders",
            "BackupArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/backup/01771985051000-1a2b3c4d",
            "BackupName": "Orders$DeletedTableBackup", "BackupCreationDateTime": "2026-02-25T02:04:11.000000+00:00",
            "BackupExpiryDateTime": "2026-04-01T02:04:11.000000+00:00", "BackupStatus": "AVAILABLE",
            "BackupType": "SYSTEM", "BackupSizeBytes": 5124
        },
        {
            "TableName": "Orders",
            "BackupArn": "arn:aws:backup:eu-west-1:123456789012:recovery-point:a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "BackupName": "AwsBackup_Orders", "BackupCreationDateTime": "2026-02-24T23:00:00+01:00",
            "BackupStatus": "AVAILABLE", "BackupType": "AWS_BACKUP"
        }
    ]
})";

// ---------------------------------------------------------------------------------------------
// Each listing, each kind: one row per expected recovery point.

struct PointRow
{
    const char* name;
    const std::string* listing;
    std::string shape;
    std::size_t count; // points in the listing after skips
    std::size_t index; // the point this row checks
    std::string id;
    std::string kind;
    std::string protects;
    std::optional<std::string> createdAt;
    std::string kmsKeyId;
    std::string account;
    std::string vault;
    std::optional<double> retentionDays;
};

void PrintTo(const PointRow& row, std::ostream* out)
{
    *out << row.name;
}

class InventoryPoints : public testing::TestWithParam<PointRow>
{ };

TEST_P(InventoryPoints, convertsTheEntry)
{
    const PointRow& row = GetParam();
    const Inventory inventory = InventoryReader::readText(*row.listing, "backups.json");
    EXPECT_EQ(inventory.path, "backups.json");
    EXPECT_EQ(inventory.shape, row.shape);
    ASSERT_EQ(inventory.recoveryPoints.size(), row.count);
    const core::RecoveryPoint& point = inventory.recoveryPoints.at(row.index);
    EXPECT_EQ(point.id, row.id);
    EXPECT_EQ(point.kind, row.kind);
    EXPECT_EQ(point.origin, core::RecoveryPoint::Origin::Inventory);
    EXPECT_EQ(point.sourceDocument, "backups.json");
    EXPECT_EQ(point.protects, row.protects);
    EXPECT_EQ(point.createdAt, row.createdAt);
    EXPECT_EQ(point.kmsKeyId, row.kmsKeyId);
    EXPECT_EQ(point.account, row.account);
    EXPECT_EQ(point.vault, row.vault);
    ASSERT_EQ(point.retentionDays.has_value(), row.retentionDays.has_value());
    if (row.retentionDays) {
        EXPECT_NEAR(*point.retentionDays, *row.retentionDays, 1e-9);
    }
}

const std::string kKey1 = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

std::vector<PointRow> pointRows()
{
    const std::string rds = "aws rds describe-db-snapshots";
    const std::string cluster = "aws rds describe-db-cluster-snapshots";
    const std::string vault = "aws backup list-recovery-points-by-backup-vault";
    const std::string dynamo = "aws dynamodb list-backups";
    return {
        {"dbManual", &kDbSnapshots, rds, 4, 0, "mydbsnapshot", "manual-snapshot", "mysqldb", "2018-02-08T22:28:08Z",
            kKey1, "123456789012", "", std::nullopt},
        {"dbAutomated", &kDbSnapshots, rds, 4, 1, "rds:mysqldb-2026-02-25-02-04", "automated-snapshot", "mysqldb",
            "2026-02-25T02:04:11Z", "", "123456789012", "", std::nullopt},
        {"dbSharedAccountFromIdentifierArn", &kDbSnapshots, rds, 4, 2,
            "arn:aws:rds:us-east-1:210987654321:snapshot:shared-copy", "manual-snapshot", "mysqldb",
            "2026-01-10T08:00:00Z", "", "210987654321", "", std::nullopt},
        {"dbAwsBackup", &kDbSnapshots, rds, 4, 3, "awsbackup:job-0123456789abcdef", "manual-snapshot", "mysqldb",
            "2026-02-20T05:17:42Z", "", "123456789012", "", std::nullopt},
        {"clusterManual", &kDbClusterSnapshots, cluster, 2, 0, "myclustersnapshotcopy", "manual-snapshot",
            "mydbcluster", "2019-06-04T09:16:42Z", "arn:aws:kms:us-east-1:123456789012:key/AKIAIOSFODNN7EXAMPLE",
            "123456789012", "", std::nullopt},
        {"clusterAutomated", &kDbClusterSnapshots, cluster, 2, 1, "rds:mydbcluster-2019-06-20-09-16",
            "automated-snapshot", "mydbcluster", "2019-06-20T09:16:26Z", "", "123456789012", "", std::nullopt},
        {"instanceBackupsRetained", &kDbInstanceAutomatedBackups, "aws rds describe-db-instance-automated-backups", 2,
            0, "arn:aws:rds:us-east-1:123456789012:auto-backup:ab-jkib2gfq5rv7replzadausbrktni2bn4example",
            "retained-automated-backups", "new-orcl-db", "2020-12-07T21:05:20Z",
            "arn:aws:kms:us-east-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321", "123456789012", "", 14.0},
        {"instanceBackupsActiveIdFromResourceId", &kDbInstanceAutomatedBackups,
            "aws rds describe-db-instance-automated-backups", 2, 1, "db-ORDERS7REPLZA4EXAMPLE", "automated-backups",
            "orders", "2026-02-18T03:00:00Z", "", "123456789012", "", 7.0},
        {"clusterBackupsRetained", &kDbClusterAutomatedBackups, "aws rds describe-db-cluster-automated-backups", 1, 0,
            "arn:aws:rds:us-east-1:123456789012:cluster-auto-backup:"
            "cab-abcd1234efgh5678ijkl90mnopqrst5678uvwx1234yzab56cdef7890abcd1234",
            "retained-automated-backups", "test-aurora-cluster", "2026-09-12T11:38:22Z", kKey1, "123456789012", "",
            7.0},
        {"vaultCompletedDeleteAt", &kRecoveryPoints, vault, 2, 0,
            "arn:aws:backup:us-east-1:123456789012:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45",
            "vault-recovery-point", "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-12345678",
            "2026-02-01T10:00:00Z", "arn:aws:kms:us-east-1:123456789012:key/36a4d3a4-example", "123456789012",
            "Default", 30.0},
        {"vaultPartialLifecycleDays", &kRecoveryPoints, vault, 2, 1,
            "arn:aws:ec2:us-east-1::snapshot/snap-0a1b2c3d4e5f67890", "vault-recovery-point",
            "arn:aws:ec2:us-east-1:123456789012:volume/vol-049df61146c4d7901", "2026-02-02T05:00:00Z", "",
            "123456789012", "Default", 35.0},
        {"ebs", &kEbsSnapshots, "aws ec2 describe-snapshots", 1, 0, "snap-01234567890abcdef", "ebs-snapshot",
            "vol-049df61146c4d7901", "2019-02-28T21:28:32Z",
            "arn:aws:kms:us-east-1:012345678910:key/abcd1234-a123-456a-a12b-a123b4cd56ef", "012345678910", "",
            std::nullopt},
        {"dynamoUserEpochSeconds", &kDynamoDbBackups, dynamo, 3, 0,
            "arn:aws:dynamodb:us-west-2:123456789012:table/MusicCollection/backup/01576616366715-b4e58d3a",
            "dynamodb-user-backup", "arn:aws:dynamodb:us-west-2:123456789012:table/MusicCollection",
            "2019-12-17T20:59:26Z", "", "123456789012", "", std::nullopt},
        {"dynamoSystemExpiry", &kDynamoDbBackups, dynamo, 3, 1,
            "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/backup/01771985051000-1a2b3c4d",
            "dynamodb-system-backup", "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", "2026-02-25T02:04:11Z",
            "", "123456789012", "", 35.0},
        {"dynamoAwsBackupTableNameOnly", &kDynamoDbBackups, dynamo, 3, 2,
            "arn:aws:backup:eu-west-1:123456789012:recovery-point:a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "dynamodb-aws-backup-backup", "Orders", "2026-02-24T22:00:00Z", "", "123456789012", "", std::nullopt},
    };
}

INSTANTIATE_TEST_SUITE_P(Listings, InventoryPoints, testing::ValuesIn(pointRows()),
    [](const testing::TestParamInfo<PointRow>& row) { return row.param.name; });

// ---------------------------------------------------------------------------------------------
// Timestamps: every offset form the CLI prints becomes UTC "YYYY-MM-DDTHH:MM:SSZ".

struct TimeRow
{
    const char* name;
    std::string value; // the JSON value of StartTime, as written in the listing
    std::string expected;
};

void PrintTo(const TimeRow& row, std::ostream* out)
{
    *out << row.name;
}

std::string ebsListingWithStartTime(const std::string& value)
{
    return R"({"Snapshots": [{"SnapshotId": "snap-1", "VolumeId": "vol-1", "State": "completed", "StartTime": )" + value
        + "}]}";
}

class InventoryTimestamps : public testing::TestWithParam<TimeRow>
{ };

TEST_P(InventoryTimestamps, normalisesToUtc)
{
    const Inventory inventory = InventoryReader::readText(ebsListingWithStartTime(GetParam().value), "t.json");
    ASSERT_EQ(inventory.recoveryPoints.size(), 1u);
    EXPECT_EQ(inventory.recoveryPoints[0].createdAt, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Forms, InventoryTimestamps,
    testing::Values(TimeRow {"microsUtcOffset", R"("2026-02-25T02:04:11.123000+00:00")", "2026-02-25T02:04:11Z"},
        TimeRow {"millisZ", R"("2019-02-28T21:28:32.000Z")", "2019-02-28T21:28:32Z"},
        TimeRow {"noFraction", R"("2020-12-04T15:28:31Z")", "2020-12-04T15:28:31Z"},
        TimeRow {"negativeOffsetNextDay", R"("2026-12-31T21:30:00-05:00")", "2027-01-01T02:30:00Z"},
        TimeRow {"positiveOffsetPreviousDay", R"("2026-03-01T03:00:00+05:30")", "2026-02-28T21:30:00Z"},
        TimeRow {"leapDay", R"("2024-03-01T00:15:00+01:00")", "2024-02-29T23:15:00Z"},
        TimeRow {"offsetWithoutColon", R"("2026-02-25T02:04:11+0100")", "2026-02-25T01:04:11Z"},
        TimeRow {"noOffsetIsUtc", R"("2026-02-25T02:04:11")", "2026-02-25T02:04:11Z"},
        TimeRow {"epochSecondsInteger", "1771985051", "2026-02-25T02:04:11Z"},
        TimeRow {"epochSecondsFraction", "1771985051.999", "2026-02-25T02:04:11Z"},
        TimeRow {"epochZero", "0", "1970-01-01T00:00:00Z"}),
    [](const testing::TestParamInfo<TimeRow>& row) { return row.param.name; });

// ---------------------------------------------------------------------------------------------

TEST(InventoryReader, emptyArrayIsAnEmptyInventoryOfThatShape)
{
    const Inventory inventory = InventoryReader::readText(R"({"RecoveryPoints": []})", "empty.json");
    EXPECT_EQ(inventory.shape, "aws backup list-recovery-points-by-backup-vault");
    EXPECT_TRUE(inventory.recoveryPoints.empty());
    EXPECT_TRUE(inventory.warnings.empty());
}

TEST(InventoryReader, accountComesFromTheArnOfEveryPartition)
{
    const Inventory inventory = InventoryReader::readText(R"({"DBSnapshots": [
        {"DBSnapshotIdentifier": "a", "DBInstanceIdentifier": "db", "SnapshotType": "manual",
         "DBSnapshotArn": "arn:aws-cn:rds:cn-north-1:111122223333:snapshot:a"},
        {"DBSnapshotIdentifier": "b", "DBInstanceIdentifier": "db", "SnapshotType": "manual",
         "DBSnapshotArn": "arn:aws-us-gov:rds:us-gov-west-1:444455556666:snapshot:b"},
        {"DBSnapshotIdentifier": "c", "DBInstanceIdentifier": "db", "SnapshotType": "manual"}]})",
        "partitions.json");
    ASSERT_EQ(inventory.recoveryPoints.size(), 3u);
    EXPECT_EQ(inventory.recoveryPoints[0].account, "111122223333");
    EXPECT_EQ(inventory.recoveryPoints[1].account, "444455556666");
    EXPECT_EQ(inventory.recoveryPoints[2].account, ""); // no ARN: the data store's account
}

TEST(InventoryReader, unknownFieldsAreIgnoredAndCompletedListingsWarnNothing)
{
    const Inventory inventory = InventoryReader::readText(kEbsSnapshots, "ebs.json");
    EXPECT_TRUE(inventory.warnings.empty());
    const Inventory dynamo = InventoryReader::readText(
        R"({"BackupSummaries": [{"TableName": "T", "BackupArn": "arn:aws:dynamodb:us-east-1:1:table/T/backup/1",
            "SomethingNew": {"deep": [1, 2]}}], "LastEvaluatedBackupArn": null})",
        "new.json");
    ASSERT_EQ(dynamo.recoveryPoints.size(), 1u);
    EXPECT_EQ(dynamo.recoveryPoints[0].kind, "dynamodb-backup"); // BackupType absent
    EXPECT_FALSE(dynamo.recoveryPoints[0].createdAt.has_value());
    EXPECT_TRUE(dynamo.warnings.empty());
}

} // namespace
