// SPDX-License-Identifier: MIT
// The built-in catalogue's rules, one row each: an instance as a state holds it, what its delete does,
// and the documentation the rule follows (which must be the source the catalogue cites for it).
#include "blastline/core/CatalogueRules.h"
#include "blastline/importers/CatalogueReader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace {

using namespace blastline;
using core::AttributeValue;

struct BehaviourRow
{
    std::string name;
    std::string type;
    std::vector<std::pair<std::string, AttributeValue>> attributes;
    std::map<std::string, AttributeValue> facts;
    std::string failure; // "<type>.<id>" of the decisive failure, "" when the delete goes through
    bool failureCertain; // false: possible only (an unknown fact)
    std::vector<std::string> recoveryPoints; // "<kind>:<created|deleted|survives>[:<days>]", in catalogue order
    std::string documentation; // must appear in the source of the decisive rule
};

// gtest prints a failing row by its name, not as bytes.
[[maybe_unused]] void PrintTo(const BehaviourRow& row, std::ostream* out)
{
    *out << row.name;
}

core::ResourceInstance makeInstance(const BehaviourRow& row)
{
    core::ResourceInstance instance;
    instance.address = *core::ResourceAddress::parse(row.type + ".under_test");
    instance.addressText = instance.address.toString();
    for (const auto& [path, value] : row.attributes)
        instance.attributes.set(path, value);
    instance.attributes.finalize();
    return instance;
}

class CatalogueBehaviour : public testing::TestWithParam<BehaviourRow>
{
protected:
    static const core::CatalogueRules& rules()
    {
        static const core::CatalogueRules compiled(importers::CatalogueReader::builtin());
        return compiled;
    }
};

TEST_P(CatalogueBehaviour, deleteBehavesAsDocumented)
{
    const BehaviourRow& row = GetParam();
    const auto instance = makeInstance(row);
    const auto failure = rules().deleteFailure(instance, &row.facts);
    std::string sources;
    if (row.failure.empty()) {
        EXPECT_FALSE(failure.has_value()) << row.name << ": " << failure->errorText;
    } else {
        ASSERT_TRUE(failure.has_value()) << row.name;
        EXPECT_EQ(failure->rule, row.failure) << row.name;
        EXPECT_EQ(failure->isCertain(), row.failureCertain) << row.name;
        EXPECT_EQ(failure->errorText.find("${"), std::string::npos) << "unfilled placeholder: " << failure->errorText;
        sources += failure->source + " ";
    }
    std::vector<std::string> points;
    for (const auto& outcome : rules().recoveryPointsOnDelete(instance, &row.facts)) {
        std::string text = outcome.kind + ":" + core::toString(outcome.effect);
        if (outcome.retentionDays)
            text.append(":").append(std::to_string(static_cast<int>(*outcome.retentionDays)));
        points.push_back(text);
        sources += outcome.source + " ";
    }
    EXPECT_EQ(points, row.recoveryPoints) << row.name;
    EXPECT_NE(sources.find(row.documentation), std::string::npos)
        << row.name << ": the decisive rules cite " << sources << ", not " << row.documentation;
}

const auto yes = AttributeValue::boolean(true);
const auto no = AttributeValue::boolean(false);
AttributeValue text(const char* value)
{
    return AttributeValue::string(value);
}
AttributeValue number(const char* value)
{
    return AttributeValue::number(value);
}

INSTANTIATE_TEST_SUITE_P(Builtin, CatalogueBehaviour,
    testing::Values(BehaviourRow {"protectedDbInstance", "aws_db_instance",
                        {{"deletion_protection", yes}, {"skip_final_snapshot", yes}}, {},
                        "aws_db_instance.deletion-protection", true, {}, "API_DeleteDBInstance.html"},
        BehaviourRow {"dbInstanceWithoutFinalSnapshotName", "aws_db_instance",
            {{"skip_final_snapshot", no}, {"final_snapshot_identifier", AttributeValue::null()}}, {},
            "aws_db_instance.final-snapshot-identifier-missing", true, {}, "service/rds/instance.go"},
        BehaviourRow {"dbInstanceFinalSnapshotAndDefaultBackups", "aws_db_instance",
            {{"skip_final_snapshot", no}, {"final_snapshot_identifier", text("db-final")},
                {"backup_retention_period", number("7")}},
            {}, "", true, {"final-snapshot:created", "automated-backups:deleted:7"}, "API_DeleteDBInstance.html"},
        BehaviourRow {"dbInstanceRetainedBackups", "aws_db_instance",
            {{"skip_final_snapshot", yes}, {"backup_retention_period", number("7")}, {"delete_automated_backups", no}},
            {}, "", true, {"automated-backups:survives:7"}, "USER_WorkingWithAutomatedBackups.Retaining.html"},
        BehaviourRow {"auroraClusterWithDefaults", "aws_rds_cluster", {{"skip_final_snapshot", yes}}, {}, "", true,
            {"automated-backups:deleted:1"}, "API_DeleteDBCluster.html"},
        BehaviourRow {"protectedAuroraCluster", "aws_rds_cluster",
            {{"deletion_protection", yes}, {"skip_final_snapshot", yes}}, {}, "aws_rds_cluster.deletion-protection",
            true, {"automated-backups:deleted:1"}, "aurora-serverless.delete.html"},
        BehaviourRow {"bucketWithObjects", "aws_s3_bucket", {{"force_destroy", no}}, {{"bucket_empty", no}},
            "aws_s3_bucket.bucket-not-empty", true, {}, "ErrorResponses.html"},
        BehaviourRow {"bucketOfUnknownContent", "aws_s3_bucket", {{"force_destroy", no}}, {},
            "aws_s3_bucket.bucket-not-empty", false, {}, "ErrorResponses.html"},
        BehaviourRow {"forceDestroyedBucket", "aws_s3_bucket", {{"force_destroy", yes}}, {{"bucket_empty", no}}, "",
            true, {}, ""},
        BehaviourRow {"dynamoTableWithPitr", "aws_dynamodb_table", {{"point_in_time_recovery.0.enabled", yes}}, {}, "",
            true, {"system-backup:created:35"}, "pointintimerecovery_beforeyoubegin.html"},
        BehaviourRow {"protectedDynamoTable", "aws_dynamodb_table", {{"deletion_protection_enabled", yes}}, {},
            "aws_dynamodb_table.deletion-protection", true, {}, ""},
        BehaviourRow {"protectedInstanceOldProvider", "aws_instance", {{"disable_api_termination", yes}},
            {{"aws_provider_version", text("4.15.0")}}, "aws_instance.termination-protection", true,
            {"root-volume:deleted"}, "issues/19275"},
        BehaviourRow {"protectedInstanceNewProvider", "aws_instance", {{"disable_api_termination", yes}},
            {{"aws_provider_version", text("5.31.0")}, {"via_terraform", yes}}, "", true, {"root-volume:deleted"},
            "resources/instance"},
        // A console or CLI call meets the protection itself: no provider lifts it first.
        BehaviourRow {"protectedInstanceOutsideTerraform", "aws_instance", {{"disable_api_termination", yes}},
            {{"aws_provider_version", text("5.31.0")}, {"via_terraform", no}}, "aws_instance.termination-protection",
            true, {"root-volume:deleted"}, "issues/19275"},
        BehaviourRow {"protectedInstanceUnknownProvider", "aws_instance", {{"disable_api_termination", yes}}, {},
            "aws_instance.termination-protection", false, {"root-volume:deleted"}, "issues/19275"},
        BehaviourRow {"instanceKeepingItsRootVolume", "aws_instance",
            {{"root_block_device.0.delete_on_termination", no}}, {{"aws_provider_version", text("5.31.0")}}, "", true,
            {"detached-volume:survives"}, "resources/instance"},
        BehaviourRow {"ebsVolumeFinalSnapshot", "aws_ebs_volume", {{"final_snapshot", yes}}, {}, "", true,
            {"final-snapshot:created"}, "resources/ebs_volume"},
        BehaviourRow {"protectedLoadBalancer", "aws_lb",
            {{"enable_deletion_protection", yes},
                {"arn", text("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1")}},
            {}, "aws_lb.deletion-protection", true, {}, "resources/lb"},
        BehaviourRow {"protectedAlbByItsOldName", "aws_alb", {{"enable_deletion_protection", yes}}, {},
            "aws_lb.deletion-protection", true, {}, "resources/lb"},
        BehaviourRow {"vaultWithRecoveryPoints", "aws_backup_vault", {{"force_destroy", no}}, {{"vault_empty", no}},
            "aws_backup_vault.vault-not-empty", true, {}, "aws-cdk/issues/33711"},
        BehaviourRow {"kmsKeyWindow", "aws_kms_key", {}, {}, "", true, {"recovery-window:survives:30"},
            "API_ScheduleKeyDeletion.html"},
        BehaviourRow {"secretWithWindow", "aws_secretsmanager_secret", {{"recovery_window_in_days", number("7")}}, {},
            "", true, {"recovery-window:survives:7"}, "API_DeleteSecret.html"},
        BehaviourRow {"secretForcedDeleted", "aws_secretsmanager_secret", {{"recovery_window_in_days", number("0")}},
            {}, "", true, {}, ""},
        BehaviourRow {"ecrRepositoryWithoutForceDelete", "aws_ecr_repository", {{"force_delete", no}}, {},
            "aws_ecr_repository.repository-not-empty", true, {}, "issues/33523"},
        BehaviourRow {"logGroupKeptBySkipDestroy", "aws_cloudwatch_log_group", {{"skip_destroy", yes}}, {}, "", true,
            {"retained-resource:survives"}, "resources/cloudwatch_log_group"},
        BehaviourRow {"redshiftWithoutFinalSnapshotName", "aws_redshift_cluster", {{"skip_final_snapshot", no}}, {},
            "aws_redshift_cluster.final-snapshot-identifier-missing", true, {"automated-backups:deleted:1"},
            "redshift/cluster.go"},
        BehaviourRow {"docdbWithDefaults", "aws_docdb_cluster", {{"skip_final_snapshot", yes}}, {}, "", true,
            {"automated-backups:deleted:1"}, "documentdb"}),
    [](const testing::TestParamInfo<BehaviourRow>& row) { return row.param.name; });

} // namespace
