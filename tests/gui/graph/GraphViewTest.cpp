// SPDX-License-Identifier: MIT
#include "gui/graph/GraphView.h"

#include "GraphBuilder.h"
#include "GraphTestSupport.h"
#include "gui/graph/EdgeItem.h"
#include "gui/graph/GroupItem.h"
#include "gui/graph/NodeItem.h"

#include "blastline/core/LayeredLayout.h"

#include <QGraphicsScene>

#include <gtest/gtest.h>

#include <algorithm>

using namespace blastline;
using namespace blastline::gui;
using namespace blastline::gui::test;

namespace {

std::size_t expandedGroups(const core::GraphLayout& layout)
{
    return static_cast<std::size_t>(
        std::count_if(layout.groups.begin(), layout.groups.end(), [](const auto& group) { return !group.collapsed; }));
}

} // namespace

TEST(GraphView, drawsOneItemPerLayoutNodeEdgeAndOpenGroup)
{
    GraphView view;
    view.setGraph(
        makeGraph("module.app.aws_instance.a -> aws_vpc.main; module.app.aws_instance.b -> module.app.aws_instance.a;"
                  "aws_vpc.main; aws_s3_bucket.logs"));
    const core::GraphLayout& layout = view.layout();
    ASSERT_EQ(layout.nodes.size(), 4u);
    EXPECT_EQ(countItems(*view.scene(), NodeItem::Type), layout.nodes.size());
    EXPECT_EQ(countItems(*view.scene(), EdgeItem::Type), layout.edges.size());
    EXPECT_EQ(countItems(*view.scene(), GroupItem::Type), expandedGroups(layout));
    EXPECT_GE(layout.edges.size(), 2u);
    // The picture is the one core computes for the same graph, node for node.
    const core::GraphLayout direct = core::LayeredLayout::compute(
        *makeGraph("module.app.aws_instance.a -> aws_vpc.main; module.app.aws_instance.b -> module.app.aws_instance.a;"
                   "aws_vpc.main; aws_s3_bucket.logs"));
    ASSERT_EQ(direct.nodes.size(), layout.nodes.size());
    for (std::size_t index = 0; index < layout.nodes.size(); ++index) {
        EXPECT_EQ(direct.nodes[index].label, layout.nodes[index].label);
        EXPECT_DOUBLE_EQ(direct.nodes[index].x, layout.nodes[index].x);
    }
    NodeItem* item = nodeItem(view, "module.app.aws_instance.b");
    ASSERT_NE(item, nullptr);
    const core::LayoutNode& node = layout.nodes[item->layoutIndex()];
    EXPECT_EQ(item->rect(), QRectF(node.x, node.y, node.width, node.height));
    EXPECT_TRUE(view.scene()->sceneRect().contains(item->rect()));
}

TEST(GraphView, emptyUntilAGraphIsSet)
{
    GraphView view;
    EXPECT_TRUE(view.scene()->items().isEmpty());
    EXPECT_EQ(view.search(QStringLiteral("web")), 0);
    view.selectAddress("aws_vpc.main"); // no graph: nothing to select, no crash
    view.setGraph(makeGraph("aws_vpc.main"));
    EXPECT_EQ(countItems(*view.scene(), NodeItem::Type), 1u);
    view.setGraph(nullptr);
    EXPECT_TRUE(view.scene()->items().isEmpty());
}

TEST(GraphView, setFatesRecoloursWithoutRelayout)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(3)));
    NodeItem* database = nodeItem(view, "aws_db_instance.main");
    NodeItem* vpc = nodeItem(view, "aws_vpc.main");
    ASSERT_NE(database, nullptr);
    ASSERT_NE(vpc, nullptr);
    EXPECT_EQ(database->fate(), NodeFate::Alive);
    const QImage before = renderScene(view);

    view.setFates({{"aws_db_instance.main", NodeFate::Deleted}, {"aws_vpc.main", NodeFate::Failed}});
    // The same items (no re-layout), with new fates and a new picture.
    EXPECT_EQ(nodeItem(view, "aws_db_instance.main"), database);
    EXPECT_EQ(database->fate(), NodeFate::Deleted);
    EXPECT_EQ(vpc->fate(), NodeFate::Failed);
    EXPECT_EQ(nodeItem(view, "aws_subnet.a")->fate(), NodeFate::Alive); // not in the map
    EXPECT_NE(renderScene(view), before);

    view.setFates({});
    EXPECT_EQ(database->fate(), NodeFate::Alive);
}

TEST(GraphView, aFoldTakesTheWorstFateOfItsMembers)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(8)));
    NodeItem* fold = view.itemFor("aws_instance.web[3]");
    ASSERT_NE(fold, nullptr);
    ASSERT_TRUE(fold->isFold());
    EXPECT_EQ(fold->foldKey(), QStringLiteral("aws_instance.web"));
    view.setFates({{"aws_instance.web[1]", NodeFate::Skipped}, {"aws_instance.web[3]", NodeFate::Pending}});
    EXPECT_EQ(fold->fate(), NodeFate::Pending);
    view.setFates({{"aws_instance.web[1]", NodeFate::Deleted}, {"aws_instance.web[3]", NodeFate::Pending}});
    EXPECT_EQ(fold->fate(), NodeFate::Deleted);
}

TEST(GraphView, expandingAFoldReLaysOutAndShowsItsMembers)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(8)));
    const std::size_t foldedNodes = view.layout().nodes.size();
    EXPECT_EQ(nodeItem(view, "aws_instance.web[5]"), nullptr);
    view.setFates({{"aws_instance.web[5]", NodeFate::Deleted}});

    view.expand("aws_instance.web");
    EXPECT_EQ(view.layout().nodes.size(), foldedNodes - 1 + 8);
    EXPECT_EQ(countItems(*view.scene(), NodeItem::Type), view.layout().nodes.size());
    EXPECT_EQ(countItems(*view.scene(), EdgeItem::Type), view.layout().edges.size());
    for (int index = 0; index < 8; ++index) {
        const std::string address = "aws_instance.web[" + std::to_string(index) + "]";
        NodeItem* member = nodeItem(view, address);
        ASSERT_NE(member, nullptr) << address;
        EXPECT_EQ(member->foldKey(), QStringLiteral("aws_instance.web")); // can be folded again
    }
    // Fates survive the re-layout.
    EXPECT_EQ(nodeItem(view, "aws_instance.web[5]")->fate(), NodeFate::Deleted);

    view.collapse("aws_instance.web");
    EXPECT_EQ(view.layout().nodes.size(), foldedNodes);
    EXPECT_EQ(nodeItem(view, "aws_instance.web[5]"), nullptr);
}

TEST(GraphView, collapsingAGroupDrawsItAsOneFold)
{
    GraphView view;
    view.setGraph(makeGraph("module.app.aws_instance.a; module.app.aws_instance.b -> module.app.aws_instance.a;"
                            "aws_vpc.main"));
    const std::size_t groupsBefore = countItems(*view.scene(), GroupItem::Type);
    view.collapse("module.app");
    EXPECT_EQ(countItems(*view.scene(), GroupItem::Type), groupsBefore - 1);
    NodeItem* fold = view.itemFor("module.app.aws_instance.b");
    ASSERT_NE(fold, nullptr);
    EXPECT_TRUE(fold->isFold());
    EXPECT_EQ(fold->foldKey(), QStringLiteral("module.app"));
    EXPECT_EQ(view.layout().nodes[fold->layoutIndex()].members.size(), 2u);
    view.expand("module.app");
    EXPECT_FALSE(view.itemFor("module.app.aws_instance.b")->isFold());
}

TEST(GraphView, searchHighlightsMatchesAndCountsThem)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(8)));
    // Folded, the eight web instances are one node that matches.
    EXPECT_EQ(view.search(QStringLiteral("web")), 1);
    EXPECT_TRUE(view.itemFor("aws_instance.web[0]")->isSearchMatch());
    EXPECT_FALSE(nodeItem(view, "aws_vpc.main")->isSearchMatch());

    view.expand("aws_instance.web"); // the search is kept across the re-layout
    EXPECT_TRUE(nodeItem(view, "aws_instance.web[7]")->isSearchMatch());
    EXPECT_EQ(view.search(QStringLiteral("WEB[")), 8);
    EXPECT_EQ(view.search(QStringLiteral("aws_")), static_cast<int>(view.layout().nodes.size()));
    EXPECT_EQ(view.search(QStringLiteral("nothing like this")), 0);
    EXPECT_EQ(view.search(QString()), 0);
    for (const QGraphicsItem* item : view.scene()->items()) {
        if (item->type() == NodeItem::Type) {
            EXPECT_FALSE(static_cast<const NodeItem*>(item)->isSearchMatch());
        }
    }
}

TEST(GraphView, dataStoresAndHighlightsAreDrawnDistinctly)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(2)));
    const QImage plain = renderScene(view);
    view.setDataStores({"aws_db_instance.main"});
    EXPECT_TRUE(nodeItem(view, "aws_db_instance.main")->isDataStore());
    EXPECT_FALSE(nodeItem(view, "aws_vpc.main")->isDataStore());
    const QImage withStore = renderScene(view);
    EXPECT_NE(withStore, plain);

    view.setHighlighted({"aws_db_instance.main"});
    EXPECT_TRUE(nodeItem(view, "aws_db_instance.main")->isHighlighted());
    EXPECT_FALSE(nodeItem(view, "aws_subnet.a")->isHighlighted());
    EXPECT_NE(renderScene(view), withStore);

    // Both are kept when the graph comes back (a safeguard re-ran the engine).
    view.setGraph(makeGraph(networkDescription(2)));
    EXPECT_TRUE(nodeItem(view, "aws_db_instance.main")->isDataStore());
    EXPECT_TRUE(nodeItem(view, "aws_db_instance.main")->isHighlighted());
}

TEST(GraphView, recoveryPointsTakeTheirFateFromTheEngine)
{
    auto graph = makeGraph(networkDescription(1));
    const core::NodeId database = *graph->find("aws_db_instance.main");
    graph->addRecoveryPoint({"rds:main-auto", "automated-backups", "deleted", "", "rule"}, database, std::nullopt);
    graph->addRecoveryPoint({"rds:main-final", "final-snapshot", "created", "", "rule"}, database, std::nullopt);
    GraphView view;
    view.setGraph(graph);
    NodeItem* automated = nodeItem(view, "recovery point rds:main-auto");
    NodeItem* final = nodeItem(view, "recovery point rds:main-final");
    ASSERT_NE(automated, nullptr);
    ASSERT_NE(final, nullptr);
    EXPECT_EQ(automated->kind(), NodeItem::Kind::RecoveryPoint);
    EXPECT_EQ(automated->fate(), NodeFate::Deleted);
    EXPECT_EQ(final->fate(), NodeFate::Alive);
    // A Protects edge joins each point to the database.
    const auto protects = std::count_if(view.layout().edges.begin(), view.layout().edges.end(),
        [](const auto& edge) { return edge.kind == core::EdgeKind::Protects; });
    EXPECT_EQ(protects, 2);
    // The timeline may say otherwise at a given moment: the map wins.
    view.setFates({{"recovery point rds:main-auto", NodeFate::Alive}});
    EXPECT_EQ(automated->fate(), NodeFate::Alive);
}

TEST(GraphView, groupsByNetworkOnRequest)
{
    core::TerraformState state = core::test::makeState(networkDescription(2));
    core::test::setAttribute(state, "aws_vpc.main", "id", core::AttributeValue::string("vpc-0abc"));
    core::test::setAttribute(state, "aws_subnet.a", "id", core::AttributeValue::string("subnet-0def"));
    core::test::setAttribute(state, "aws_subnet.a", "vpc_id", core::AttributeValue::string("vpc-0abc"));
    for (const char* web : {"aws_instance.web[0]", "aws_instance.web[1]"})
        core::test::setAttribute(state, web, "subnet_id", core::AttributeValue::string("subnet-0def"));
    GraphView view;
    view.setGraph(std::make_shared<core::ResourceGraph>(std::move(state)));
    view.setGrouping(core::LayoutGrouping::Network);
    EXPECT_EQ(view.layoutOptions().grouping, core::LayoutGrouping::Network);
    QStringList keys;
    for (const QGraphicsItem* item : view.scene()->items()) {
        if (item->type() == GroupItem::Type)
            keys.append(static_cast<const GroupItem*>(item)->key());
    }
    EXPECT_TRUE(keys.contains(QStringLiteral("vpc-0abc"))) << keys.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(countItems(*view.scene(), GroupItem::Type), expandedGroups(view.layout()));
    EXPECT_EQ(nodeItem(view, "aws_instance.web[1]")->address(), QStringLiteral("aws_instance.web[1]"));
}
