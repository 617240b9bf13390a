// SPDX-License-Identifier: MIT
#include "blastline/core/TrailSummary.h"

#include "GraphBuilder.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;

namespace {

constexpr std::string_view kAlice = "arn:aws:iam::123456789012:user/alice";
constexpr std::string_view kBob = "arn:aws:iam::123456789012:user/bob";
constexpr std::string_view kCarol = "arn:aws:iam::123456789012:user/carol";
constexpr std::string_view kTerraformAgent =
    "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.31.0";
constexpr std::string_view kCliAgent = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws";

/** One CloudTrail call, with defaults for what a test does not care about. */
struct Call
{
    std::int64_t second = 0;
    std::string_view principal = kAlice;
    std::string_view agent = kTerraformAgent;
    EventClass eventClass = EventClass::Delete;
    std::string_view eventSource = "rds.amazonaws.com";
    std::string_view eventName = "DeleteDBInstance";
    std::string_view errorCode {};
    std::vector<std::string_view> identifiers = {};
    std::vector<BackupEffect> backupEffects = {};
};

class TrailSummaryCompute : public ::testing::Test
{
protected:
    void add(const Call& call)
    {
        TrailEvent event;
        event.timeMs = call.second * 1000;
        event.eventClass = call.eventClass;
        event.eventId = m_trail.intern("event-" + std::to_string(m_trail.events().size()));
        event.tool = m_trail.toolFor(call.agent, "", "203.0.113.7");
        event.principal = m_trail.intern(call.principal);
        event.eventSource = m_trail.intern(call.eventSource);
        event.eventName = m_trail.intern(call.eventName);
        event.errorCode = m_trail.intern(call.errorCode);
        for (std::string_view identifier : call.identifiers)
            event.identifiers.push_back(m_trail.intern(identifier));
        event.backupEffects = call.backupEffects;
        m_trail.addEvent(std::move(event));
    }

    TrailSummary summarize(const TrailCorrelator* correlator = nullptr, const BurstPolicy& policy = {})
    {
        m_trail.finish();
        return TrailSummary::compute(m_trail, correlator, policy);
    }

    std::string_view text(StringId id) const { return m_trail.text(id); }

    /** "principal tool destructive/failed" per row, so that a whole table is one assertion. */
    std::vector<std::string> rows(const std::vector<DestructionActor>& actors) const
    {
        std::vector<std::string> out;
        out.reserve(actors.size());
        for (const DestructionActor& actor : actors)
            out.push_back(std::string(text(actor.principal)) + " " + m_trail.tool(actor.tool).name + " "
                + std::to_string(actor.destructive) + "/" + std::to_string(actor.failed));
        return out;
    }

    Trail m_trail;
};

TEST_F(TrailSummaryCompute, emptyTrailHasNothingToSay)
{
    const TrailSummary summary = summarize();
    EXPECT_EQ(summary.events, 0U);
    EXPECT_EQ(summary.destructive, 0U);
    EXPECT_EQ(summary.firstDestructive, std::nullopt);
    EXPECT_TRUE(summary.principals.empty());
    EXPECT_TRUE(summary.tools.empty());
    EXPECT_TRUE(summary.bursts.empty());
    EXPECT_TRUE(summary.failedDestructive.empty());
    EXPECT_TRUE(summary.backupEvents.empty());
}

TEST_F(TrailSummaryCompute, countsDestructiveEventsAndFindsTheFirst)
{
    add({.second = 30, .eventClass = EventClass::Delete});
    add({.second = 10, .eventClass = EventClass::Create, .eventName = "CreateDBInstance"});
    add({.second = 20, .eventClass = EventClass::ProtectionLowering, .eventName = "ModifyDBInstance"});
    add({.second = 15, .eventClass = EventClass::Modify, .eventName = "ModifyDBInstance"});
    add({.second = 40, .eventClass = EventClass::BackupDestroying, .eventName = "DeleteDBSnapshot"});
    const TrailSummary summary = summarize();
    EXPECT_EQ(summary.events, 5U);
    EXPECT_EQ(summary.destructive, 3U);
    EXPECT_EQ(summary.firstDestructive, 2U); // after the sort: create, modify, then the protection lowering
}

TEST_F(TrailSummaryCompute, listsFailedDestructiveAndBackupEventsInTimeOrder)
{
    const BackupEffect snapshotGone {BackupEffect::Kind::Snapshot, BackupEffect::Fate::Deleted, "snap", "rds"};
    add({.second = 1, .errorCode = "InvalidDBInstanceState"});
    add({.second = 2, .eventClass = EventClass::Create, .eventName = "CreateDBInstance", .errorCode = "Denied"});
    add({.second = 3});
    add({.second = 4,
        .eventClass = EventClass::BackupDestroying,
        .eventName = "DeleteDBSnapshot",
        .errorCode = "AccessDenied",
        .backupEffects = {snapshotGone}});
    add({.second = 5,
        .eventClass = EventClass::BackupDestroying,
        .eventName = "DeleteDBSnapshot",
        .backupEffects = {snapshotGone}});
    const TrailSummary summary = summarize();
    ASSERT_EQ(summary.failedDestructive.size(), 2U);
    EXPECT_EQ(summary.failedDestructive[0].event, 0U);
    EXPECT_EQ(summary.failedDestructive[1].event, 3U);
    EXPECT_EQ(summary.backupEvents, (std::vector<std::size_t> {3, 4}));
}

TEST_F(TrailSummaryCompute, aFailedCallRetriedLaterIsLinkedToItsSuccess)
{
    add({.second = 1, .eventName = "DeleteSecurityGroup", .errorCode = "DependencyViolation"});
    add({.second = 2, .eventName = "DeleteSecurityGroup", .errorCode = "DependencyViolation"});
    add({.second = 3, .eventName = "DeleteSubnet", .errorCode = "DependencyViolation"});
    add({.second = 4, .eventName = "DeleteSecurityGroup"});
    const TrailSummary summary = summarize();
    ASSERT_EQ(summary.failedDestructive.size(), 3U);
    EXPECT_EQ(summary.failedDestructive[0].laterSuccess, 3U);
    EXPECT_EQ(summary.failedDestructive[1].laterSuccess, 3U);
    EXPECT_EQ(summary.failedDestructive[2].laterSuccess, std::nullopt); // no DeleteSubnet succeeded
}

TEST_F(TrailSummaryCompute, ranksPrincipalsByDestructionThenName)
{
    // Terraform becomes tool 0, the CLI tool 1.
    add({.second = 1, .principal = kAlice, .agent = kTerraformAgent, .eventClass = EventClass::ProtectionLowering});
    add({.second = 2, .principal = kAlice, .agent = kCliAgent});
    add({.second = 3, .principal = kAlice, .agent = kCliAgent, .errorCode = "AccessDenied"});
    add({.second = 4, .principal = kCarol, .agent = kCliAgent});
    add({.second = 5, .principal = kCarol, .agent = kTerraformAgent});
    add({.second = 6, .principal = kBob, .agent = kCliAgent});
    add({.second = 7, .principal = kBob, .agent = kCliAgent, .eventClass = EventClass::BackupDestroying});
    // Bob used Terraform more, but not to destroy.
    add({.second = 8, .principal = kBob, .agent = kTerraformAgent, .eventClass = EventClass::Create});
    add({.second = 9, .principal = kBob, .agent = kTerraformAgent, .eventClass = EventClass::Modify});
    add({.second = 10, .principal = kBob, .agent = kTerraformAgent, .eventClass = EventClass::Create});
    const TrailSummary summary = summarize();
    // Carol's tie goes to the lowest tool index (Terraform), not to the tool she used first.
    EXPECT_EQ(rows(summary.principals),
        (std::vector<std::string> {
            std::string(kAlice) + " AWS CLI 2.15.30 3/1",
            std::string(kBob) + " AWS CLI 2.15.30 2/0",
            std::string(kCarol) + " Terraform 1.7.5 with terraform-provider-aws 5.31.0 2/0",
        }));
    EXPECT_EQ(summary.destructive, 7U);
}

TEST_F(TrailSummaryCompute, ranksToolsByDestruction)
{
    add({.second = 1, .agent = kTerraformAgent});
    add({.second = 2, .agent = kCliAgent, .errorCode = "AccessDenied"});
    add({.second = 3, .principal = kBob, .agent = kCliAgent});
    add({.second = 4, .agent = kTerraformAgent, .eventClass = EventClass::Create});
    const TrailSummary summary = summarize();
    EXPECT_EQ(rows(summary.tools),
        (std::vector<std::string> {
            " AWS CLI 2.15.30 2/1",
            " Terraform 1.7.5 with terraform-provider-aws 5.31.0 1/0",
        }));
}

TEST_F(TrailSummaryCompute, otherPrincipalsDoNotBreakABurst)
{
    for (std::int64_t second : {0, 10, 20, 30})
        add({.second = second, .principal = kAlice});
    add({.second = 5, .principal = kBob, .agent = kCliAgent});
    add({.second = 15, .principal = kBob, .agent = kCliAgent});
    add({.second = 40, .principal = kAlice, .eventClass = EventClass::BackupDestroying, .errorCode = "AccessDenied"});
    const TrailSummary summary = summarize();
    ASSERT_EQ(summary.bursts.size(), 1U);
    const DeletionBurst& burst = summary.bursts[0];
    EXPECT_EQ(text(burst.principal), kAlice);
    EXPECT_EQ(burst.deletes, 5U);
    EXPECT_EQ(burst.failed, 1U);
    EXPECT_EQ(burst.startMs, 0);
    EXPECT_EQ(burst.endMs, 40'000);
    EXPECT_EQ(burst.firstEvent, 0U);
    EXPECT_EQ(burst.lastEvent, 6U);
    EXPECT_EQ(burst.tools, (std::vector<std::uint32_t> {0}));
}

TEST_F(TrailSummaryCompute, anotherToolMakesAnotherRun)
{
    // The same person cleaning up with the CLI, then running terraform destroy: two stories, not one.
    const BurstPolicy policy {.minimumDeletes = 3, .maximumGapMs = 60'000};
    for (std::int64_t second : {0, 10, 20})
        add({.second = second, .principal = kAlice, .agent = kCliAgent});
    for (std::int64_t second : {30, 40, 50})
        add({.second = second, .principal = kAlice, .agent = kTerraformAgent});
    const TrailSummary summary = summarize(nullptr, policy);
    ASSERT_EQ(summary.bursts.size(), 2U);
    EXPECT_EQ(summary.bursts[0].deletes, 3U);
    EXPECT_EQ(summary.bursts[1].deletes, 3U);
    EXPECT_NE(summary.bursts[0].tools, summary.bursts[1].tools);
}

TEST_F(TrailSummaryCompute, protectionLoweringNeitherCountsNorBreaksABurst)
{
    const BurstPolicy policy {.minimumDeletes = 3, .maximumGapMs = 60'000};
    add({.second = 0});
    add({.second = 50});
    add({.second = 100, .eventClass = EventClass::ProtectionLowering, .eventName = "ModifyDBInstance"});
    add({.second = 110});
    const TrailSummary summary = summarize(nullptr, policy);
    ASSERT_EQ(summary.bursts.size(), 1U);
    EXPECT_EQ(summary.bursts[0].deletes, 3U);
    EXPECT_EQ(summary.bursts[0].lastEvent, 3U);
}

TEST_F(TrailSummaryCompute, gapOfExactlyTheMaximumContinuesABurst)
{
    const BurstPolicy policy {.minimumDeletes = 3, .maximumGapMs = 60'000};
    add({.second = 0});
    add({.second = 60});
    add({.second = 120});
    add({.second = 181}); // 61 s later: a new run, too short to count
    add({.second = 190});
    const TrailSummary summary = summarize(nullptr, policy);
    ASSERT_EQ(summary.bursts.size(), 1U);
    EXPECT_EQ(summary.bursts[0].deletes, 3U);
    EXPECT_EQ(summary.bursts[0].endMs, 120'000);
}

TEST_F(TrailSummaryCompute, runsShorterThanTheMinimumAreNoBurst)
{
    for (std::int64_t second : {0, 10, 20, 30})
        add({.second = second});
    EXPECT_TRUE(summarize().bursts.empty());
}

TEST_F(TrailSummaryCompute, burstsAreInTimeOrder)
{
    const BurstPolicy policy {.minimumDeletes = 2, .maximumGapMs = 60'000};
    add({.second = 100, .principal = kAlice});
    add({.second = 110, .principal = kAlice});
    add({.second = 0, .principal = kBob});
    add({.second = 300, .principal = kBob}); // Bob's second run starts after Alice's
    add({.second = 310, .principal = kBob});
    add({.second = 50, .principal = kBob});
    const TrailSummary summary = summarize(nullptr, policy);
    ASSERT_EQ(summary.bursts.size(), 3U);
    EXPECT_EQ(text(summary.bursts[0].principal), kBob);
    EXPECT_EQ(summary.bursts[0].startMs, 0);
    EXPECT_EQ(summary.bursts[0].endMs, 50'000);
    EXPECT_EQ(text(summary.bursts[1].principal), kAlice);
    EXPECT_EQ(summary.bursts[1].startMs, 100'000);
    EXPECT_EQ(text(summary.bursts[2].principal), kBob);
    EXPECT_EQ(summary.bursts[2].startMs, 300'000);
}

/** A state whose instances the correlation tests delete, name, or leave alone. */
TerraformState projectState()
{
    TerraformState state = makeState("aws_vpc.main; aws_subnet.a; aws_s3_bucket.logs; aws_s3_bucket_versioning.logs; "
                                     "aws_s3_bucket_policy.logs; aws_db_instance.orders; aws_instance.app; "
                                     "aws_instance.app (deposed object 1a2b3c4d); data.aws_ami.ubuntu");
    const auto text = [&state](std::string_view address, std::string path, std::string value) {
        setAttribute(state, address, std::move(path), AttributeValue::string(std::move(value)));
    };
    text("aws_vpc.main", "id", "vpc-0123");
    text("aws_subnet.a", "id", "subnet-0123");
    text("aws_s3_bucket.logs", "bucket", "logs-bucket");
    text("aws_s3_bucket_versioning.logs", "bucket", "logs-bucket");
    text("aws_s3_bucket_policy.logs", "bucket", "logs-bucket");
    text("aws_db_instance.orders", "identifier", "orders");
    text("aws_instance.app", "id", "i-0aaa");
    text("aws_instance.app (deposed object 1a2b3c4d)", "id", "i-0old");
    text("data.aws_ami.ubuntu", "id", "ami-0123");
    return state;
}

TEST_F(TrailSummaryCompute, deletedAddressesAreWhatSuccessfulDeletesActedOn)
{
    const TerraformState state = projectState();
    const TrailCorrelator correlator({&state});
    add({.second = 1,
        .eventClass = EventClass::ProtectionLowering,
        .eventSource = "s3.amazonaws.com",
        .eventName = "DeleteBucketPolicy",
        .identifiers = {"logs-bucket"}});
    add({.second = 2, .eventSource = "s3.amazonaws.com", .eventName = "DeleteBucket", .identifiers = {"logs-bucket"}});
    add({.second = 3, .errorCode = "InvalidDBInstanceState", .identifiers = {"orders"}});
    add({.second = 4,
        .eventSource = "ec2.amazonaws.com",
        .eventName = "TerminateInstances",
        .identifiers = {"i-0aaa"}});
    add({.second = 5, .eventSource = "s3.amazonaws.com", .eventName = "DeleteBucket", .identifiers = {"logs-bucket"}});
    const TrailSummary summary = summarize(&correlator);
    // In order of first deletion; the versioning and policy resources were named, not deleted.
    EXPECT_EQ(summary.deletedAddresses, (std::vector<std::string> {"aws_s3_bucket.logs", "aws_instance.app"}));
}

TEST_F(TrailSummaryCompute, untouchedAddressesAreManagedCurrentObjectsNoEventNamed)
{
    const TerraformState state = projectState();
    const TrailCorrelator correlator({&state});
    // Named without being acted on still counts as touched: a failed delete, a modify, a bucket's sub-resources.
    add({.second = 1, .errorCode = "InvalidDBInstanceState", .identifiers = {"orders"}});
    add({.second = 2,
        .eventClass = EventClass::Modify,
        .eventSource = "s3.amazonaws.com",
        .eventName = "PutBucketTagging",
        .identifiers = {"logs-bucket"}});
    add({.second = 3,
        .eventSource = "ec2.amazonaws.com",
        .eventName = "TerminateInstances",
        .identifiers = {"i-0aaa"}});
    const TrailSummary summary = summarize(&correlator);
    // The deposed object and the data source are not listed: untouched means managed current objects only.
    EXPECT_EQ(summary.untouchedAddresses, (std::vector<std::string> {"aws_subnet.a", "aws_vpc.main"}));
}

TEST_F(TrailSummaryCompute, deposedObjectsCanBeDeleted)
{
    const TerraformState state = projectState();
    const TrailCorrelator correlator({&state});
    add({.second = 1,
        .eventSource = "ec2.amazonaws.com",
        .eventName = "TerminateInstances",
        .identifiers = {"i-0old", "i-0aaa"}});
    EXPECT_EQ(summarize(&correlator).deletedAddresses,
        (std::vector<std::string> {"aws_instance.app", "aws_instance.app (deposed object 1a2b3c4d)"}));
}

TEST_F(TrailSummaryCompute, addressesNameTheirStateWhenThereAreSeveral)
{
    TerraformState production = projectState();
    production.path = "/cases/42/prod.tfstate";
    TerraformState staging = makeState("aws_vpc.main; aws_instance.app");
    staging.path = "/cases/42/staging.tfstate";
    setAttribute(staging, "aws_instance.app", "id", AttributeValue::string("i-0bbb"));
    const TrailCorrelator correlator({&production, &staging});
    add({.second = 1,
        .eventSource = "ec2.amazonaws.com",
        .eventName = "TerminateInstances",
        .identifiers = {"i-0bbb"}});
    add({.second = 2,
        .eventClass = EventClass::Modify,
        .eventSource = "ec2.amazonaws.com",
        .eventName = "ModifyVpcAttribute",
        .identifiers = {"vpc-0123", "subnet-0123", "i-0aaa", "i-0old"}});
    add({.second = 3,
        .eventClass = EventClass::Modify,
        .eventSource = "s3.amazonaws.com",
        .eventName = "PutBucketTagging",
        .identifiers = {"logs-bucket", "orders"}});
    const TrailSummary summary = summarize(&correlator);
    EXPECT_EQ(summary.deletedAddresses, (std::vector<std::string> {"staging.tfstate:aws_instance.app"}));
    EXPECT_EQ(summary.untouchedAddresses,
        (std::vector<std::string> {"prod.tfstate:aws_db_instance.orders", "staging.tfstate:aws_vpc.main"}));
}

TEST_F(TrailSummaryCompute, withoutCorrelatorNoAddresses)
{
    add({.second = 1, .identifiers = {"orders"}});
    const TrailSummary summary = summarize();
    EXPECT_TRUE(summary.deletedAddresses.empty());
    EXPECT_TRUE(summary.untouchedAddresses.empty());
}

} // namespace
