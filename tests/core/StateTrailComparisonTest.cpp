// SPDX-License-Identifier: MIT
#include "blastline/core/StateTrailComparison.h"

#include "GraphBuilder.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;
using Disagreement = StateDisagreement::Kind;
using Relation = StateLineageRelation::Kind;
using Holder = TrailCorrelator::Holder;

namespace {

/** One CloudTrail call, with defaults for what a test does not care about: a person's successful delete. */
struct Call
{
    EventClass eventClass = EventClass::Delete;
    std::string_view eventSource = "ec2.amazonaws.com";
    std::string_view eventName = "TerminateInstances";
    std::vector<std::string_view> identifiers = {};
    std::string_view errorCode {};
    std::string_view principalType = "IAMUser";
    std::string_view eventType = "AwsApiCall";
};

/** A state holding one instance, one bucket with a sub-resource, and one database. */
TerraformState projectState()
{
    TerraformState state = makeState("aws_instance.app; aws_s3_bucket.logs; aws_s3_bucket_versioning.logs; "
                                     "aws_db_instance.orders");
    setAttribute(state, "aws_instance.app", "id", AttributeValue::string("i-0aaa"));
    setAttribute(state, "aws_s3_bucket.logs", "bucket", AttributeValue::string("logs-bucket"));
    setAttribute(state, "aws_s3_bucket_versioning.logs", "bucket", AttributeValue::string("logs-bucket"));
    setAttribute(state, "aws_db_instance.orders", "identifier", AttributeValue::string("orders"));
    return state;
}

class StateTrailComparisonCompute : public ::testing::Test
{
protected:
    void add(const Call& call)
    {
        TrailEvent event;
        event.timeMs = static_cast<std::int64_t>(m_trail.events().size()) * 1000; // in the order added
        event.eventClass = call.eventClass;
        event.eventSource = m_trail.intern(call.eventSource);
        event.eventName = m_trail.intern(call.eventName);
        event.errorCode = m_trail.intern(call.errorCode);
        event.principalType = m_trail.intern(call.principalType);
        event.eventType = m_trail.intern(call.eventType);
        for (std::string_view identifier : call.identifiers)
            event.identifiers.push_back(m_trail.intern(identifier));
        m_trail.addEvent(std::move(event));
    }

    /** "kind@event" per disagreement, so that a whole comparison is one assertion. */
    std::vector<std::string> disagreements() const
    {
        std::vector<std::string> out;
        for (const StateDisagreement& disagreement : compare().disagreements)
            out.push_back(std::string(toString(disagreement.kind)) + "@" + std::to_string(disagreement.event));
        return out;
    }

    StateTrailComparison compare() const { return StateTrailComparison::compute(m_trail, m_correlator); }

    TerraformState m_state = projectState();
    TrailCorrelator m_correlator {{&m_state}};
    Trail m_trail;
};

TEST_F(StateTrailComparisonCompute, createOfSomethingNoStateHoldsIsReported)
{
    add({.eventClass = EventClass::Create, .eventName = "RunInstances", .identifiers = {"i-0new"}});
    add({.eventClass = EventClass::Create, .eventName = "AllocateAddress", .identifiers = {"eipalloc-0123"}});
    add({.eventClass = EventClass::Create,
        .eventSource = "rds.amazonaws.com",
        .eventName = "CreateDBSnapshot",
        .identifiers = {"orders-manual", "orders"}}); // names the database without creating it
    EXPECT_EQ(disagreements(),
        (std::vector<std::string> {"created-not-in-state@0", "created-not-in-state@1", "created-not-in-state@2"}));
    EXPECT_TRUE(compare().disagreements[0].holders.empty());
}

TEST_F(StateTrailComparisonCompute, createOfAStateInstanceAgrees)
{
    add({.eventClass = EventClass::Create, .eventName = "RunInstances", .identifiers = {"i-0aaa"}});
    add({.eventClass = EventClass::Create,
        .eventSource = "s3.amazonaws.com",
        .eventName = "CreateBucket",
        .identifiers = {"logs-bucket"}});
    EXPECT_TRUE(disagreements().empty());
}

TEST_F(StateTrailComparisonCompute, createsThatMakeNoStateResourceAreIgnored)
{
    const std::string_view sideEffects[] = {"CreateTags", "CreateGrant", "CreateLogStream", "CreateServiceLinkedRole",
        "CreateNetworkInterface", "CreateSession", "CreateToken"};
    for (std::string_view name : sideEffects)
        add({.eventClass = EventClass::Create, .eventName = name, .identifiers = {"i-0new"}});
    add({.eventClass = EventClass::Create,
        .eventSource = "s3.amazonaws.com",
        .eventName = "PutBucketPolicy",
        .identifiers = {"other-bucket"}});
    add({.eventClass = EventClass::Create, .eventName = "RegisterImage", .identifiers = {"ami-0new"}});
    EXPECT_TRUE(disagreements().empty());
}

TEST_F(StateTrailComparisonCompute, createsByServicesFailedOrUnnamedAreIgnored)
{
    add({.eventClass = EventClass::Create,
        .eventName = "RunInstances",
        .identifiers = {"i-0new"},
        .principalType = "AWSService"});
    add({.eventClass = EventClass::Create,
        .eventName = "RunInstances",
        .identifiers = {"i-0new"},
        .eventType = "AwsServiceEvent"});
    add({.eventClass = EventClass::Create,
        .eventName = "RunInstances",
        .identifiers = {"i-0new"},
        .errorCode = "UnauthorizedOperation"});
    add({.eventClass = EventClass::Create, .eventName = "RunInstances"});
    EXPECT_TRUE(disagreements().empty());
}

TEST_F(StateTrailComparisonCompute, deleteOfAStateInstanceKeepsOnlyTheInstancesItDeleted)
{
    add({.identifiers = {"i-0aaa"}});
    add({.eventSource = "s3.amazonaws.com", .eventName = "DeleteBucket", .identifiers = {"logs-bucket"}});
    const StateTrailComparison comparison = compare();
    ASSERT_EQ(comparison.disagreements.size(), 2U);
    EXPECT_EQ(comparison.disagreements[0].kind, Disagreement::DeletedStillInState);
    EXPECT_EQ(comparison.disagreements[0].event, 0U);
    EXPECT_EQ(comparison.disagreements[0].holders, (std::vector<Holder> {{0, 0, true}}));
    EXPECT_EQ(comparison.disagreements[1].kind, Disagreement::DeletedStillInState);
    EXPECT_EQ(comparison.disagreements[1].event, 1U);
    // The versioning resource names the bucket too, but the call deleted the bucket only.
    EXPECT_EQ(comparison.disagreements[1].holders, (std::vector<Holder> {{0, 1, true}}));
}

TEST_F(StateTrailComparisonCompute, deleteOfAStateInstanceByAServiceIsStillReported)
{
    add({.identifiers = {"i-0aaa"}, .principalType = "AWSService"});
    EXPECT_EQ(disagreements(), (std::vector<std::string> {"deleted-still-in-state@0"}));
}

TEST_F(StateTrailComparisonCompute, deleteOfSomethingNoStateHoldsIsReported)
{
    add({.identifiers = {"i-0gone"}});
    // Naming a state instance without deleting it does not make it the state's.
    add({.eventSource = "rds.amazonaws.com", .eventName = "DeleteDBSubnetGroup", .identifiers = {"orders"}});
    const StateTrailComparison comparison = compare();
    EXPECT_EQ(disagreements(), (std::vector<std::string> {"deleted-not-in-any-state@0", "deleted-not-in-any-state@1"}));
    EXPECT_TRUE(comparison.disagreements[1].holders.empty());
}

TEST_F(StateTrailComparisonCompute, deletesByServicesFailedUnnamedOrOfBackupsAreIgnored)
{
    add({.identifiers = {"i-0gone"}, .principalType = "AWSService"});
    add({.identifiers = {"i-0aaa"}, .errorCode = "UnauthorizedOperation"});
    add({.identifiers = {"i-0gone"}, .errorCode = "InvalidInstanceID.NotFound"});
    add({});
    add({.eventClass = EventClass::BackupDestroying, .eventName = "DeleteSnapshot", .identifiers = {"snap-0123"}});
    add({.eventClass = EventClass::Modify, .eventName = "StopInstances", .identifiers = {"i-0gone"}});
    EXPECT_TRUE(disagreements().empty());
}

TEST_F(StateTrailComparisonCompute, disagreementsFollowEventOrder)
{
    add({.identifiers = {"i-0gone"}});
    add({.eventClass = EventClass::Create, .eventName = "RunInstances", .identifiers = {"i-0new"}});
    add({.identifiers = {"i-0aaa"}});
    EXPECT_EQ(disagreements(),
        (std::vector<std::string> {
            "deleted-not-in-any-state@0", "created-not-in-state@1", "deleted-still-in-state@2"}));
}

TEST_F(StateTrailComparisonCompute, oneStateHasNoLineagePairs)
{
    EXPECT_TRUE(compare().lineage.empty());
}

TerraformState stateWith(std::string lineage, std::uint64_t serial)
{
    TerraformState state = makeState("aws_vpc.main");
    state.lineage = std::move(lineage);
    state.serial = serial;
    return state;
}

/** "kind first second" per pair. */
std::vector<std::string> relations(const StateTrailComparison& comparison)
{
    std::vector<std::string> out;
    for (const StateLineageRelation& relation : comparison.lineage)
        out.push_back(std::string(toString(relation.kind)) + " " + std::to_string(relation.first) + " "
            + std::to_string(relation.second));
    return out;
}

TEST(StateLineage, sameLineageIsASnapshotOrAnOlderCopy)
{
    const TerraformState current = stateWith("6a3f0c1e-aaaa", 42);
    const TerraformState backup = stateWith("6a3f0c1e-aaaa", 41);
    const TerraformState copy = stateWith("6a3f0c1e-aaaa", 42);
    const TrailCorrelator correlator({&current, &backup, &copy});
    const Trail trail;
    EXPECT_EQ(relations(StateTrailComparison::compute(trail, correlator)),
        (std::vector<std::string> {"older-copy 1 0", "same-snapshot 0 2", "older-copy 1 2"}));
}

TEST(StateLineage, otherLineageIsAnotherProjectAndMissingLineageIsUnknown)
{
    const TerraformState mine = stateWith("6a3f0c1e-aaaa", 42);
    const TerraformState theirs = stateWith("9b2e7d4f-bbbb", 42);
    const TerraformState shown = stateWith("", 0); // terraform show -json has no lineage
    const TrailCorrelator correlator({&mine, &theirs, &shown});
    const Trail trail;
    EXPECT_EQ(relations(StateTrailComparison::compute(trail, correlator)),
        (std::vector<std::string> {"different-project 0 1", "unknown 0 2", "unknown 1 2"}));
}

TEST(StateLineage, kindsHaveStableNames)
{
    EXPECT_STREQ(toString(Relation::SameSnapshot), "same-snapshot");
    EXPECT_STREQ(toString(Relation::OlderCopy), "older-copy");
    EXPECT_STREQ(toString(Relation::DifferentProject), "different-project");
    EXPECT_STREQ(toString(Relation::Unknown), "unknown");
    EXPECT_STREQ(toString(Disagreement::CreatedNotInState), "created-not-in-state");
    EXPECT_STREQ(toString(Disagreement::DeletedStillInState), "deleted-still-in-state");
    EXPECT_STREQ(toString(Disagreement::DeletedNotInAnyState), "deleted-not-in-any-state");
}

} // namespace
