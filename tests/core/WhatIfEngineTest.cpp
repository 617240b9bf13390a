// SPDX-License-Identifier: MIT
// Whole runs of the what-if engine on small states written here, with a small catalogue written here
// too (the built-in catalogue is data of importers/ and has its own tests): the engine's logic — fates
// of recovery points, verdicts, safeguards as transformations — is what is under test.
#include "blastline/core/WhatIfEngine.h"

#include "GraphBuilder.h"

#include "blastline/core/CatalogueRules.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;

DeletionCatalogue smallCatalogue()
{
    DeletionCatalogue catalogue;
    CatalogueEntry cluster;
    cluster.type = "aws_rds_cluster";
    cluster.description = "Aurora DB cluster";
    cluster.dataStore = true;
    cluster.defaults = {{"deletion_protection", AttributeValue::boolean(false)},
        {"skip_final_snapshot", AttributeValue::boolean(false)}, {"final_snapshot_identifier", AttributeValue::null()},
        {"delete_automated_backups", AttributeValue::boolean(true)},
        {"backup_retention_period", AttributeValue::number("1")}};
    cluster.identityAttributes = {"cluster_identifier"};
    cluster.kmsKeyAttribute = "kms_key_id";
    cluster.failures = {{"deletion-protection", "deletion_protection == true",
                            "InvalidParameterCombination: Cannot delete protected Cluster, please disable deletion "
                            "protection and try again.",
                            "test"},
        {"final-snapshot-identifier", "skip_final_snapshot == false && final_snapshot_identifier == null",
            "RDS Cluster FinalSnapshotIdentifier is required when a final snapshot is required", "test"}};
    cluster.recoveryPoints = {{"final-snapshot", "final-snapshot", CatalogueRecoveryPoint::Effect::Created,
                                  "skip_final_snapshot == false && final_snapshot_identifier != null", "",
                                  "${final_snapshot_identifier}", "a final snapshot is taken", "test"},
        {"automated-backups-deleted", "automated-backups", CatalogueRecoveryPoint::Effect::Deleted,
            "backup_retention_period > 0 && delete_automated_backups == true", "", "", "automated backups are deleted",
            "test"},
        {"automated-backups-retained", "automated-backups", CatalogueRecoveryPoint::Effect::Survives,
            "backup_retention_period > 0 && delete_automated_backups == false", "backup_retention_period", "",
            "automated backups are retained", "test"}};
    cluster.deleteActions = {"rds:DeleteDBCluster"};
    cluster.independentBackup = "AWS Backup";
    cluster.safeguards = {{"deletion-protection", {{"deletion_protection", AttributeValue::boolean(true)}}},
        {"final-snapshot",
            {{"skip_final_snapshot", AttributeValue::boolean(false)},
                {"final_snapshot_identifier", AttributeValue::string("${cluster_identifier}-final")}}},
        {"retain-automated-backups", {{"delete_automated_backups", AttributeValue::boolean(false)}}}};
    catalogue.add(cluster);

    CatalogueEntry bucket;
    bucket.type = "aws_s3_bucket";
    bucket.dataStore = true;
    bucket.holdsDataWhen = "$bucket_empty == false";
    bucket.defaults = {{"force_destroy", AttributeValue::boolean(false)}};
    bucket.identityAttributes = {"bucket"};
    bucket.failures = {{"bucket-not-empty", "force_destroy == false && $bucket_empty == false",
        "BucketNotEmpty: The bucket you tried to delete is not empty", "test"}};
    bucket.deleteActions = {"s3:DeleteBucket"};
    catalogue.add(bucket);

    CatalogueEntry snapshot;
    snapshot.type = "aws_db_cluster_snapshot";
    snapshot.managedRecoveryPoint = CatalogueManagedRecoveryPoint {
        "manual-snapshot", "db_cluster_identifier", "db_cluster_snapshot_identifier", "kms_key_id"};
    catalogue.add(snapshot);

    CatalogueEntry key;
    key.type = "aws_kms_key";
    key.defaults = {{"deletion_window_in_days", AttributeValue::number("30")}};
    catalogue.add(key);
    return catalogue;
}

/** An Aurora cluster as DataTalks.Club had it: skip_final_snapshot, default backups, no protection. */
TerraformState auroraState()
{
    auto state = makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main; "
                           "aws_rds_cluster.main -> aws_subnet.a, aws_vpc.main; "
                           "aws_rds_cluster_instance.main -> aws_rds_cluster.main, aws_subnet.a, aws_vpc.main");
    setAttribute(state, "aws_rds_cluster.main", "cluster_identifier", AttributeValue::string("prod-db"));
    setAttribute(state, "aws_rds_cluster.main", "skip_final_snapshot", AttributeValue::boolean(true));
    setAttribute(state, "aws_rds_cluster.main", "backup_retention_period", AttributeValue::number("7"));
    return state;
}

struct Scenario
{
    DeletionCatalogue catalogue = smallCatalogue();
    CatalogueRules rules {catalogue};
    WhatIfInputs inputs;
    explicit Scenario(TerraformState state)
    {
        inputs.state = std::move(state);
        inputs.asOf = "2026-02-26";
    }
    WhatIfResult operator()(std::vector<Safeguard> safeguards = {}) const
    {
        return WhatIfEngine(inputs, rules).run(safeguards);
    }
};

const DataStoreResult& store(const WhatIfResult& result, const std::string& address)
{
    const auto& stores = result.analysis.dataStores;
    const auto it = std::find_if(stores.begin(), stores.end(), [&](const auto& s) { return s.address == address; });
    if (it == stores.end())
        throw std::runtime_error("no data store " + address);
    return *it;
}

TEST(WhatIfEngine, auroraWithDefaultFlagsIsLostWithItsAutomatedBackups)
{
    const Scenario run(auroraState());
    const auto result = run();
    EXPECT_EQ(result.analysis.verdict, Verdict::DataLoss);
    const auto& cluster = store(result, "aws_rds_cluster.main");
    EXPECT_EQ(cluster.fate, DataFate::Lost);
    ASSERT_EQ(cluster.recoveryPoints.size(), 1U);
    EXPECT_EQ(cluster.recoveryPoints[0].kind, "automated-backups");
    EXPECT_EQ(cluster.recoveryPoints[0].fate, RecoveryPointFate::Deleted);
    EXPECT_NE(cluster.explanation.find("no recovery point survives"), std::string::npos) << cluster.explanation;
}

struct SafeguardRow
{
    Safeguard safeguard;
    DataFate clusterFate;
    Verdict verdict;
};

class AuroraSafeguards : public testing::TestWithParam<SafeguardRow>
{ };

TEST_P(AuroraSafeguards, eachSafeguardChangesTheOutcomeItShould)
{
    const Scenario run(auroraState());
    const auto result = run({GetParam().safeguard});
    EXPECT_EQ(result.analysis.verdict, GetParam().verdict) << toString(GetParam().safeguard);
    EXPECT_EQ(store(result, "aws_rds_cluster.main").fate, GetParam().clusterFate) << toString(GetParam().safeguard);
}

INSTANTIATE_TEST_SUITE_P(Rows, AuroraSafeguards,
    testing::Values(SafeguardRow {Safeguard::DeletionProtection, DataFate::Intact, Verdict::NoDataLoss},
        SafeguardRow {Safeguard::PreventDestroy, DataFate::Intact, Verdict::Aborted},
        SafeguardRow {Safeguard::FinalSnapshot, DataFate::Recoverable, Verdict::Recoverable},
        SafeguardRow {Safeguard::RetainAutomatedBackups, DataFate::Recoverable, Verdict::Recoverable},
        SafeguardRow {Safeguard::IndependentBackups, DataFate::Recoverable, Verdict::Recoverable},
        SafeguardRow {Safeguard::ScpDenyDelete, DataFate::Intact, Verdict::NoDataLoss}));

TEST(WhatIfEngine, protectedClusterFailsAndWhatWaitsOnItIsSkippedWhileOtherBranchesGo)
{
    auto state = auroraState();
    setAttribute(state, "aws_rds_cluster.main", "deletion_protection", AttributeValue::boolean(true));
    auto more = makeState("aws_iam_role.app");
    state.instances.push_back(more.instances.front());
    const Scenario run(std::move(state));
    const auto result = run();
    EXPECT_EQ(result.analysis.verdict, Verdict::NoDataLoss);
    std::map<std::string, OperationOutcome> outcomes;
    for (const auto& op : result.simulation.operations)
        outcomes[op.address] = op.outcome;
    EXPECT_EQ(outcomes["aws_rds_cluster_instance.main"], OperationOutcome::Done);
    EXPECT_EQ(outcomes["aws_rds_cluster.main"], OperationOutcome::Failed);
    EXPECT_EQ(outcomes["aws_subnet.a"], OperationOutcome::Skipped);
    EXPECT_EQ(outcomes["aws_vpc.main"], OperationOutcome::Skipped);
    EXPECT_EQ(outcomes["aws_iam_role.app"], OperationOutcome::Done);
}

TEST(WhatIfEngine, retainedBackupsExpireAfterTheirRetention)
{
    const Scenario run(auroraState());
    const auto result = run({Safeguard::RetainAutomatedBackups});
    const auto& cluster = store(result, "aws_rds_cluster.main");
    ASSERT_EQ(cluster.recoveryPoints.size(), 1U);
    EXPECT_EQ(cluster.recoveryPoints[0].fate, RecoveryPointFate::Expires);
    EXPECT_EQ(cluster.recoveryPoints[0].until, "2026-03-05"); // 7 days after 2026-02-26
    EXPECT_EQ(cluster.deadline, "2026-03-05");
}

TEST(WhatIfEngine, aSnapshotInTheSameStateDiesWithTheDestroy)
{
    auto state = auroraState();
    auto snapshot = makeState("aws_db_cluster_snapshot.nightly -> aws_rds_cluster.main");
    state.instances.push_back(snapshot.instances.front());
    setAttribute(state, "aws_db_cluster_snapshot.nightly", "db_cluster_identifier", AttributeValue::string("prod-db"));
    setAttribute(state, "aws_db_cluster_snapshot.nightly", "db_cluster_snapshot_identifier",
        AttributeValue::string("nightly-1"));
    const Scenario run(std::move(state));
    const auto result = run();
    const auto& cluster = store(result, "aws_rds_cluster.main");
    EXPECT_EQ(cluster.fate, DataFate::Lost);
    const auto manual = std::find_if(cluster.recoveryPoints.begin(), cluster.recoveryPoints.end(),
        [](const auto& p) { return p.kind == "manual-snapshot"; });
    ASSERT_NE(manual, cluster.recoveryPoints.end());
    EXPECT_EQ(manual->id, "nightly-1");
    EXPECT_EQ(manual->fate, RecoveryPointFate::Deleted);
}

TEST(WhatIfEngine, aFinalSnapshotEncryptedWithAKeyTheRunDeletesExpires)
{
    auto state = auroraState();
    auto key = makeState("aws_kms_key.db");
    state.instances.insert(state.instances.begin(), key.instances.front());
    setAttribute(state, "aws_kms_key.db", "key_id", AttributeValue::string("1234abcd"));
    setAttribute(state, "aws_kms_key.db", "deletion_window_in_days", AttributeValue::number("7"));
    setAttribute(state, "aws_rds_cluster.main", "kms_key_id",
        AttributeValue::string("arn:aws:kms:eu-west-1:123456789012:key/1234abcd"));
    const Scenario run(std::move(state));
    const auto result = run({Safeguard::FinalSnapshot});
    const auto& cluster = store(result, "aws_rds_cluster.main");
    EXPECT_EQ(cluster.fate, DataFate::Recoverable);
    const auto final = std::find_if(cluster.recoveryPoints.begin(), cluster.recoveryPoints.end(),
        [](const auto& p) { return p.kind == "final-snapshot"; });
    ASSERT_NE(final, cluster.recoveryPoints.end());
    EXPECT_EQ(final->id, "prod-db-final");
    EXPECT_EQ(final->fate, RecoveryPointFate::Expires);
    EXPECT_EQ(final->until, "2026-03-05");
    // The recovery point is a node of the run's graph, tied to its data store and to its key.
    const auto& graph = *result.graph;
    ASSERT_EQ(graph.recoveryPointCount(), 2U); // the final snapshot, and the automated backups it deletes
    NodeId point {static_cast<std::uint32_t>(graph.nodeCount())};
    if (graph.recoveryPoint(point).kind != "final-snapshot")
        point.value += 1;
    ASSERT_EQ(graph.recoveryPoint(point).kind, "final-snapshot");
    EXPECT_EQ(graph.recoveryPoint(point).fate, "expires");
    EXPECT_EQ(
        graph.dependenciesOf(point, EdgeKind::Protects), std::vector<NodeId> {*graph.find("aws_rds_cluster.main")});
    EXPECT_EQ(graph.dependenciesOf(point, EdgeKind::EncryptedBy), std::vector<NodeId> {*graph.find("aws_kms_key.db")});
}

TEST(WhatIfEngine, inventorySnapshotsOutsideTheStateSurvive)
{

    Scenario run(auroraState());
    RecoveryPoint manual;
    manual.id = "before-migration";
    manual.kind = "manual-snapshot";
    manual.origin = RecoveryPoint::Origin::Inventory;
    manual.protects = "prod-db";
    manual.createdAt = "2026-01-10T03:00:00Z";
    manual.sourceDocument = "snapshots.json";
    run.inputs.inventory.push_back(manual);
    const auto result = run();
    const auto& cluster = store(result, "aws_rds_cluster.main");
    EXPECT_EQ(cluster.fate, DataFate::Recoverable);
    EXPECT_EQ(cluster.newestRecoveryPoint, "2026-01-10T03:00:00Z");
    EXPECT_FALSE(cluster.deadline.has_value());
}

TEST(WhatIfEngine, bucketWithoutForceDestroyLosesNothingWhateverItHolds)
{
    auto state = makeState("aws_s3_bucket.logs");
    setAttribute(state, "aws_s3_bucket.logs", "bucket", AttributeValue::string("logs"));
    const Scenario run(std::move(state));
    const auto result = run();
    EXPECT_EQ(store(result, "aws_s3_bucket.logs").fate, DataFate::Intact);
    EXPECT_EQ(result.analysis.verdict, Verdict::NoDataLoss);
}

TEST(WhatIfEngine, bucketWithForceDestroyIsUnknownUntilItsContentIsKnown)
{
    auto state = makeState("aws_s3_bucket.logs");
    setAttribute(state, "aws_s3_bucket.logs", "force_destroy", AttributeValue::boolean(true));
    Scenario run(std::move(state));
    auto result = run();
    const auto& bucket = store(result, "aws_s3_bucket.logs");
    EXPECT_EQ(bucket.fate, DataFate::Unknown);
    EXPECT_EQ(bucket.unknownFacts, std::vector<std::string> {"bucket_empty"});
    EXPECT_EQ(result.analysis.verdict, Verdict::Unknown);

    run.inputs.facts["bucket_empty"] = AttributeValue::boolean(false);
    EXPECT_EQ(store(run(), "aws_s3_bucket.logs").fate, DataFate::Lost);
}

TEST(WhatIfEngine, independentBackupsAreAssumedOnlyWhereAServiceCanHoldThem)
{
    auto state = auroraState();
    auto bucket = makeState("aws_s3_bucket.logs");
    state.instances.push_back(bucket.instances.front());
    setAttribute(state, "aws_s3_bucket.logs", "force_destroy", AttributeValue::boolean(true));
    Scenario run(std::move(state));
    run.inputs.facts["bucket_empty"] = AttributeValue::boolean(false);
    const auto result = run({Safeguard::IndependentBackups});
    EXPECT_EQ(store(result, "aws_rds_cluster.main").fate, DataFate::Recoverable);
    // The small catalogue names no backup service for buckets: no backup is invented for it.
    EXPECT_EQ(store(result, "aws_s3_bucket.logs").fate, DataFate::Lost);
}

TEST(WhatIfEngine, compareRanksSafeguardsThatKeepTheDataFirst)
{
    const Scenario run(auroraState());
    const auto baseline = run();
    const auto rows = WhatIfEngine(run.inputs, run.rules).compare(baseline);
    ASSERT_EQ(rows.size(), allSafeguards().size());
    // deletion-protection, prevent-destroy and scp-deny-delete keep the cluster; the rest make it recoverable.
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_TRUE(rows[i].verdict == Verdict::NoDataLoss || rows[i].verdict == Verdict::Aborted)
            << toString(rows[i].safeguard);
        EXPECT_EQ(rows[i].saved.size(), 1U) << toString(rows[i].safeguard);
    }
    for (std::size_t i = 3; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].verdict, Verdict::Recoverable) << toString(rows[i].safeguard);
        EXPECT_EQ(rows[i].improved.size(), 1U) << toString(rows[i].safeguard);
    }
}

TEST(WhatIfEngine, configPreventDestroyAbortsAndAMissingBlockIsReported)
{
    Scenario run(auroraState());
    TerraformConfiguration configuration;
    ConfigResource vpc;
    vpc.address = "aws_vpc.main";
    vpc.preventDestroy = true;
    configuration.resources.push_back(vpc);
    run.inputs.configuration = configuration;
    const auto result = run();
    ASSERT_TRUE(result.analysis.aborted.has_value());
    EXPECT_EQ(result.analysis.aborted->address, "aws_vpc.main");
    EXPECT_NE(result.analysis.aborted->message.find("lifecycle.prevent_destroy"), std::string::npos);
    EXPECT_TRUE(result.simulation.operations.empty());
    EXPECT_EQ(result.analysis.verdict, Verdict::Aborted);
    const auto& notes = result.analysis.notes;
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const std::string& n) {
        return n.find("aws_rds_cluster.main is in the state but has no resource block") != std::string::npos;
    }));
}

TEST(WhatIfEngine, removedBlockWithDestroyFalseForgetsInsteadOfDeleting)
{
    Scenario run(auroraState());
    TerraformConfiguration configuration;
    configuration.removedBlocks.push_back({"aws_rds_cluster.main", false, {}});
    run.inputs.configuration = configuration;
    const auto result = run();
    EXPECT_EQ(result.analysis.forgotten, std::vector<std::string> {"aws_rds_cluster.main"});
    for (const auto& op : result.simulation.operations)
        EXPECT_NE(op.address, "aws_rds_cluster.main");
}

} // namespace
