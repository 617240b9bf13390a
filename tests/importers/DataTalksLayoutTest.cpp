// SPDX-License-Identifier: MIT
// The DataTalks.Club production state laid out by network: what the desktop app and the report draw.
#include "blastline/core/LayeredLayout.h"
#include "blastline/core/ResourceGraph.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace blastline::importers {
namespace {

TEST(DataTalksLayout, TheDatabaseAndTheBastionAreDrawnInsideTheVpcTheyLivedIn)
{
    const core::ResourceGraph graph(
        StateReader::readFile(std::string(BLASTLINE_SOURCE_DIR) + "/sample-data/datatalks-2026/production.tfstate"));
    core::LayoutOptions options;
    options.grouping = core::LayoutGrouping::Network;
    const core::GraphLayout layout = core::LayeredLayout::compute(graph, options);

    std::map<std::string, const core::LayoutNode*> byLabel;
    for (const core::LayoutNode& node : layout.nodes)
        byLabel[node.label] = &node;
    const auto vpc = std::find_if(layout.groups.begin(), layout.groups.end(),
        [](const core::LayoutGroup& group) { return group.label.rfind("aws_vpc.", 0) == 0; });
    ASSERT_NE(vpc, layout.groups.end());
    ASSERT_EQ(byLabel.count("aws_rds_cluster.dev_course_management_cluster"), 1u);
    const core::LayoutNode& cluster = *byLabel["aws_rds_cluster.dev_course_management_cluster"];
    EXPECT_EQ(cluster.group.substr(0, vpc->key.size()), vpc->key);
    EXPECT_TRUE(cluster.x >= vpc->x && cluster.x + cluster.width <= vpc->x + vpc->width);
    // Every managed resource of the state is drawn, none hidden in a fold at this size.
    std::size_t managed = 0;
    for (std::uint32_t index = 0; index < graph.nodeCount(); ++index)
        managed += graph.instance(core::NodeId {index}).isManaged() ? 1 : 0;
    EXPECT_EQ(layout.nodes.size(), managed);
    for (const core::LayoutNode& node : layout.nodes)
        EXPECT_EQ(node.kind, core::LayoutNode::Kind::Instance) << node.label;
}

} // namespace
} // namespace blastline::importers
