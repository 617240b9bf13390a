// SPDX-License-Identifier: MIT
#include "gui/graph/NodeStates.h"

#include "GraphTestSupport.h"

#include "blastline/core/LayeredLayout.h"

#include <gtest/gtest.h>

using namespace blastline;
using namespace blastline::gui;
using namespace blastline::gui::test;

TEST(NodeFate, worstFateOrdersDeletedFirstAndAliveLast)
{
    EXPECT_EQ(worseFate(NodeFate::Alive, NodeFate::Deleted), NodeFate::Deleted);
    EXPECT_EQ(worseFate(NodeFate::Deleted, NodeFate::Pending), NodeFate::Deleted);
    EXPECT_EQ(worseFate(NodeFate::Failed, NodeFate::Pending), NodeFate::Pending);
    EXPECT_EQ(worseFate(NodeFate::Skipped, NodeFate::Failed), NodeFate::Failed);
    EXPECT_EQ(worseFate(NodeFate::Unknown, NodeFate::Skipped), NodeFate::Skipped);
    EXPECT_EQ(worseFate(NodeFate::Alive, NodeFate::Unknown), NodeFate::Unknown);
    EXPECT_EQ(fateName(NodeFate::Pending), QStringLiteral("to be deleted"));
}

TEST(NodeFate, recoveryPointFatesMapFromTheEngine)
{
    core::RecoveryPointNode point;
    for (const auto& [text, fate] : {std::pair {"survives", NodeFate::Alive}, std::pair {"created", NodeFate::Alive},
             std::pair {"deleted", NodeFate::Deleted}, std::pair {"expires", NodeFate::Pending},
             std::pair {"", NodeFate::Unknown}}) {
        point.fate = text;
        EXPECT_EQ(fateOfRecoveryPoint(point), fate) << text;
    }
}

TEST(NodeStates, tooltipGivesTypeAndFate)
{
    auto graph = makeGraph(networkDescription(8));
    const core::GraphLayout layout = core::LayeredLayout::compute(*graph);
    NodeStates states;
    states.setFates({{"aws_db_instance.main", NodeFate::Deleted}, {"aws_instance.web[2]", NodeFate::Pending}});
    states.setDataStores({"aws_db_instance.main"});

    const core::LayoutNode& database = layout.nodes[*layout.indexOf(*graph->find("aws_db_instance.main"))];
    const QString tip = states.toolTip(*graph, database);
    EXPECT_TRUE(tip.contains(QStringLiteral("aws_db_instance.main"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("type: aws_db_instance"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("fate: deleted"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("data store"))) << tip.toStdString();

    const core::LayoutNode& fold = layout.nodes[*layout.indexOf(*graph->find("aws_instance.web[0]"))];
    ASSERT_EQ(fold.kind, core::LayoutNode::Kind::Fold);
    const QString foldTip = states.toolTip(*graph, fold);
    EXPECT_TRUE(foldTip.contains(QStringLiteral("8 resources"))) << foldTip.toStdString();
    EXPECT_TRUE(foldTip.contains(QStringLiteral("to be deleted"))) << foldTip.toStdString();
    EXPECT_FALSE(states.isDataStore(*graph, fold));
}
