// SPDX-License-Identifier: MIT
#include "blastline/core/ResourceGraph.h"

#include "GraphBuilder.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;

namespace {

/** Display names of nodes, sorted, so that assertions read like the addresses they are about. */
std::set<std::string> names(const ResourceGraph& graph, const std::vector<NodeId>& nodes)
{
    std::set<std::string> result;
    for (NodeId node : nodes)
        result.insert(graph.instance(node).displayName());
    return result;
}

NodeId node(const ResourceGraph& graph, std::string_view address)
{
    const auto found = graph.find(address);
    EXPECT_TRUE(found.has_value()) << address;
    return found.value_or(NodeId {});
}

std::set<std::string> dependencies(
    const ResourceGraph& graph, std::string_view address, std::optional<EdgeKind> kind = std::nullopt)
{
    return names(graph, graph.dependenciesOf(node(graph, address), kind));
}

ResourceAddress address(std::string_view text)
{
    auto parsed = ResourceAddress::parse(text);
    EXPECT_TRUE(parsed.has_value()) << text;
    return parsed.value_or(ResourceAddress {});
}

class RecordingSink : public ProgressSink
{
public:
    void progress(std::string_view phase, std::uint64_t done, std::uint64_t total) override
    {
        m_calls.emplace_back(std::string(phase), done, total);
    }
    bool isCancelled() const override { return m_cancel; }

    std::vector<std::tuple<std::string, std::uint64_t, std::uint64_t>> m_calls;
    bool m_cancel = false;
};

TerraformState manyInstances(std::size_t count)
{
    std::string description;
    for (std::size_t i = 0; i < count; ++i)
        description += "aws_instance.n[" + std::to_string(i) + "];";
    return makeState(description);
}

} // namespace

TEST(ResourceGraph, dependencyExpandsToEveryInstanceOfTheResource)
{
    const ResourceGraph graph(
        makeState("aws_vpc.main; aws_subnet.a[0] -> aws_vpc.main; aws_subnet.a[1] -> aws_vpc.main;"
                  "aws_instance.web -> aws_subnet.a, aws_vpc.main"));
    EXPECT_EQ(graph.nodeCount(), 4U);
    EXPECT_EQ(dependencies(graph, "aws_instance.web"),
        (std::set<std::string> {"aws_subnet.a[0]", "aws_subnet.a[1]", "aws_vpc.main"}));
    EXPECT_EQ(names(graph, graph.dependentsOf(node(graph, "aws_vpc.main"))),
        (std::set<std::string> {"aws_subnet.a[0]", "aws_subnet.a[1]", "aws_instance.web"}));
    ASSERT_EQ(graph.edges().size(), 5U);
    for (const Edge& edge : graph.edges()) {
        EXPECT_EQ(edge.kind, EdgeKind::DependsOn);
        // Provenance is the recorded, keyless dependency.
        EXPECT_EQ(edge.provenance, graph.instance(edge.to).address.configString());
    }
    EXPECT_TRUE(graph.danglingDependencies().empty());
}

TEST(ResourceGraph, differentInstancesOfTheSameModuleAreNotJoined)
{
    const ResourceGraph graph(makeState("module.m[0].aws_vpc.main; module.m[1].aws_vpc.main;"
                                        "module.m[0].aws_subnet.a -> module.m.aws_vpc.main;"
                                        "module.m[1].aws_subnet.a -> module.m.aws_vpc.main;"
                                        "module.other.aws_x.y -> module.m.aws_vpc.main;"
                                        "aws_root.r -> module.m.aws_vpc.main"));
    EXPECT_EQ(dependencies(graph, "module.m[0].aws_subnet.a"), (std::set<std::string> {"module.m[0].aws_vpc.main"}));
    EXPECT_EQ(dependencies(graph, "module.m[1].aws_subnet.a"), (std::set<std::string> {"module.m[1].aws_vpc.main"}));
    // A different module configuration, or the root, depends on every instance.
    const std::set<std::string> both {"module.m[0].aws_vpc.main", "module.m[1].aws_vpc.main"};
    EXPECT_EQ(dependencies(graph, "module.other.aws_x.y"), both);
    EXPECT_EQ(dependencies(graph, "aws_root.r"), both);
}

TEST(ResourceGraph, danglingDependencyIsReportedOnceAndAddsNoEdge)
{
    const ResourceGraph graph(makeState("aws_subnet.a; aws_lb.test -> aws_vpc.main, aws_subnet.a, aws_vpc.main"));
    ASSERT_EQ(graph.danglingDependencies().size(), 1U);
    EXPECT_EQ(graph.danglingDependencies()[0].from, node(graph, "aws_lb.test"));
    EXPECT_EQ(graph.danglingDependencies()[0].missingAddress, "aws_vpc.main");
    EXPECT_EQ(dependencies(graph, "aws_lb.test"), (std::set<std::string> {"aws_subnet.a"}));
}

TEST(ResourceGraph, selfAndDuplicateDependenciesAddNoEdge)
{
    const ResourceGraph graph(makeState("aws_x.a[0] -> aws_x.a, aws_y.b, aws_y.b; aws_x.a[1]; aws_y.b"));
    EXPECT_EQ(dependencies(graph, "aws_x.a[0]"), (std::set<std::string> {"aws_x.a[1]", "aws_y.b"}));
    EXPECT_EQ(graph.edges().size(), 2U);
}

TEST(ResourceGraph, referencesAreInferredFromIdsAndArns)
{
    auto state = makeState("aws_vpc.main; aws_subnet.a; aws_iam_role.r; aws_ecs_task_definition.t");
    setAttribute(state, "aws_vpc.main", "id", AttributeValue::string("vpc-0abc"));
    setAttribute(state, "aws_subnet.a", "id", AttributeValue::string("subnet-1"));
    setAttribute(state, "aws_subnet.a", "vpc_id", AttributeValue::string("vpc-0abc"));
    setAttribute(state, "aws_iam_role.r", "id", AttributeValue::string("role-name"));
    setAttribute(state, "aws_iam_role.r", "arn", AttributeValue::string("arn:aws:iam::1:role/r"));
    setAttribute(
        state, "aws_ecs_task_definition.t", "execution_role_arn", AttributeValue::string("arn:aws:iam::1:role/r"));
    setAttribute(state, "aws_ecs_task_definition.t", "tags.Owner", AttributeValue::string("role-name"));
    const ResourceGraph graph(std::move(state));

    ASSERT_EQ(graph.edges().size(), 2U);
    const Edge& subnet = graph.edges()[0];
    EXPECT_EQ(subnet.from, node(graph, "aws_subnet.a"));
    EXPECT_EQ(subnet.to, node(graph, "aws_vpc.main"));
    EXPECT_EQ(subnet.kind, EdgeKind::References);
    EXPECT_EQ(subnet.provenance, "vpc_id");
    // Two attributes point at the role: one edge, named after the first path in attribute order.
    const Edge& task = graph.edges()[1];
    EXPECT_EQ(task.to, node(graph, "aws_iam_role.r"));
    EXPECT_EQ(task.provenance, "execution_role_arn");
    EXPECT_TRUE(dependencies(graph, "aws_subnet.a", EdgeKind::DependsOn).empty());
    EXPECT_EQ(dependencies(graph, "aws_subnet.a", EdgeKind::References), (std::set<std::string> {"aws_vpc.main"}));
}

TEST(ResourceGraph, referenceIsNotAddedWhereADependencyIsRecorded)
{
    auto state = makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main");
    setAttribute(state, "aws_vpc.main", "id", AttributeValue::string("vpc-0abc"));
    setAttribute(state, "aws_subnet.a", "vpc_id", AttributeValue::string("vpc-0abc"));
    const ResourceGraph graph(std::move(state));
    ASSERT_EQ(graph.edges().size(), 1U);
    EXPECT_EQ(graph.edges()[0].kind, EdgeKind::DependsOn);
    EXPECT_EQ(graph.edges()[0].provenance, "aws_vpc.main");
}

TEST(ResourceGraph, ambiguousAndOwnIdentifiersAreNotReferences)
{
    // A bucket and its versioning resource share the bucket name as id: a policy naming it is ambiguous.
    auto state = makeState("aws_s3_bucket.b; aws_s3_bucket_versioning.b; aws_s3_bucket_policy.p; aws_kms_key.k");
    setAttribute(state, "aws_s3_bucket.b", "id", AttributeValue::string("uploads"));
    setAttribute(state, "aws_s3_bucket.b", "bucket", AttributeValue::string("uploads"));
    setAttribute(state, "aws_s3_bucket_versioning.b", "id", AttributeValue::string("uploads"));
    setAttribute(state, "aws_s3_bucket_policy.p", "bucket", AttributeValue::string("uploads"));
    // Non-string leaves never reference anything, even when their text matches.
    setAttribute(state, "aws_kms_key.k", "id", AttributeValue::string("7"));
    setAttribute(state, "aws_s3_bucket_policy.p", "version", AttributeValue::number("7"));
    const ResourceGraph graph(std::move(state));
    EXPECT_TRUE(graph.edges().empty());
}

TEST(ResourceGraph, deposedObjectsAreNodesOfTheirOwn)
{
    const ResourceGraph graph(makeState("aws_subnet.a; aws_instance.web -> aws_subnet.a;"
                                        "aws_instance.web (deposed object 1a2b3c4d) -> aws_subnet.a;"
                                        "aws_lb.x -> aws_instance.web"));
    EXPECT_EQ(graph.nodeCount(), 4U);
    EXPECT_EQ(node(graph, "aws_instance.web").value, 1U);
    EXPECT_EQ(node(graph, "aws_instance.web (deposed object 1a2b3c4d)").value, 2U);
    EXPECT_EQ(dependencies(graph, "aws_lb.x"),
        (std::set<std::string> {"aws_instance.web", "aws_instance.web (deposed object 1a2b3c4d)"}));
    EXPECT_EQ(names(graph, graph.dependentsOf(node(graph, "aws_subnet.a"))),
        (std::set<std::string> {"aws_instance.web", "aws_instance.web (deposed object 1a2b3c4d)"}));
    EXPECT_FALSE(graph.find("aws_instance.web (deposed object 99999999)").has_value());
    EXPECT_FALSE(graph.find("aws_instance.nope").has_value());
}

struct MatchRow
{
    const char* target;
    std::set<std::string> expected;
};

TEST(ResourceGraph, matchSelectsModulesResourcesAndInstances)
{
    const ResourceGraph graph(makeState("aws_subnet.a[0]; aws_subnet.a[1]; aws_subnet.a[1] (deposed object 00000001);"
                                        "data.aws_subnet.a; module.m[0].aws_x.y; module.m[1].aws_x.y;"
                                        "module.m[1].module.n.aws_z.w; module.mm.aws_x.y"));
    const std::vector<MatchRow> rows {
        {"module.m", {"module.m[0].aws_x.y", "module.m[1].aws_x.y", "module.m[1].module.n.aws_z.w"}},
        {"module.m[1]", {"module.m[1].aws_x.y", "module.m[1].module.n.aws_z.w"}},
        {"module.m.module.n", {"module.m[1].module.n.aws_z.w"}},
        {"module.m[0].module.n", {}},
        {"aws_subnet.a", {"aws_subnet.a[0]", "aws_subnet.a[1]", "aws_subnet.a[1] (deposed object 00000001)"}},
        {"aws_subnet.a[1]", {"aws_subnet.a[1]", "aws_subnet.a[1] (deposed object 00000001)"}},
        {"aws_subnet.a[7]", {}},
        {"data.aws_subnet.a", {"data.aws_subnet.a"}},
        {"module.m[1].aws_x.y", {"module.m[1].aws_x.y"}},
        {"module.mm.aws_x.y", {"module.mm.aws_x.y"}},
    };
    for (const auto& row : rows)
        EXPECT_EQ(names(graph, graph.match(address(row.target))), row.expected) << row.target;
}

TEST(ResourceGraph, reportsProgressAndHonoursCancellation)
{
    RecordingSink sink;
    const ResourceGraph graph(manyInstances(10000), &sink);
    EXPECT_EQ(graph.nodeCount(), 10000U);
    ASSERT_GE(sink.m_calls.size(), 3U);
    EXPECT_EQ(std::get<0>(sink.m_calls.back()), "Building graph");
    EXPECT_EQ(std::get<1>(sink.m_calls.back()), 10000U);
    EXPECT_EQ(std::get<2>(sink.m_calls.back()), 10000U);

    RecordingSink cancelling;
    cancelling.m_cancel = true;
    EXPECT_THROW(ResourceGraph(manyInstances(10), &cancelling), OperationCancelled);
}

TEST(ResourceGraph, survivesBeingMoved)
{
    auto state = makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main");
    ResourceGraph first(std::move(state));
    ResourceGraph moved(std::move(first));
    ResourceGraph assigned(makeState("aws_x.y"));
    assigned = std::move(moved);
    ASSERT_EQ(assigned.edges().size(), 1U);
    EXPECT_EQ(assigned.edges()[0].provenance, "aws_vpc.main");
    EXPECT_EQ(node(assigned, "aws_subnet.a").value, 1U);
}

TEST(ResourceGraph, namesTagsAndDescriptionsAreNotReferences)
{
    // Seen in the benchmark state: a security group named like the DB subnet group's name-shaped id.
    auto state = makeState("aws_db_subnet_group.db; aws_security_group.db; aws_db_instance.main");
    setAttribute(state, "aws_db_subnet_group.db", "id", AttributeValue::string("app0-db"));
    setAttribute(state, "aws_security_group.db", "name", AttributeValue::string("app0-db"));
    setAttribute(state, "aws_security_group.db", "description", AttributeValue::string("app0-db"));
    setAttribute(state, "aws_security_group.db", "tags.Name", AttributeValue::string("app0-db"));
    setAttribute(state, "aws_db_instance.main", "db_subnet_group_name", AttributeValue::string("app0-db"));
    const ResourceGraph graph(std::move(state));
    ASSERT_EQ(graph.edges().size(), 1U);
    EXPECT_EQ(graph.edges()[0].from, node(graph, "aws_db_instance.main"));
    EXPECT_EQ(graph.edges()[0].provenance, "db_subnet_group_name");
}

TEST(ResourceGraph, recoveryPointsAreNodesWithEdgesToWhatTheyProtectAndTheirKey)
{
    ResourceGraph graph(makeState("aws_kms_key.k; aws_rds_cluster.db"));
    const auto listedBefore = graph.edges().size(); // listing first: later additions must still appear
    const NodeId point = graph.addRecoveryPoint({"db-final", "final-snapshot", "created", "", "rule"},
        node(graph, "aws_rds_cluster.db"), node(graph, "aws_kms_key.k"));
    EXPECT_EQ(graph.nodeCount(), 2U) << "instance nodes are counted apart";
    EXPECT_EQ(graph.recoveryPointCount(), 1U);
    EXPECT_TRUE(graph.isRecoveryPoint(point));
    EXPECT_FALSE(graph.isRecoveryPoint(node(graph, "aws_rds_cluster.db")));
    EXPECT_EQ(graph.recoveryPoint(point).kind, "final-snapshot");
    EXPECT_EQ(graph.nodeName(point), "recovery point db-final");
    ASSERT_EQ(graph.edges().size(), listedBefore + 2);
    EXPECT_EQ(graph.edges()[listedBefore].kind, EdgeKind::Protects);
    EXPECT_EQ(graph.edges()[listedBefore].to, node(graph, "aws_rds_cluster.db"));
    EXPECT_EQ(graph.edges()[listedBefore + 1].kind, EdgeKind::EncryptedBy);
    EXPECT_EQ(graph.dependentsOf(node(graph, "aws_rds_cluster.db"), EdgeKind::Protects), std::vector<NodeId> {point});
    EXPECT_TRUE(graph.dependentsOf(node(graph, "aws_rds_cluster.db"), EdgeKind::DependsOn).empty());
    EXPECT_STREQ(toString(EdgeKind::EncryptedBy), "encrypted_by");
}
