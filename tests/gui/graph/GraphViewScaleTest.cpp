// SPDX-License-Identifier: MIT
#include "GraphTestSupport.h"
#include "gui/graph/EdgeItem.h"
#include "gui/graph/GraphView.h"
#include "gui/graph/NodeItem.h"

#include <QElapsedTimer>
#include <QGraphicsScene>

#include <gtest/gtest.h>

using namespace blastline;
using namespace blastline::gui;
using namespace blastline::gui::test;

TEST(GraphViewScale, fiveThousandInstancesFoldIntoAFewItems)
{
    auto graph = makeGraph(networkDescription(5000));
    ASSERT_EQ(graph->nodeCount(), 5003u);
    GraphView view;
    view.resize(800, 600);
    QElapsedTimer timer;
    timer.start();
    view.setGraph(graph);
    const qint64 laidOut = timer.elapsed();
    RecordProperty("layout_and_scene_ms", static_cast<int>(laidOut));

    const std::size_t items = static_cast<std::size_t>(view.scene()->items().size());
    EXPECT_LE(items, 20u);
    EXPECT_EQ(countItems(*view.scene(), NodeItem::Type), view.layout().nodes.size());
    NodeItem* fold = view.itemFor("aws_instance.web[4999]");
    ASSERT_NE(fold, nullptr);
    ASSERT_TRUE(fold->isFold());
    EXPECT_EQ(view.layout().nodes[fold->layoutIndex()].members.size(), 5000u);
    // The fold stands for 5000 edges to the subnet: one thick edge, not 5000 items.
    std::size_t merged = 0;
    for (const core::LayoutEdge& edge : view.layout().edges)
        merged = std::max(merged, edge.count);
    EXPECT_EQ(merged, 5000u);

    view.setFates({{"aws_instance.web[42]", NodeFate::Deleted}});
    EXPECT_EQ(fold->fate(), NodeFate::Deleted);
    EXPECT_EQ(view.search(QStringLiteral("web[4999]")), 1);
}

TEST(GraphViewScale, expandingTheBigFoldDrawsEveryInstance)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(5000)));
    view.expand("aws_instance.web");
    EXPECT_EQ(countItems(*view.scene(), NodeItem::Type), view.layout().nodes.size());
    EXPECT_GE(view.layout().nodes.size(), 5003u);
    EXPECT_EQ(countItems(*view.scene(), EdgeItem::Type), view.layout().edges.size());
    // Zoomed out to the whole picture, the level of detail still renders (outlines, no text).
    view.fitToView();
    EXPECT_LT(view.zoom(), 0.2);
    EXPECT_FALSE(view.grab().isNull());
}
