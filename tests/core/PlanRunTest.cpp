// SPDX-License-Identifier: MIT
// WhatIfEngine::runPlan and the gate on plans written here: which changes delete data, in which order,
// and which fail the gate at each threshold.
#include "GraphBuilder.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Gate.h"
#include "blastline/core/WhatIfEngine.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;

DeletionCatalogue planCatalogue()
{
    DeletionCatalogue catalogue;
    CatalogueEntry db;
    db.type = "aws_db_instance";
    db.description = "RDS DB instance";
    db.dataStore = true;
    db.defaults = {{"skip_final_snapshot", AttributeValue::boolean(false)},
        {"final_snapshot_identifier", AttributeValue::null()}, {"backup_retention_period", AttributeValue::number("0")},
        {"delete_automated_backups", AttributeValue::boolean(true)}};
    db.failures = {
        {"final-snapshot-identifier-missing", "skip_final_snapshot == false && final_snapshot_identifier == null",
            "final_snapshot_identifier is required when skip_final_snapshot is false", "test"}};
    db.recoveryPoints = {{"final-snapshot", "final-snapshot", CatalogueRecoveryPoint::Effect::Created,
        "skip_final_snapshot == false && final_snapshot_identifier != null", "", "${final_snapshot_identifier}",
        "a final snapshot is taken", "test"}};
    catalogue.add(db);
    return catalogue;
}

ResourceChange change(const std::string& address, PlanAction action, std::string reason = {})
{
    ResourceChange result;
    result.address = *ResourceAddress::parse(address);
    result.addressText = address;
    result.action = action;
    result.actionReason = std::move(reason);
    return result;
}

struct PlanScenario
{
    DeletionCatalogue catalogue = planCatalogue();
    CatalogueRules rules {catalogue};
    TerraformPlan plan;
    TerraformState state;
    explicit PlanScenario(bool skipFinalSnapshot)
    {
        state = makeState("aws_db_subnet_group.main; aws_db_instance.prod -> aws_db_subnet_group.main; "
                          "aws_security_group.web");
        setAttribute(state, "aws_db_instance.prod", "skip_final_snapshot", AttributeValue::boolean(skipFinalSnapshot));
        setAttribute(state, "aws_db_instance.prod", "final_snapshot_identifier", AttributeValue::string("prod-final"));
    }
    WhatIfResult run() const
    {
        WhatIfInputs inputs;
        inputs.state = state;
        inputs.asOf = "2026-02-26";
        return WhatIfEngine::runPlan(plan, std::move(inputs), rules, {});
    }
};

const Operation& operation(const WhatIfResult& result, const std::string& address)
{
    for (const auto& op : result.simulation.operations) {
        if (op.address == address)
            return op;
    }
    throw std::runtime_error("no operation " + address);
}

TEST(PlanRun, renamedDatabaseIdentifierReplacesTheDatabaseAndLosesItsData)
{
    PlanScenario scenario(true);
    auto replace = change("aws_db_instance.prod", PlanAction::DeleteThenCreate, "replace_because_cannot_update");
    replace.replacePaths = {"identifier"};
    scenario.plan.resourceChanges = {replace, change("aws_security_group.web", PlanAction::Update)};
    const auto result = scenario.run();
    EXPECT_EQ(result.analysis.verdict, Verdict::DataLoss);
    const auto& op = operation(result, "aws_db_instance.prod");
    EXPECT_EQ(op.action, "replace");
    EXPECT_EQ(op.replaceOrder, "delete-before-create");
    EXPECT_EQ(op.actionReason, "replace_because_cannot_update");
    EXPECT_EQ(op.replacePaths, std::vector<std::string> {"identifier"});
    EXPECT_EQ(operation(result, "aws_security_group.web").action, "update");
    EXPECT_FALSE(operation(result, "aws_security_group.web").startSeconds.has_value()) << "updates are not simulated";
    EXPECT_TRUE(failsGate(FailOn::DataLoss, result.analysis, result.simulation));
}

TEST(PlanRun, createBeforeDestroyReplacementStillLosesTheData)
{
    PlanScenario scenario(true);
    scenario.plan.resourceChanges = {change("aws_db_instance.prod", PlanAction::CreateThenDelete)};
    const auto result = scenario.run();
    EXPECT_EQ(operation(result, "aws_db_instance.prod").replaceOrder, "create-before-destroy");
    EXPECT_EQ(result.analysis.verdict, Verdict::DataLoss);
}

TEST(PlanRun, aFinalSnapshotMakesTheReplacementRecoverable)
{
    PlanScenario scenario(false);
    scenario.plan.resourceChanges = {change("aws_db_instance.prod", PlanAction::DeleteThenCreate)};
    const auto result = scenario.run();
    EXPECT_EQ(result.analysis.verdict, Verdict::Recoverable);
    EXPECT_FALSE(failsGate(FailOn::DataLoss, result.analysis, result.simulation));
    EXPECT_TRUE(failsGate(FailOn::Recoverable, result.analysis, result.simulation));
}

TEST(PlanRun, forgetAndUpdatesDeleteNothing)
{
    PlanScenario scenario(true);
    scenario.plan.resourceChanges = {change("aws_db_instance.prod", PlanAction::Forget),
        change("aws_security_group.web", PlanAction::Update), change("aws_s3_bucket.new", PlanAction::Create)};
    const auto result = scenario.run();
    EXPECT_EQ(result.analysis.verdict, Verdict::NoDataLoss);
    EXPECT_EQ(operation(result, "aws_db_instance.prod").action, "forget");
    EXPECT_NE(operation(result, "aws_db_instance.prod").reason.find("no longer managed"), std::string::npos);
    for (const FailOn failOn : {FailOn::DataLoss, FailOn::Unknown, FailOn::Recoverable, FailOn::AnyDelete})
        EXPECT_FALSE(failsGate(failOn, result.analysis, result.simulation)) << toString(failOn);
}

TEST(PlanRun, deletesRunInDestroyOrderAndAnyDeleteFailsTheStrictestGate)
{
    PlanScenario scenario(false);
    scenario.plan.resourceChanges = {
        change("aws_db_subnet_group.main", PlanAction::Delete), change("aws_security_group.web", PlanAction::Delete)};
    // The database is not deleted by this plan: the subnet group's delete is simulated alone.
    const auto result = scenario.run();
    EXPECT_EQ(result.simulation.operations.size(), 2U);
    EXPECT_EQ(result.analysis.verdict, Verdict::NoDataLoss);
    EXPECT_TRUE(failsGate(FailOn::AnyDelete, result.analysis, result.simulation));
    EXPECT_FALSE(failsGate(FailOn::DataLoss, result.analysis, result.simulation));
}

TEST(PlanRun, theConfigurationOrdersDeletesTheStateDidNotRecord)
{
    // The state recorded no dependency between the two; the configuration says the role refers to the bucket.
    PlanScenario scenario(false);
    auto extra = makeState("aws_s3_bucket.logs; aws_iam_role.reader");
    scenario.state.instances.insert(scenario.state.instances.end(), extra.instances.begin(), extra.instances.end());
    scenario.plan.resourceChanges = {
        change("aws_s3_bucket.logs", PlanAction::Delete), change("aws_iam_role.reader", PlanAction::Delete)};
    scenario.plan.configurationEdges = {{"aws_iam_role.reader", "aws_s3_bucket.logs", false}};
    const auto result = scenario.run();
    const auto& bucket = operation(result, "aws_s3_bucket.logs");
    const auto& role = operation(result, "aws_iam_role.reader");
    ASSERT_TRUE(bucket.startSeconds && role.endSeconds);
    EXPECT_GE(*bucket.startSeconds, *role.endSeconds) << "the bucket goes after what refers to it";
    const auto edges = result.graph->edges();
    EXPECT_TRUE(std::any_of(
        edges.begin(), edges.end(), [](const Edge& e) { return e.provenance == "configuration reference"; }));
}

TEST(Gate, thresholdsHaveTheirNames)
{
    EXPECT_EQ(parseFailOn("any-delete"), FailOn::AnyDelete);
    EXPECT_EQ(parseFailOn("recoverable"), FailOn::Recoverable);
    EXPECT_FALSE(parseFailOn("everything").has_value());
    EXPECT_STREQ(toString(FailOn::DataLoss), "data-loss");
}

} // namespace
