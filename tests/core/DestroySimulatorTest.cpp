// SPDX-License-Identifier: MIT
#include "blastline/core/DestroySimulator.h"

#include "GraphBuilder.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/core/ResourceGraph.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;

namespace {

constexpr const char* kProtectedText =
    "InvalidParameterCombination: Cannot delete protected DB Instance, please disable "
    "deletion protection and try again.";

/**
 * A failure rule written here: these tests are about how the engine propagates a failure, not about
 * which deletes AWS refuses (that knowledge is the catalogue's, tested with it).
 */
class ProtectedDbInstanceRule : public DeletionRule
{
public:
    std::string name() const override { return "aws_db_instance.deletion_protection"; }
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const override
    {
        if (instance.type() != "aws_db_instance" || instance.attributes.getBool("deletion_protection") != true)
            return std::nullopt;
        return DeleteFailure {kProtectedText, name(), "test", {}};
    }
};

/** A failure nobody is sure of: the delete of any aws_s3_bucket may be refused. */
class MaybeNotEmptyRule : public DeletionRule
{
public:
    std::string name() const override { return "aws_s3_bucket.maybe"; }
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const override
    {
        if (instance.type() != "aws_s3_bucket")
            return std::nullopt;
        return DeleteFailure {"BucketNotEmpty", name(), "test", {"$bucket_empty"}};
    }
};

DeletionRules testRules()
{
    DeletionRules rules;
    rules.add(std::make_unique<ProtectedDbInstanceRule>());
    return rules;
}

DestroySimulation simulate(TerraformState state, int parallelism = 10, std::vector<std::string> targets = {})
{
    const ResourceGraph graph(std::move(state));
    const DeletionRules rules = testRules();
    DestroyOptions options;
    options.parallelism = parallelism;
    for (const auto& target : targets)
        options.targets.push_back(ResourceAddress::parse(target).value());
    return DestroySimulator(rules).run(graph, options);
}

std::vector<std::string> addresses(const DestroySimulation& simulation)
{
    std::vector<std::string> result;
    for (const auto& operation : simulation.operations)
        result.push_back(operation.address);
    return result;
}

const Operation& operation(const DestroySimulation& simulation, const std::string& address)
{
    for (const auto& op : simulation.operations) {
        if (op.address == address)
            return op;
    }
    throw std::runtime_error("no operation " + address);
}

/** One expected row of a schedule: address, wave, start and end in seconds. */
struct Slot
{
    std::string address;
    int wave;
    double start;
    double end;
};

void expectSchedule(const DestroySimulation& simulation, const std::vector<Slot>& expected)
{
    ASSERT_EQ(simulation.operations.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Operation& op = simulation.operations[i];
        SCOPED_TRACE(expected[i].address);
        EXPECT_EQ(op.address, expected[i].address);
        EXPECT_EQ(op.outcome, OperationOutcome::Done);
        EXPECT_EQ(op.wave, expected[i].wave);
        EXPECT_EQ(op.startSeconds, expected[i].start);
        EXPECT_EQ(op.endSeconds, expected[i].end);
    }
}

/** A VPC stack whose DB instance depends on a chain (not a transitive list) and an unrelated bucket. */
TerraformState protectedDbStack(AttributeValue protection)
{
    auto state = makeState("aws_vpc.main; aws_subnet.private -> aws_vpc.main;"
                           "aws_db_subnet_group.db -> aws_subnet.private;"
                           "aws_db_instance.main -> aws_db_subnet_group.db;"
                           "aws_db_snapshot.manual -> aws_db_instance.main;"
                           "aws_s3_bucket.uploads; aws_s3_bucket_versioning.uploads -> aws_s3_bucket.uploads");
    setAttribute(state, "aws_db_instance.main", "deletion_protection", std::move(protection));
    return state;
}

class CancellingSink : public ProgressSink
{
public:
    void progress(std::string_view, std::uint64_t, std::uint64_t) override { ++m_calls; }
    bool isCancelled() const override { return m_calls > 0; }
    int m_calls = 0;
};

} // namespace

TEST(DestroySimulator, deletesDependentsBeforeDependencies)
{
    const auto simulation = simulate(makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main;"
                                               "aws_instance.web -> aws_subnet.a, aws_vpc.main"));
    expectSchedule(
        simulation, {{"aws_instance.web", 1, 0, 45}, {"aws_subnet.a", 2, 45, 48}, {"aws_vpc.main", 3, 48, 53}});
    EXPECT_EQ(simulation.summary.instances, 3U);
    EXPECT_EQ(simulation.summary.done, 3U);
    EXPECT_TRUE(simulation.warnings.empty());
    EXPECT_TRUE(simulation.targets.empty());
}

TEST(DestroySimulator, parallelismLimitsConcurrentDeletes)
{
    const char* three = "aws_instance.c; aws_instance.a; aws_instance.b";
    expectSchedule(simulate(makeState(three), 1),
        {{"aws_instance.a", 1, 0, 45}, {"aws_instance.b", 1, 45, 90}, {"aws_instance.c", 1, 90, 135}});
    expectSchedule(simulate(makeState(three), 2),
        {{"aws_instance.a", 1, 0, 45}, {"aws_instance.b", 1, 0, 45}, {"aws_instance.c", 1, 45, 90}});
    EXPECT_EQ(simulate(makeState(three), 2).parallelism, 2);
    EXPECT_THROW(simulate(makeState(three), 0), InputError);
}

TEST(DestroySimulator, lowerWaveStartsFirstWhenSlotsAreScarce)
{
    // With one slot, the subnet released by the instance (wave 2) waits behind the VPC still in wave 1.
    const auto simulation = simulate(makeState("aws_subnet.a; aws_instance.a -> aws_subnet.a; aws_vpc.z"), 1);
    expectSchedule(simulation, {{"aws_instance.a", 1, 0, 45}, {"aws_vpc.z", 1, 45, 50}, {"aws_subnet.a", 2, 50, 53}});
}

TEST(DestroySimulator, wavesFollowTheLongestChainOfDependents)
{
    // Diamond plus a shortcut: the VPC waits for the instance both directly and through the subnets.
    const auto simulation =
        simulate(makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main; aws_subnet.b -> aws_vpc.main;"
                           "aws_instance.web -> aws_subnet.a, aws_subnet.b, aws_vpc.main"));
    expectSchedule(simulation,
        {{"aws_instance.web", 1, 0, 45}, {"aws_subnet.a", 2, 45, 48}, {"aws_subnet.b", 2, 45, 48},
            {"aws_vpc.main", 3, 48, 53}});
}

TEST(DestroySimulator, protectedDbInstanceFailsAndSkipsWhatWaitsOnIt)
{
    const auto simulation = simulate(protectedDbStack(AttributeValue::boolean(true)));

    const Operation& db = operation(simulation, "aws_db_instance.main");
    EXPECT_EQ(db.outcome, OperationOutcome::Failed);
    EXPECT_EQ(db.reason, kProtectedText);
    EXPECT_EQ(db.rule, "aws_db_instance.deletion_protection");
    EXPECT_EQ(db.startSeconds, 2.0); // after the snapshot (default 2 s)
    EXPECT_EQ(db.endSeconds, 3.0); // a refused call is a round trip

    // Each skip names the nearest op it waited on.
    const std::vector<std::pair<std::string, std::string>> skipped {
        {"aws_db_subnet_group.db", "aws_db_instance.main"},
        {"aws_subnet.private", "aws_db_subnet_group.db"},
        {"aws_vpc.main", "aws_subnet.private"},
    };
    for (const auto& [address, blocker] : skipped) {
        const Operation& op = operation(simulation, address);
        EXPECT_EQ(op.outcome, OperationOutcome::Skipped) << address;
        EXPECT_EQ(op.reason, "upstream dependency failed: " + blocker) << address;
        EXPECT_FALSE(op.startSeconds.has_value()) << address;
        EXPECT_FALSE(op.endSeconds.has_value()) << address;
    }
    // The independent branch is destroyed all the same.
    EXPECT_EQ(operation(simulation, "aws_s3_bucket.uploads").outcome, OperationOutcome::Done);
    EXPECT_EQ(operation(simulation, "aws_s3_bucket_versioning.uploads").outcome, OperationOutcome::Done);
    EXPECT_EQ(operation(simulation, "aws_db_snapshot.manual").outcome, OperationOutcome::Done);

    // Started ops by start time then address; skipped ones last by wave then address.
    EXPECT_EQ(addresses(simulation),
        (std::vector<std::string> {"aws_db_snapshot.manual", "aws_s3_bucket_versioning.uploads", "aws_db_instance.main",
            "aws_s3_bucket.uploads", "aws_db_subnet_group.db", "aws_subnet.private", "aws_vpc.main"}));
    EXPECT_EQ(simulation.summary.instances, 7U);
    EXPECT_EQ(simulation.summary.done, 3U);
    EXPECT_EQ(simulation.summary.failed, 1U);
    EXPECT_EQ(simulation.summary.skipped, 3U);
}

TEST(DestroySimulator, deletionProtectionIsReadFromFlatmapStringsToo)
{
    struct Row
    {
        AttributeValue value;
        OperationOutcome expected;
    };
    const std::vector<Row> rows {
        {AttributeValue::boolean(true), OperationOutcome::Failed},
        {AttributeValue::string("true"), OperationOutcome::Failed},
        {AttributeValue::boolean(false), OperationOutcome::Done},
        {AttributeValue::string("false"), OperationOutcome::Done},
        {AttributeValue::null(), OperationOutcome::Done},
    };
    for (const auto& row : rows) {
        const auto simulation = simulate(protectedDbStack(row.value));
        EXPECT_EQ(operation(simulation, "aws_db_instance.main").outcome, row.expected) << row.value.text;
    }
}

TEST(DestroySimulator, targetsIncludeDependentsButNotDependencies)
{
    const auto simulation = simulate(makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main;"
                                               "aws_instance.web -> aws_subnet.a, aws_vpc.main;"
                                               "aws_lb.x -> aws_instance.web; aws_s3_bucket.b"),
        10, {"aws_subnet.a"});
    EXPECT_EQ(addresses(simulation), (std::vector<std::string> {"aws_lb.x", "aws_instance.web", "aws_subnet.a"}));
    EXPECT_EQ(simulation.warnings, (std::vector<std::string> {"Resource targeting is in effect"}));
    EXPECT_EQ(simulation.targets, (std::vector<std::string> {"aws_subnet.a"}));
    EXPECT_EQ(simulation.summary.instances, 3U);
}

TEST(DestroySimulator, moduleTargetSelectsTheModuleAndItsDependents)
{
    const auto simulation = simulate(makeState("module.net[0].aws_vpc.main; module.net[1].aws_vpc.main;"
                                               "aws_instance.web -> module.net.aws_vpc.main; aws_s3_bucket.b"),
        10, {"module.net[1]"});
    EXPECT_EQ(addresses(simulation), (std::vector<std::string> {"aws_instance.web", "module.net[1].aws_vpc.main"}));
}

TEST(DestroySimulator, unknownTargetIsAnInputError)
{
    try {
        simulate(makeState("aws_vpc.main"), 10, {"aws_vpc.other"});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_STREQ(error.what(), "target aws_vpc.other matches no instance in the state");
    }
}

TEST(DestroySimulator, dataSourcesAreNeverOperations)
{
    const auto full = simulate(makeState("data.aws_ami.ubuntu; aws_instance.web -> data.aws_ami.ubuntu"));
    EXPECT_EQ(addresses(full), (std::vector<std::string> {"aws_instance.web"}));
    // Targeting a data source still pulls in what depends on it.
    const auto targeted = simulate(
        makeState("data.aws_ami.ubuntu; aws_instance.web -> data.aws_ami.ubuntu"), 10, {"data.aws_ami.ubuntu"});
    EXPECT_EQ(addresses(targeted), (std::vector<std::string> {"aws_instance.web"}));
}

TEST(DestroySimulator, deposedObjectsAreDeletedLikeAnyInstance)
{
    const auto simulation = simulate(makeState("aws_subnet.a; aws_instance.web -> aws_subnet.a;"
                                               "aws_instance.web (deposed object 1a2b3c4d) -> aws_subnet.a"));
    expectSchedule(simulation,
        {{"aws_instance.web", 1, 0, 45}, {"aws_instance.web (deposed object 1a2b3c4d)", 1, 0, 45},
            {"aws_subnet.a", 2, 45, 48}});
}

TEST(DestroySimulator, dependencyCycleIsAnInputError)
{
    EXPECT_THROW(simulate(makeState("aws_x.a -> aws_x.b; aws_x.b -> aws_x.a")), InputError);
}

TEST(DestroySimulator, largeRunReportsProgressAndCanBeCancelled)
{
    std::string description;
    for (int i = 0; i < 5000; ++i)
        description += "aws_s3_bucket.b[" + std::to_string(i) + "];";
    const ResourceGraph graph(makeState(description));
    const DeletionRules rules = testRules();
    const auto simulation = DestroySimulator(rules).run(graph, {});
    EXPECT_EQ(simulation.summary.done, 5000U);
    // 5000 two-second deletes, ten at a time.
    EXPECT_EQ(simulation.operations.back().endSeconds, 1000.0);

    CancellingSink sink;
    EXPECT_THROW(DestroySimulator(rules).run(graph, {}, &sink), OperationCancelled);
}

TEST(DestroySimulator, outcomesAndDurationsHaveTheirNames)
{
    EXPECT_STREQ(toString(OperationOutcome::Done), "done");
    EXPECT_STREQ(toString(OperationOutcome::Failed), "failed");
    EXPECT_STREQ(toString(OperationOutcome::Skipped), "skipped");
    const auto durations = OperationDurations::defaults();
    EXPECT_EQ(durations.deleteSeconds("aws_rds_cluster"), 600);
    EXPECT_EQ(durations.deleteSeconds("aws_db_instance"), 420);
    EXPECT_EQ(durations.deleteSeconds("aws_elasticache_replication_group"), 300);
    EXPECT_EQ(durations.deleteSeconds("aws_vpc"), 5);
    EXPECT_EQ(durations.deleteSeconds("aws_s3_bucket"), 2);
    EXPECT_EQ(durations.deleteSeconds(""), 2);
}

TEST(DestroySimulator, aPossibleFailureLetsTheDeleteProceedAndSaysSo)
{
    const ResourceGraph graph(makeState("aws_s3_bucket.logs; aws_s3_bucket_policy.p -> aws_s3_bucket.logs"));
    DeletionRules rules;
    rules.add(std::make_unique<MaybeNotEmptyRule>());
    rules.add(std::make_unique<ProtectedDbInstanceRule>());
    const auto simulation = DestroySimulator(rules).run(graph, {});
    ASSERT_EQ(simulation.operations.size(), 2U);
    const auto& bucket = simulation.operations[1];
    EXPECT_EQ(bucket.address, "aws_s3_bucket.logs");
    EXPECT_EQ(bucket.outcome, OperationOutcome::Done);
    EXPECT_EQ(bucket.uncertainty, "may fail: BucketNotEmpty (unknown: $bucket_empty)");
    EXPECT_EQ(bucket.rule, "aws_s3_bucket.maybe");
    EXPECT_TRUE(simulation.operations[0].uncertainty.empty());
}
