// SPDX-License-Identifier: MIT
#include "blastline/core/EventRules.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

using blastline::core::Attributes;
using blastline::core::AttributeValue;
using blastline::core::EventClass;
using blastline::core::EventFacts;
using blastline::core::EventRules;

namespace {

using Leaves = std::vector<Attributes::Entry>;

AttributeValue str(const char* text)
{
    return AttributeValue::string(text);
}
AttributeValue num(const char* text)
{
    return AttributeValue::number(text);
}
AttributeValue flag(bool value)
{
    return AttributeValue::boolean(value);
}

Attributes attributes(Leaves leaves)
{
    Attributes result;
    result.assign(std::move(leaves));
    return result;
}

// ---------------------------------------------------------------------------------------------- classify

struct ClassCase
{
    const char* label;
    std::string eventSource;
    std::string eventName;
    bool readOnly;
    Leaves request;
    EventClass expected;
};

// Failures name the row, not its bytes.
void PrintTo(const ClassCase& row, std::ostream* os)
{
    *os << row.label;
}

const ClassCase kClassCases[] = {
    // Backup-destroying
    {"rdsDeleteDBSnapshot", "rds.amazonaws.com", "DeleteDBSnapshot", false,
        {{"dBSnapshotIdentifier", str("backup-2024-01-15")}}, EventClass::BackupDestroying},
    {"rdsDeleteDBClusterSnapshot", "rds.amazonaws.com", "DeleteDBClusterSnapshot", false, {},
        EventClass::BackupDestroying},
    {"rdsDeleteInstanceAutomatedBackup", "rds.amazonaws.com", "DeleteDBInstanceAutomatedBackup", false,
        {{"dbiResourceId", str("db-ABCDEF1234567890")}}, EventClass::BackupDestroying},
    {"rdsDeleteClusterAutomatedBackup", "rds.amazonaws.com", "DeleteDBClusterAutomatedBackup", false, {},
        EventClass::BackupDestroying},
    {"backupDeleteRecoveryPoint", "backup.amazonaws.com", "DeleteRecoveryPoint", false, {},
        EventClass::BackupDestroying},
    {"backupDeleteVault", "backup.amazonaws.com", "DeleteBackupVault", false, {}, EventClass::BackupDestroying},
    {"ec2DeleteSnapshot", "ec2.amazonaws.com", "DeleteSnapshot", false, {{"snapshotId", str("snap-1")}},
        EventClass::BackupDestroying},
    {"dynamodbDeleteBackup", "dynamodb.amazonaws.com", "DeleteBackup", false, {}, EventClass::BackupDestroying},
    {"kmsScheduleKeyDeletion", "kms.amazonaws.com", "ScheduleKeyDeletion", false,
        {{"keyId", str("1")}, {"pendingWindowInDays", num("30")}}, EventClass::BackupDestroying},
    {"kmsDisableKey", "kms.amazonaws.com", "DisableKey", false, {{"keyId", str("1")}}, EventClass::BackupDestroying},
    {"rdsRetentionZero", "rds.amazonaws.com", "ModifyDBInstance", false,
        {{"dBInstanceIdentifier", str("db")}, {"backupRetentionPeriod", num("0")}}, EventClass::BackupDestroying},
    {"otherServiceDeleteSnapshotIsDelete", "lightsail.amazonaws.com", "DeleteSnapshot", false, {}, EventClass::Delete},
    // A delete that takes its automated backups along stays Delete: the report says which backups went.
    {"rdsDeleteWithoutAnyBackup", "rds.amazonaws.com", "DeleteDBInstance", false,
        {{"dBInstanceIdentifier", str("customer-data-db")}, {"skipFinalSnapshot", flag(true)},
            {"deleteAutomatedBackups", flag(true)}},
        EventClass::Delete},
    // Protection-lowering
    {"rdsProtectionOff", "rds.amazonaws.com", "ModifyDBInstance", false,
        {{"dBInstanceIdentifier", str("db")}, {"deletionProtection", flag(false)}, {"applyImmediately", flag(true)}},
        EventClass::ProtectionLowering},
    {"rdsClusterProtectionOffAsString", "rds.amazonaws.com", "ModifyDBCluster", false,
        {{"dBClusterIdentifier", str("c")}, {"deletionProtection", str("false")}}, EventClass::ProtectionLowering},
    {"rdsProtectionOnIsModify", "rds.amazonaws.com", "ModifyDBInstance", false,
        {{"dBInstanceIdentifier", str("db")}, {"deletionProtection", flag(true)}}, EventClass::Modify},
    {"rdsPantherStorageChangeIsModify", "rds.amazonaws.com", "ModifyDBInstance", false,
        {{"dBInstanceIdentifier", str("my-db")}, {"allocatedStorage", num("100")}}, EventClass::Modify},
    {"elbProtectionOff", "elasticloadbalancing.amazonaws.com", "ModifyLoadBalancerAttributes", false,
        {{"loadBalancerArn", str("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/1")},
            {"attributes.0.key", str("idle_timeout.timeout_seconds")}, {"attributes.0.value", str("60")},
            {"attributes.1.key", str("deletion_protection.enabled")}, {"attributes.1.value", str("false")}},
        EventClass::ProtectionLowering},
    {"elbProtectionOnIsModify", "elasticloadbalancing.amazonaws.com", "ModifyLoadBalancerAttributes", false,
        {{"attributes.0.key", str("deletion_protection.enabled")}, {"attributes.0.value", str("true")}},
        EventClass::Modify},
    {"dynamodbProtectionOff", "dynamodb.amazonaws.com", "UpdateTable", false,
        {{"tableName", str("orders")}, {"deletionProtectionEnabled", flag(false)}}, EventClass::ProtectionLowering},
    {"dynamodbPitrOff", "dynamodb.amazonaws.com", "UpdateContinuousBackups", false,
        {{"tableName", str("orders")}, {"pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled", flag(false)}},
        EventClass::ProtectionLowering},
    {"s3VersioningSuspended", "s3.amazonaws.com", "PutBucketVersioning", false,
        {{"bucketName", str("b")}, {"VersioningConfiguration.Status", str("Suspended")},
            {"VersioningConfiguration.xmlns", str("http://s3.amazonaws.com/doc/2006-03-01/")}},
        EventClass::ProtectionLowering},
    {"s3VersioningEnabledIsPut", "s3.amazonaws.com", "PutBucketVersioning", false,
        {{"bucketName", str("b")}, {"VersioningConfiguration.Status", str("Enabled")}}, EventClass::Create},
    {"ec2TerminationProtectionOff", "ec2.amazonaws.com", "ModifyInstanceAttribute", false,
        {{"instanceId", str("i-1")}, {"disableApiTermination.value", flag(false)}}, EventClass::ProtectionLowering},
    {"ec2InstanceTypeIsModify", "ec2.amazonaws.com", "ModifyInstanceAttribute", false,
        {{"instanceId", str("i-1")}, {"instanceType.value", str("t3.large")}}, EventClass::Modify},
    {"cloudtrailStopLogging", "cloudtrail.amazonaws.com", "StopLogging", false, {{"name", str("t")}},
        EventClass::ProtectionLowering},
    {"cloudtrailDeleteTrailStratus", "cloudtrail.amazonaws.com", "DeleteTrail", false,
        {{"name", str("stratus-red-team-cloudtraild-trail-kvrwohmiai")}}, EventClass::ProtectionLowering},
    {"ec2DeleteFlowLogsStratus", "ec2.amazonaws.com", "DeleteFlowLogs", false,
        {{"DeleteFlowLogsRequest.FlowLogId.content", str("fl-0e17aa62a21d4bbfe")},
            {"DeleteFlowLogsRequest.FlowLogId.tag", num("1")}},
        EventClass::ProtectionLowering},
    {"backupVaultLockRemoved", "backup.amazonaws.com", "DeleteBackupVaultLockConfiguration", false, {},
        EventClass::ProtectionLowering},
    {"cfnTerminationProtectionOff", "cloudformation.amazonaws.com", "UpdateTerminationProtection", false,
        {{"stackName", str("s")}, {"enableTerminationProtection", flag(false)}}, EventClass::ProtectionLowering},
    // Delete
    {"rdsDeleteDBInstance", "rds.amazonaws.com", "DeleteDBInstance", false, {}, EventClass::Delete},
    {"s3DeleteBucket", "s3.amazonaws.com", "DeleteBucket", false, {}, EventClass::Delete},
    {"s3DeleteObjects", "s3.amazonaws.com", "DeleteObjects", false, {}, EventClass::Delete},
    {"ec2TerminateInstances", "ec2.amazonaws.com", "TerminateInstances", false, {}, EventClass::Delete},
    {"iamRemoveRoleFromInstanceProfile", "iam.amazonaws.com", "RemoveRoleFromInstanceProfile", false, {},
        EventClass::Delete},
    {"elbDeregisterTargets", "elasticloadbalancing.amazonaws.com", "DeregisterTargets", false, {}, EventClass::Delete},
    {"ec2ReleaseAddress", "ec2.amazonaws.com", "ReleaseAddress", false, {}, EventClass::Delete},
    {"ecrBatchDeleteImage", "ecr.amazonaws.com", "BatchDeleteImage", false, {}, EventClass::Delete},
    {"secretsDeleteSecret", "secretsmanager.amazonaws.com", "DeleteSecret", false, {}, EventClass::Delete},
    {"backupDeletePlanIsPlainDelete", "backup.amazonaws.com", "DeleteBackupPlan", false, {}, EventClass::Delete},
    // Create
    {"rdsCreateDBInstance", "rds.amazonaws.com", "CreateDBInstance", false, {}, EventClass::Create},
    {"ec2RunInstances", "ec2.amazonaws.com", "RunInstances", false, {}, EventClass::Create},
    {"s3PutBucketPolicy", "s3.amazonaws.com", "PutBucketPolicy", false, {}, EventClass::Create},
    {"ec2AllocateAddress", "ec2.amazonaws.com", "AllocateAddress", false, {}, EventClass::Create},
    {"elbRegisterTargets", "elasticloadbalancing.amazonaws.com", "RegisterTargets", false, {}, EventClass::Create},
    {"ec2ImportKeyPair", "ec2.amazonaws.com", "ImportKeyPair", false, {}, EventClass::Create},
    {"rdsCopyDBSnapshot", "rds.amazonaws.com", "CopyDBSnapshot", false, {}, EventClass::Create},
    {"rdsRestoreFromSnapshot", "rds.amazonaws.com", "RestoreDBInstanceFromDBSnapshot", false, {}, EventClass::Create},
    {"iamCreateAccessKeyStratus", "iam.amazonaws.com", "CreateAccessKey", false, {}, EventClass::Create},
    // Modify
    {"rdsModifyDBSnapshotAttributeStratus", "rds.amazonaws.com", "ModifyDBSnapshotAttribute", false,
        {{"attributeName", str("restore")}, {"dBSnapshotIdentifier", str("exfiltration")}}, EventClass::Modify},
    {"ec2ModifySnapshotAttributeStratus", "ec2.amazonaws.com", "ModifySnapshotAttribute", false, {},
        EventClass::Modify},
    // Relationships: Terraform creates and deletes aws_security_group_rule, aws_iam_*_policy_attachment and
    // aws_route_table_association with exactly these calls.
    {"ec2AuthorizeIngressStratus", "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", false, {}, EventClass::Create},
    {"ec2RevokeEgress", "ec2.amazonaws.com", "RevokeSecurityGroupEgress", false, {}, EventClass::Delete},
    {"iamAttachUserPolicyStratus", "iam.amazonaws.com", "AttachUserPolicy", false, {}, EventClass::Create},
    {"iamDetachRolePolicy", "iam.amazonaws.com", "DetachRolePolicy", false, {}, EventClass::Delete},
    {"ec2AssociateRouteTable", "ec2.amazonaws.com", "AssociateRouteTable", false, {}, EventClass::Create},
    {"ec2DisassociateAddress", "ec2.amazonaws.com", "DisassociateAddress", false, {}, EventClass::Delete},
    {"route53DeleteRecord", "route53.amazonaws.com", "ChangeResourceRecordSets", false,
        {{"hostedZoneId", str("Z1")}, {"changeBatch.changes.0.action", str("DELETE")},
            {"changeBatch.changes.0.resourceRecordSet.name", str("www.example.com.")},
            {"changeBatch.changes.0.resourceRecordSet.type", str("A")}},
        EventClass::Delete},
    {"route53UpsertRecord", "route53.amazonaws.com", "ChangeResourceRecordSets", false,
        {{"hostedZoneId", str("Z1")}, {"changeBatch.changes.0.action", str("UPSERT")}}, EventClass::Modify},
    {"tagResource", "rds.amazonaws.com", "AddTagsToResource", false, {}, EventClass::Modify},
    {"kmsTagResource", "kms.amazonaws.com", "TagResource", false, {}, EventClass::Modify},
    {"kmsUntagResource", "kms.amazonaws.com", "UntagResource", false, {}, EventClass::Modify},
    {"ec2StartInstancesAwsdocs", "ec2.amazonaws.com", "StartInstances", false, {}, EventClass::Modify},
    {"ec2StopInstancesAwsdocs", "ec2.amazonaws.com", "StopInstances", false, {}, EventClass::Modify},
    {"rdsRebootDBInstance", "rds.amazonaws.com", "RebootDBInstance", false, {}, EventClass::Modify},
    {"kmsEnableKey", "kms.amazonaws.com", "EnableKey", false, {}, EventClass::Modify},
    {"kmsDisableKeyRotation", "kms.amazonaws.com", "DisableKeyRotation", false, {}, EventClass::Modify},
    {"kmsCancelKeyDeletion", "kms.amazonaws.com", "CancelKeyDeletion", false, {}, EventClass::Modify},
    {"iamAddUserToGroupAwsdocs", "iam.amazonaws.com", "AddUserToGroup", false, {}, EventClass::Modify},
    {"ecsUpdateService", "ecs.amazonaws.com", "UpdateService", false, {}, EventClass::Modify},
    {"cloudtrailUpdateTrailAwsdocs", "cloudtrail.amazonaws.com", "UpdateTrail", false, {}, EventClass::Modify},
    {"cloudtrailStartLogging", "cloudtrail.amazonaws.com", "StartLogging", false, {}, EventClass::Modify},
    // Read
    {"stsAssumeRoleReadOnly", "sts.amazonaws.com", "AssumeRole", true, {}, EventClass::Read},
    {"kmsDecryptReadOnly", "kms.amazonaws.com", "Decrypt", true, {}, EventClass::Read},
    {"s3GetObject", "s3.amazonaws.com", "GetObject", false, {}, EventClass::Read},
    {"ec2DescribeInstances", "ec2.amazonaws.com", "DescribeInstances", false, {}, EventClass::Read},
    {"s3ListBuckets", "s3.amazonaws.com", "ListBuckets", false, {}, EventClass::Read},
    {"s3HeadBucket", "s3.amazonaws.com", "HeadBucket", false, {}, EventClass::Read},
    {"cloudtrailLookupEvents", "cloudtrail.amazonaws.com", "LookupEvents", false, {}, EventClass::Read},
    {"dynamodbBatchGetItem", "dynamodb.amazonaws.com", "BatchGetItem", false, {}, EventClass::Read},
    // Other
    {"kmsDecryptNotFlagged", "kms.amazonaws.com", "Decrypt", false, {}, EventClass::Other},
    {"consoleLogin", "signin.amazonaws.com", "ConsoleLogin", false, {}, EventClass::Other},
    {"verbMustBeAWord", "example.amazonaws.com", "Getaway", false, {}, EventClass::Other},
    {"emptyName", "", "", false, {}, EventClass::Other},
};

class EventRulesClassify : public testing::TestWithParam<ClassCase>
{ };

TEST_P(EventRulesClassify, classifiesTheEvent)
{
    const ClassCase& c = GetParam();
    const Attributes request = attributes(c.request);
    EventFacts facts {c.eventSource, c.eventName, c.readOnly, &request, nullptr, {}};
    EXPECT_EQ(toString(EventRules::classify(facts)), std::string(toString(c.expected)));
}

INSTANTIATE_TEST_SUITE_P(EventRules, EventRulesClassify, testing::ValuesIn(kClassCases),
    [](const auto& row) { return std::string(row.param.label); });

TEST(EventRules, classifiesWithoutRequestParameters)
{
    // CloudTrail's requestParameters may be null: conditional rules must then fall back to the verb.
    EventFacts facts {"rds.amazonaws.com", "ModifyDBInstance", false, nullptr, nullptr, {}};
    EXPECT_EQ(EventRules::classify(facts), EventClass::Modify);
    facts.eventName = "DeleteDBSnapshot";
    EXPECT_EQ(EventRules::classify(facts), EventClass::BackupDestroying);
}

TEST(EventRules, namesEveryClass)
{
    EXPECT_STREQ(toString(EventClass::Create), "create");
    EXPECT_STREQ(toString(EventClass::Modify), "modify");
    EXPECT_STREQ(toString(EventClass::Delete), "delete");
    EXPECT_STREQ(toString(EventClass::BackupDestroying), "backup-destroying");
    EXPECT_STREQ(toString(EventClass::ProtectionLowering), "protection-lowering");
    EXPECT_STREQ(toString(EventClass::Read), "read");
    EXPECT_STREQ(toString(EventClass::Other), "other");
}

TEST(EventRules, destructiveClasses)
{
    EXPECT_TRUE(EventRules::isDestructive(EventClass::Delete));
    EXPECT_TRUE(EventRules::isDestructive(EventClass::BackupDestroying));
    EXPECT_TRUE(EventRules::isDestructive(EventClass::ProtectionLowering));
    EXPECT_FALSE(EventRules::isDestructive(EventClass::Create));
    EXPECT_FALSE(EventRules::isDestructive(EventClass::Modify));
    EXPECT_FALSE(EventRules::isDestructive(EventClass::Read));
    EXPECT_FALSE(EventRules::isDestructive(EventClass::Other));
}

// ---------------------------------------------------------------------------------------------- identifiers

struct IdentifierCase
{
    const char* label;
    std::string eventSource;
    std::string eventName;
    Leaves request;
    Leaves response;
    std::vector<std::string> resourceArns;
    std::vector<std::string> expected;
};

// Failures name the row, not its bytes.
void PrintTo(const IdentifierCase& row, std::ostream* os)
{
    *os << row.label;
}

const IdentifierCase kIdentifierCases[] = {
    // Panther aws_modify_cloud_compute_infrastructure: TerminateInstances (the response repeats the instance).
    {"ec2TerminateInstancesPanther", "ec2.amazonaws.com", "TerminateInstances",
        {{"instancesSet.items.0.instanceId", str("i-0d9853f67e40ab80b")}},
        {{"instancesSet.items.0.currentState.code", num("32")},
            {"instancesSet.items.0.currentState.name", str("shutting-down")},
            {"instancesSet.items.0.instanceId", str("i-0d9853f67e40ab80b")}},
        {}, {"i-0d9853f67e40ab80b"}},
    {"ec2TerminateManyInIndexOrder", "ec2.amazonaws.com", "TerminateInstances",
        {{"instancesSet.items.0.instanceId", str("i-0")}, {"instancesSet.items.1.instanceId", str("i-1")},
            {"instancesSet.items.10.instanceId", str("i-10")}, {"instancesSet.items.2.instanceId", str("i-2")}},
        {}, {}, {"i-0", "i-1", "i-2", "i-10"}},
    {"ec2StartInstancesAwsdocs", "ec2.amazonaws.com", "StartInstances",
        {{"instancesSet.items.0.instanceId", str("i-ebeaf9e2")}}, {}, {}, {"i-ebeaf9e2"}},
    // Panther RunInstances: the request names only the AMI and subnet it uses; the new instance is in the response.
    {"ec2RunInstancesPanther", "ec2.amazonaws.com", "RunInstances",
        {{"instancesSet.items.0.imageId", str("ami-05074c40f29040248")}, {"instancesSet.items.0.maxCount", num("1")},
            {"subnetId", str("subnet-00559b970d3a60983")},
            {"clientToken", str("80a552a2-30ee-419e-bd73-3ee36b1242d6")}},
        {{"instancesSet.items.0.instanceId", str("i-0690cd354a0c3850c")},
            {"instancesSet.items.0.networkInterfaceSet.items.0.groupSet.items.0.groupId", str("sg-0077c778d7ad1f5f2")}},
        {}, {"i-0690cd354a0c3850c"}},
    // Panther aws_rds_instance_deletion: the final snapshot the call creates is named too.
    {"rdsDeleteDBInstancePanther", "rds.amazonaws.com", "DeleteDBInstance",
        {{"dBInstanceIdentifier", str("production-mysql-db")}, {"skipFinalSnapshot", flag(false)},
            {"finalDBSnapshotIdentifier", str("production-mysql-db-final-snapshot-2024-01-15")},
            {"deleteAutomatedBackups", flag(false)}},
        {{"dBInstanceIdentifier", str("production-mysql-db")}, {"dBInstanceStatus", str("deleting")},
            {"dBInstanceArn", str("arn:aws:rds:us-east-1:123456789012:db:production-mysql-db")}},
        {},
        {"production-mysql-db", "production-mysql-db-final-snapshot-2024-01-15",
            "arn:aws:rds:us-east-1:123456789012:db:production-mysql-db"}},
    {"rdsDeleteDBInstanceWithResourceId", "rds.amazonaws.com", "DeleteDBInstance",
        {{"dBInstanceIdentifier", str("db1")}, {"skipFinalSnapshot", flag(true)}}, {{"dbiResourceId", str("db-XYZ")}},
        {}, {"db1", "db-XYZ"}},
    {"rdsDeleteDBClusterPanther", "rds.amazonaws.com", "DeleteDBCluster",
        {{"dBClusterIdentifier", str("aurora-cluster-prod")}, {"skipFinalSnapshot", flag(false)},
            {"finalDBClusterSnapshotIdentifier", str("aurora-cluster-prod-final-2024-01-15")}},
        {{"dBClusterIdentifier", str("aurora-cluster-prod")}, {"status", str("deleting")},
            {"dBClusterArn", str("arn:aws:rds:us-east-1:123456789012:cluster:aurora-cluster-prod")}},
        {},
        {"aurora-cluster-prod", "aurora-cluster-prod-final-2024-01-15",
            "arn:aws:rds:us-east-1:123456789012:cluster:aurora-cluster-prod"}},
    {"rdsDeleteDBSnapshotPanther", "rds.amazonaws.com", "DeleteDBSnapshot",
        {{"dBSnapshotIdentifier", str("backup-2024-01-15")}},
        {{"dBSnapshotIdentifier", str("backup-2024-01-15")},
            {"dBSnapshotArn", str("arn:aws:rds:us-west-2:123456789012:snapshot:backup-2024-01-15")},
            {"status", str("deleted")}},
        {}, {"backup-2024-01-15", "arn:aws:rds:us-west-2:123456789012:snapshot:backup-2024-01-15"}},
    {"rdsDeleteDBClusterSnapshotPanther", "rds.amazonaws.com", "DeleteDBClusterSnapshot",
        {{"dBClusterSnapshotIdentifier", str("aurora-cluster-backup-2024")}},
        {{"dBClusterSnapshotArn",
            str("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:aurora-cluster-backup-2024")}},
        {},
        {"aurora-cluster-backup-2024",
            "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:aurora-cluster-backup-2024"}},
    {"rdsDeleteAutomatedBackupPanther", "rds.amazonaws.com", "DeleteDBInstanceAutomatedBackup",
        {{"dbiResourceId", str("db-ABCDEF1234567890")}},
        {{"dBInstanceAutomatedBackupArn", str("arn:aws:rds:us-east-1:123456789012:auto-backup:ab-1234567890abcdef")},
            {"dbiResourceId", str("db-ABCDEF1234567890")}, {"engine", str("mysql")}},
        {}, {"db-ABCDEF1234567890", "arn:aws:rds:us-east-1:123456789012:auto-backup:ab-1234567890abcdef"}},
    {"rdsDeleteClusterAutomatedBackupPanther", "rds.amazonaws.com", "DeleteDBClusterAutomatedBackup",
        {{"dbClusterResourceId", str("cluster-GHIJKL9876543210")}},
        {{"dBClusterAutomatedBackupArn",
            str("arn:aws:rds:us-west-2:123456789012:cluster-auto-backup:cab-9876543210fedcba")}},
        {},
        {"cluster-GHIJKL9876543210", "arn:aws:rds:us-west-2:123456789012:cluster-auto-backup:cab-9876543210fedcba"}},
    {"rdsCreateDBSnapshotPanther", "rds.amazonaws.com", "CreateDBSnapshot",
        {{"dBSnapshotIdentifier", str("new-backup")}, {"dBInstanceIdentifier", str("my-database")}}, {}, {},
        {"my-database", "new-backup"}},
    // Stratus rds-share-snapshot: the account the snapshot is shared with is not a resource of ours.
    {"rdsModifyDBSnapshotAttributeStratus", "rds.amazonaws.com", "ModifyDBSnapshotAttribute",
        {{"attributeName", str("restore")}, {"dBSnapshotIdentifier", str("exfiltration")},
            {"valuesToAdd.0", str("503161813013")}},
        {{"dBSnapshotAttributes.0.attributeName", str("restore")},
            {"dBSnapshotAttributes.0.attributeValues.0", str("503161813013")},
            {"dBSnapshotIdentifier", str("exfiltration")}},
        {}, {"exfiltration"}},
    {"ec2ModifySnapshotAttributeStratus", "ec2.amazonaws.com", "ModifySnapshotAttribute",
        {{"attributeType", str("CREATE_VOLUME_PERMISSION")},
            {"createVolumePermission.add.items.0.userId", str("098797384747")},
            {"snapshotId", str("snap-041993b54a9b3af6f")}},
        {{"_return", flag(true)}, {"requestId", str("aeddc4a7-2043-405e-8b19-5a913367249e")}}, {},
        {"snap-041993b54a9b3af6f"}},
    {"ec2AuthorizeIngressStratus", "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
        {{"cidrIp", str("208.236.235.254/0")}, {"fromPort", num("22")}, {"groupId", str("sg-003dc7f1f1c686164")},
            {"ipProtocol", str("tcp")}, {"toPort", num("22")}},
        {{"_return", flag(true)}, {"securityGroupRuleSet.items.0.groupId", str("sg-003dc7f1f1c686164")},
            {"securityGroupRuleSet.items.0.securityGroupRuleId", str("sgr-09b3e3d2c")}},
        {}, {"sg-003dc7f1f1c686164"}},
    // Stratus vpc-remove-flow-logs: EC2's newer {content, tag} wrapper.
    {"ec2DeleteFlowLogsStratus", "ec2.amazonaws.com", "DeleteFlowLogs",
        {{"DeleteFlowLogsRequest.FlowLogId.content", str("fl-0e17aa62a21d4bbfe")},
            {"DeleteFlowLogsRequest.FlowLogId.tag", num("1")}},
        {{"DeleteFlowLogsResponse.requestId", str("96d51d7f-c18d-45b9-8315-9aa0fde21e88")}}, {},
        {"fl-0e17aa62a21d4bbfe"}},
    {"ec2DeleteNatGatewayWrapped", "ec2.amazonaws.com", "DeleteNatGateway",
        {{"DeleteNatGatewayRequest.NatGatewayId", str("nat-0a1b2c3d4e5f67890")}}, {}, {}, {"nat-0a1b2c3d4e5f67890"}},
    {"ec2DeleteVolume", "ec2.amazonaws.com", "DeleteVolume", {{"volumeId", str("vol-1")}}, {}, {}, {"vol-1"}},
    {"ec2DeleteVpc", "ec2.amazonaws.com", "DeleteVpc", {{"vpcId", str("vpc-1")}}, {}, {}, {"vpc-1"}},
    {"ec2DeleteSubnet", "ec2.amazonaws.com", "DeleteSubnet", {{"subnetId", str("subnet-1")}}, {}, {}, {"subnet-1"}},
    {"ec2DeleteSecurityGroup", "ec2.amazonaws.com", "DeleteSecurityGroup", {{"groupId", str("sg-1")}}, {}, {},
        {"sg-1"}},
    {"cloudtrailDeleteTrailStratus", "cloudtrail.amazonaws.com", "DeleteTrail",
        {{"name", str("stratus-red-team-cloudtraild-trail-kvrwohmiai")}}, {}, {},
        {"stratus-red-team-cloudtraild-trail-kvrwohmiai"}},
    {"iamAttachUserPolicyStratus", "iam.amazonaws.com", "AttachUserPolicy",
        {{"policyArn", str("arn:aws:iam::aws:policy/AdministratorAccess")}, {"userName", str("malicious-iam-user")}},
        {}, {}, {"malicious-iam-user", "arn:aws:iam::aws:policy/AdministratorAccess"}},
    {"iamCreateUserStratus", "iam.amazonaws.com", "CreateUser",
        {{"tags.0.key", str("StratusRedTeam")}, {"tags.0.value", str("true")}, {"userName", str("malicious-iam-user")}},
        {{"user.arn", str("arn:aws:iam::229654561268:user/malicious-iam-user")},
            {"user.userId", str("AIDAL1XMLVWIUOK8KAF0")}, {"user.userName", str("malicious-iam-user")}},
        {}, {"arn:aws:iam::229654561268:user/malicious-iam-user", "malicious-iam-user"}}, // a create: response first
    {"iamDeleteRole", "iam.amazonaws.com", "DeleteRole", {{"roleName", str("app")}}, {}, {}, {"app"}},
    {"sesDeleteIdentity", "ses.amazonaws.com", "DeleteIdentity", {{"identity", str("datatalks.club")}}, {}, {},
        {"datatalks.club"}},
    // Creates: what they made is in the response and comes first; the request names the parent.
    {"ec2AllocateAddress", "ec2.amazonaws.com", "AllocateAddress", {{"domain", str("vpc")}},
        {{"allocationId", str("eipalloc-1")}, {"publicIp", str("203.0.113.9")}}, {}, {"eipalloc-1", "203.0.113.9"}},
    {"ec2CreateInternetGateway", "ec2.amazonaws.com", "CreateInternetGateway", {},
        {{"internetGateway.internetGatewayId", str("igw-1")}}, {}, {"igw-1"}},
    {"ec2CreateRouteTable", "ec2.amazonaws.com", "CreateRouteTable", {{"vpcId", str("vpc-1")}},
        {{"routeTable.routeTableId", str("rtb-1")}, {"routeTable.vpcId", str("vpc-1")}}, {}, {"rtb-1", "vpc-1"}},
    {"ec2CreateNatGateway", "ec2.amazonaws.com", "CreateNatGateway",
        {{"subnetId", str("subnet-1")}, {"allocationId", str("eipalloc-1")}},
        {{"natGateway.natGatewayId", str("nat-1")}}, {}, {"nat-1", "subnet-1", "eipalloc-1"}},
    {"ec2AssociateRouteTable", "ec2.amazonaws.com", "AssociateRouteTable",
        {{"routeTableId", str("rtb-1")}, {"subnetId", str("subnet-1")}}, {{"associationId", str("rtbassoc-1")}}, {},
        {"rtb-1", "subnet-1", "rtbassoc-1"}},
    {"ec2DisassociateRouteTable", "ec2.amazonaws.com", "DisassociateRouteTable", {{"associationId", str("rtbassoc-1")}},
        {}, {}, {"rtbassoc-1"}},
    {"s3DeleteBucketPanther", "s3.amazonaws.com", "DeleteBucket",
        {{"host.0", str("s3-us-east-2.amazonaws.com")}, {"bucketName", str("secrets")}}, {}, {}, {"secrets"}},
    // Panther aws_kms_cmk_loss: the response's keyId is the ARN, which resources[] repeats.
    {"kmsScheduleKeyDeletionPanther", "kms.amazonaws.com", "ScheduleKeyDeletion",
        {{"keyId", str("1")}, {"pendingWindowInDays", num("30")}, {"overridePendingWindowCheck", flag(false)}},
        {{"keyId", str("arn:aws:kms:us-west-2:123456789012:key/1")}, {"deletionDate", str("Jan 1, 2019 12:00:00 AM")}},
        {"arn:aws:kms:us-west-2:123456789012:key/1"}, {"1", "arn:aws:kms:us-west-2:123456789012:key/1"}},
    {"elbDeleteLoadBalancer", "elasticloadbalancing.amazonaws.com", "DeleteLoadBalancer",
        {{"loadBalancerArn", str("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/50dc6c495c0c9188")}},
        {}, {}, {"arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/50dc6c495c0c9188"}},
    {"elbDeregisterTargets", "elasticloadbalancing.amazonaws.com", "DeregisterTargets",
        {{"targetGroupArn", str("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tg/1")},
            {"targets.0.id", str("i-1")}, {"targets.0.port", num("80")}},
        {}, {}, {"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tg/1", "i-1"}},
    {"ecsDeleteService", "ecs.amazonaws.com", "DeleteService",
        {{"cluster", str("prod")}, {"service", str("web")}, {"force", flag(true)}}, {}, {}, {"web", "prod"}},
    {"route53RecordId", "route53.amazonaws.com", "ChangeResourceRecordSets",
        {{"hostedZoneId", str("Z1")}, {"changeBatch.changes.0.action", str("DELETE")},
            {"changeBatch.changes.0.resourceRecordSet.name", str("www.example.com.")},
            {"changeBatch.changes.0.resourceRecordSet.type", str("A")}},
        {}, {}, {"Z1_www.example.com_A", "Z1"}},
    {"dynamodbDeleteTable", "dynamodb.amazonaws.com", "DeleteTable", {{"tableName", str("orders")}},
        {{"tableDescription.tableArn", str("arn:aws:dynamodb:us-east-1:1:table/orders")},
            {"tableDescription.tableStatus", str("DELETING")}},
        {}, {"orders", "arn:aws:dynamodb:us-east-1:1:table/orders"}},
    {"dynamodbDeleteBackup", "dynamodb.amazonaws.com", "DeleteBackup",
        {{"backupArn", str("arn:aws:dynamodb:us-east-1:1:table/orders/backup/01")}}, {}, {},
        {"arn:aws:dynamodb:us-east-1:1:table/orders/backup/01"}},
    {"backupDeleteRecoveryPoint", "backup.amazonaws.com", "DeleteRecoveryPoint",
        {{"backupVaultName", str("prod-vault")}, {"recoveryPointArn", str("arn:aws:ec2:us-east-1::snapshot/snap-1")}},
        {}, {}, {"prod-vault", "arn:aws:ec2:us-east-1::snapshot/snap-1"}},
    {"secretsDeleteSecret", "secretsmanager.amazonaws.com", "DeleteSecret",
        {{"secretId", str("prod/db")}, {"recoveryWindowInDays", num("7")}}, {}, {}, {"prod/db"}},
    {"efsDeleteFileSystem", "elasticfilesystem.amazonaws.com", "DeleteFileSystem", {{"fileSystemId", str("fs-1")}}, {},
        {}, {"fs-1"}},
    {"elasticacheDeleteReplicationGroup", "elasticache.amazonaws.com", "DeleteReplicationGroup",
        {{"replicationGroupId", str("redis")}, {"retainPrimaryCluster", flag(false)},
            {"finalSnapshotIdentifier", str("redis-final")}},
        {}, {}, {"redis", "redis-final"}},
    {"ecrDeleteRepository", "ecr.amazonaws.com", "DeleteRepository",
        {{"repositoryName", str("app")}, {"force", flag(true)}}, {}, {}, {"app"}},
    {"logsDeleteLogGroup", "logs.amazonaws.com", "DeleteLogGroup", {{"logGroupName", str("/aws/lambda/f")}}, {}, {},
        {"/aws/lambda/f"}},
    // Generic fallback: identifier-like members only; tokens, accounts, sessions and prose are left out.
    {"genericUnknownService", "eks.amazonaws.com", "DeleteNodegroup",
        {{"clusterName", str("prod")}, {"nodegroupName", str("workers")}, {"clientRequestToken", str("abc")},
            {"accountId", str("123456789012")}, {"requestId", str("r-1")}, {"force", flag(true)},
            {"displayName", str("two words")}},
        {}, {"arn:aws:eks:us-east-1:1:nodegroup/prod/workers/1"},
        {"prod", "workers", "arn:aws:eks:us-east-1:1:nodegroup/prod/workers/1"}},
    {"genericUnknownEc2Wrapper", "ec2.amazonaws.com", "DeleteTransitGateway",
        {{"DeleteTransitGatewayRequest.TransitGatewayId.content", str("tgw-1")},
            {"DeleteTransitGatewayRequest.TransitGatewayId.tag", num("1")}},
        {}, {}, {"tgw-1"}},
    {"genericStratusAssumeRole", "sts.amazonaws.com", "AssumeRole",
        {{"durationSeconds", num("900")},
            {"roleArn", str("arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd")},
            {"roleSessionName", str("aws-go-sdk-1722511821294449000")}},
        {{"assumedRoleUser.arn",
            str("arn:aws:sts::900138736586:assumed-role/stratus-red-team-ec2lui-role-idtzskbvtd/aws-go-sdk-1")}},
        {"arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd"},
        {"arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd"}},
    {"nullParametersLeaveResources", "rds.amazonaws.com", "DeleteDBInstance", {}, {},
        {"arn:aws:rds:us-east-1:1:db:a", "arn:aws:rds:us-east-1:1:db:a"}, {"arn:aws:rds:us-east-1:1:db:a"}},
};

class EventRulesIdentifiers : public testing::TestWithParam<IdentifierCase>
{ };

TEST_P(EventRulesIdentifiers, namesTheResources)
{
    const IdentifierCase& c = GetParam();
    const Attributes request = attributes(c.request);
    const Attributes response = attributes(c.response);
    const EventFacts facts {c.eventSource, c.eventName, false, c.request.empty() ? nullptr : &request,
        c.response.empty() ? nullptr : &response, c.resourceArns};
    EXPECT_EQ(EventRules::identifiers(facts), c.expected);
}

INSTANTIATE_TEST_SUITE_P(EventRules, EventRulesIdentifiers, testing::ValuesIn(kIdentifierCases),
    [](const auto& row) { return std::string(row.param.label); });

TEST(EventRules, createdIdentifierCountIsTheResponsesShareOfACreate)
{
    Attributes request;
    request.assign({{"vpcId", AttributeValue::string("vpc-1")}});
    Attributes response;
    response.assign({{"routeTable.routeTableId", AttributeValue::string("rtb-1")}});
    EventFacts facts {"ec2.amazonaws.com", "CreateRouteTable", false, &request, &response, {}};
    EXPECT_EQ(EventRules::identifiers(facts), (std::vector<std::string> {"rtb-1", "vpc-1"}));
    EXPECT_EQ(EventRules::createdIdentifierCount(facts), 1U);
    facts.eventName = "DeleteRouteTable";
    EXPECT_EQ(EventRules::createdIdentifierCount(facts), 0U); // not a create
    Attributes empty;
    EventFacts silent {"ec2.amazonaws.com", "CreateVpc", false, &request, &empty, {}};
    EXPECT_EQ(EventRules::createdIdentifierCount(silent), 0U); // the response names nothing: no distinction
}

} // namespace
