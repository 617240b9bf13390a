// SPDX-License-Identifier: MIT
#include "GraphBuilder.h"

#include "blastline/core/LayeredLayout.h"
#include "blastline/core/ResourceGraph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace blastline::core {
namespace {

const LayoutNode& nodeLabelled(const GraphLayout& layout, const std::string& label)
{
    const auto found = std::find_if(
        layout.nodes.begin(), layout.nodes.end(), [&](const LayoutNode& node) { return node.label == label; });
    if (found == layout.nodes.end())
        throw std::runtime_error("no node labelled " + label);
    return *found;
}

const LayoutGroup& groupKeyed(const GraphLayout& layout, const std::string& key)
{
    const auto found = std::find_if(
        layout.groups.begin(), layout.groups.end(), [&](const LayoutGroup& group) { return group.key == key; });
    if (found == layout.groups.end())
        throw std::runtime_error("no group " + key);
    return *found;
}

bool inside(const LayoutNode& node, const LayoutGroup& group)
{
    return node.x >= group.x && node.y >= group.y && node.x + node.width <= group.x + group.width
        && node.y + node.height <= group.y + group.height;
}

bool overlap(const LayoutNode& a, const LayoutNode& b)
{
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

TEST(LayeredLayout, DependentsAreDrawnAboveWhatTheyDependOn)
{
    const ResourceGraph graph(test::makeState(
        "aws_vpc.main; aws_subnet.a -> aws_vpc.main; aws_instance.web -> aws_subnet.a; aws_eip.ip -> aws_instance.web"));
    const GraphLayout layout = LayeredLayout::compute(graph);
    ASSERT_EQ(layout.nodes.size(), 4u);
    EXPECT_EQ(nodeLabelled(layout, "aws_eip.ip").layer, 0);
    EXPECT_EQ(nodeLabelled(layout, "aws_instance.web").layer, 1);
    EXPECT_EQ(nodeLabelled(layout, "aws_vpc.main").layer, 3);
    EXPECT_LT(nodeLabelled(layout, "aws_eip.ip").y, nodeLabelled(layout, "aws_vpc.main").y);
    ASSERT_EQ(layout.edges.size(), 3u);
    for (const LayoutEdge& edge : layout.edges) {
        ASSERT_EQ(edge.points.size(), 2u);
        EXPECT_DOUBLE_EQ(edge.points.front().second, layout.nodes[edge.from].y + layout.nodes[edge.from].height);
        EXPECT_DOUBLE_EQ(edge.points.back().second, layout.nodes[edge.to].y);
    }
    EXPECT_GT(layout.width, 0);
    EXPECT_GT(layout.height, nodeLabelled(layout, "aws_vpc.main").y);
}

TEST(LayeredLayout, ModulesAreBoxesThatHoldTheirNodesAndNeverOverlap)
{
    const ResourceGraph graph(test::makeState("aws_vpc.main; module.app.aws_instance.a -> aws_vpc.main;"
                                              "module.app.aws_instance.b -> aws_vpc.main; module.db.aws_db_instance.x;"
                                              "module.db.aws_db_subnet_group.x"));
    const GraphLayout layout = LayeredLayout::compute(graph);
    const LayoutGroup& app = groupKeyed(layout, "module.app");
    const LayoutGroup& db = groupKeyed(layout, "module.db");
    EXPECT_EQ(app.memberCount, 2u);
    EXPECT_TRUE(inside(nodeLabelled(layout, "module.app.aws_instance.a"), app));
    EXPECT_TRUE(inside(nodeLabelled(layout, "module.db.aws_db_instance.x"), db));
    EXPECT_FALSE(inside(nodeLabelled(layout, "module.db.aws_db_instance.x"), app));
    EXPECT_TRUE(app.x + app.width <= db.x || db.x + db.width <= app.x);
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        for (std::size_t j = i + 1; j < layout.nodes.size(); ++j)
            EXPECT_FALSE(overlap(layout.nodes[i], layout.nodes[j])) << layout.nodes[i].label << " / " << layout.nodes[j].label;
    }
}

TEST(LayeredLayout, NetworkGroupingPutsADatabaseInTheVpcItsSubnetGroupIsIn)
{
    TerraformState state = test::makeState("aws_vpc.main; aws_subnet.a -> aws_vpc.main; aws_subnet.b -> aws_vpc.main;"
                                           "aws_db_subnet_group.db -> aws_subnet.a, aws_subnet.b;"
                                           "aws_rds_cluster.db -> aws_db_subnet_group.db; aws_instance.bastion -> aws_subnet.a;"
                                           "aws_s3_bucket.logs");
    test::setAttribute(state, "aws_vpc.main", "id", AttributeValue::string("vpc-1"));
    test::setAttribute(state, "aws_subnet.a", "id", AttributeValue::string("subnet-a"));
    test::setAttribute(state, "aws_subnet.a", "vpc_id", AttributeValue::string("vpc-1"));
    test::setAttribute(state, "aws_subnet.b", "id", AttributeValue::string("subnet-b"));
    test::setAttribute(state, "aws_subnet.b", "vpc_id", AttributeValue::string("vpc-1"));
    test::setAttribute(state, "aws_db_subnet_group.db", "subnet_ids.0", AttributeValue::string("subnet-a"));
    test::setAttribute(state, "aws_db_subnet_group.db", "subnet_ids.1", AttributeValue::string("subnet-b"));
    test::setAttribute(state, "aws_instance.bastion", "subnet_id", AttributeValue::string("subnet-a"));
    const ResourceGraph graph(std::move(state));
    LayoutOptions options;
    options.grouping = LayoutGrouping::Network;
    const GraphLayout layout = LayeredLayout::compute(graph, options);

    EXPECT_EQ(nodeLabelled(layout, "aws_rds_cluster.db").group, "vpc-1");
    EXPECT_EQ(nodeLabelled(layout, "aws_db_subnet_group.db").group, "vpc-1");
    EXPECT_EQ(nodeLabelled(layout, "aws_instance.bastion").group, "vpc-1/subnet-a");
    EXPECT_EQ(nodeLabelled(layout, "aws_s3_bucket.logs").group, "");
    const LayoutGroup& vpc = groupKeyed(layout, "vpc-1");
    const LayoutGroup& subnet = groupKeyed(layout, "vpc-1/subnet-a");
    EXPECT_EQ(vpc.label, "aws_vpc.main (vpc-1)");
    EXPECT_EQ(subnet.label, "aws_subnet.a (subnet-a)");
    EXPECT_EQ(subnet.parent, "vpc-1");
    EXPECT_EQ(vpc.memberCount, 6u);
    EXPECT_TRUE(inside(nodeLabelled(layout, "aws_instance.bastion"), subnet));
    EXPECT_TRUE(inside(nodeLabelled(layout, "aws_instance.bastion"), vpc));
    EXPECT_TRUE(subnet.x >= vpc.x && subnet.x + subnet.width <= vpc.x + vpc.width);
}

TEST(LayeredLayout, ManyInstancesOfOneResourceFoldIntoOneNodeThatExpandsOnRequest)
{
    std::string description = "aws_vpc.main";
    for (int index = 0; index < 5000; ++index)
        description += "; aws_instance.web[" + std::to_string(index) + "] -> aws_vpc.main";
    const ResourceGraph graph(test::makeState(description));
    const GraphLayout folded = LayeredLayout::compute(graph);
    ASSERT_EQ(folded.nodes.size(), 2u);
    const LayoutNode& fold = nodeLabelled(folded, "aws_instance.web \u00d75000");
    EXPECT_EQ(fold.kind, LayoutNode::Kind::Fold);
    EXPECT_EQ(fold.members.size(), 5000u);
    ASSERT_EQ(folded.edges.size(), 1u);
    EXPECT_EQ(folded.edges.front().count, 5000u);
    EXPECT_EQ(*folded.indexOf(NodeId {4000}), *folded.indexOf(NodeId {1}));
    EXPECT_EQ(folded.search(graph, "web[4999]").size(), 1u);

    LayoutOptions options;
    options.expanded.insert("aws_instance.web");
    const GraphLayout open = LayeredLayout::compute(graph, options);
    EXPECT_EQ(open.nodes.size(), 5001u);
    EXPECT_EQ(open.nodes[*open.indexOf(NodeId {5000})].label, "aws_instance.web[4999]");
    EXPECT_EQ(open.nodes[*open.indexOf(NodeId {5000})].fold, "aws_instance.web");
    // Wrapped rows keep the picture within a screen's width or so.
    EXPECT_LT(open.width, 12 * (options.nodeWidth + options.horizontalGap) + 200);
}

TEST(LayeredLayout, LargeGraphsStartWithTheirGroupsCollapsed)
{
    std::string description = "aws_vpc.main";
    for (int module = 0; module < 40; ++module) {
        for (int resource = 0; resource < 10; ++resource)
            description += "; module.m" + std::to_string(module) + ".aws_s3_bucket.b" + std::to_string(resource)
                + " -> aws_vpc.main";
    }
    const ResourceGraph graph(test::makeState(description));
    const GraphLayout layout = LayeredLayout::compute(graph);
    EXPECT_EQ(layout.nodes.size(), 41u);
    const LayoutNode& collapsed = nodeLabelled(layout, "module.m7 (10)");
    EXPECT_EQ(collapsed.kind, LayoutNode::Kind::Fold);
    EXPECT_TRUE(groupKeyed(layout, "module.m7").collapsed);
    EXPECT_EQ(layout.edges.size(), 40u);

    LayoutOptions options;
    options.expanded.insert("module.m7");
    const GraphLayout opened = LayeredLayout::compute(graph, options);
    EXPECT_EQ(opened.nodes.size(), 50u);
    EXPECT_FALSE(groupKeyed(opened, "module.m7").collapsed);
}

TEST(LayeredLayout, AWideFlatStateIsWrappedTowardsTheWantedShape)
{
    std::string description = "aws_vpc.main";
    for (int index = 0; index < 40; ++index)
        description += "; aws_s3_bucket.b" + std::to_string(index) + " -> aws_vpc.main";
    const ResourceGraph graph(test::makeState(description));
    LayoutOptions fixed;
    fixed.aspectRatio = 0;
    fixed.maxRowNodes = 40;
    const GraphLayout strip = LayeredLayout::compute(graph, fixed);
    EXPECT_GT(strip.width / strip.height, 10.0);
    const GraphLayout shaped = LayeredLayout::compute(graph); // aspect ratio 1.6 by default
    const double shape = shaped.width / shaped.height;
    EXPECT_GT(shape, 0.8);
    EXPECT_LT(shape, 3.2);
}

TEST(LayeredLayout, ACycleMadeByFoldingIsBrokenNotLoopedOn)
{
    LayoutOptions options;
    options.grouping = LayoutGrouping::Module;
    options.collapsed = {"module.a", "module.b"};
    const ResourceGraph graph(test::makeState(
        "module.a.aws_x.one; module.b.aws_x.two -> module.a.aws_x.one; module.a.aws_x.three -> module.b.aws_x.two"));
    const GraphLayout layout = LayeredLayout::compute(graph, options);
    ASSERT_EQ(layout.nodes.size(), 2u);
    EXPECT_EQ(layout.edges.size(), 2u);
    EXPECT_NE(layout.nodes[0].layer, layout.nodes[1].layer);
}

} // namespace
} // namespace blastline::core
