// SPDX-License-Identifier: MIT
#include "GraphTestSupport.h"
#include "gui/graph/GraphView.h"
#include "gui/graph/GroupItem.h"
#include "gui/graph/NodeItem.h"

#include <QGraphicsScene>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <cmath>

using namespace blastline;
using namespace blastline::gui;
using namespace blastline::gui::test;

namespace {

/** A shown view small enough that any node can be centred in it, at a zoom of one. */
class ShownView : public ::testing::Test
{
protected:
    void SetUp() override
    {
        view.resize(160, 120);
        view.setGraph(makeGraph(networkDescription(8)));
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
        view.setTransform(QTransform());
    }

    QPointF viewCentre() const { return view.mapToScene(view.viewport()->rect().center()); }
    QPoint viewPointOf(const QPointF& scenePoint) const { return view.mapFromScene(scenePoint); }

    GraphView view;
};

} // namespace

TEST_F(ShownView, selectAddressExpandsTheFoldEmitsAndCentres)
{
    QSignalSpy selected(&view, &GraphView::addressSelected);
    view.selectAddress("aws_instance.web[5]");
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toString(), QStringLiteral("aws_instance.web[5]"));
    NodeItem* item = nodeItem(view, "aws_instance.web[5]");
    ASSERT_NE(item, nullptr); // the fold was opened to show it
    EXPECT_TRUE(item->isSelected());
    const QPointF offset = viewCentre() - item->sceneBoundingRect().center();
    EXPECT_LT(std::hypot(offset.x(), offset.y()), 2.0);

    view.selectAddress("aws_instance.web[5]"); // already selected: no second signal
    EXPECT_EQ(selected.count(), 1);
    view.selectAddress("no.such_resource");
    EXPECT_EQ(selected.count(), 1);
    EXPECT_TRUE(item->isSelected());
}

TEST_F(ShownView, clickingANodeSelectsItAndTheBackgroundClearsIt)
{
    QSignalSpy selected(&view, &GraphView::addressSelected);
    QSignalSpy cleared(&view, &GraphView::selectionCleared);
    NodeItem* vpc = nodeItem(view, "aws_vpc.main");
    ASSERT_NE(vpc, nullptr);
    view.centerOn(vpc);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewPointOf(vpc->sceneBoundingRect().center()));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toString(), QStringLiteral("aws_vpc.main"));

    // The scene's margin, outside every node and group.
    const QPointF margin = view.scene()->sceneRect().topLeft() + QPointF(4, 4);
    view.centerOn(margin);
    ASSERT_EQ(view.itemAt(viewPointOf(margin)), nullptr);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewPointOf(margin));
    EXPECT_EQ(cleared.count(), 1);
}

TEST_F(ShownView, thePlusOfAFoldAndADoubleClickExpand)
{
    NodeItem* fold = view.itemFor("aws_instance.web[0]");
    ASSERT_TRUE(fold && fold->isFold());
    view.centerOn(fold);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewPointOf(fold->expandButtonRect().center()));
    EXPECT_NE(nodeItem(view, "aws_instance.web[0]"), nullptr);

    view.collapse("aws_instance.web");
    fold = view.itemFor("aws_instance.web[0]");
    ASSERT_TRUE(fold && fold->isFold());
    view.centerOn(fold);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, viewPointOf(fold->rect().center()));
    EXPECT_NE(nodeItem(view, "aws_instance.web[0]"), nullptr);
}

TEST_F(ShownView, theMinusInAGroupHeaderCollapsesIt)
{
    view.setGraph(makeGraph("module.app.aws_instance.a; module.app.aws_instance.b -> module.app.aws_instance.a"));
    view.setTransform(QTransform());
    GroupItem* group = nullptr;
    for (QGraphicsItem* item : view.scene()->items()) {
        if (item->type() == GroupItem::Type && static_cast<GroupItem*>(item)->key() == QStringLiteral("module.app"))
            group = static_cast<GroupItem*>(item);
    }
    ASSERT_NE(group, nullptr);
    view.centerOn(group->collapseButtonRect().center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewPointOf(group->collapseButtonRect().center()));
    NodeItem* fold = view.itemFor("module.app.aws_instance.a");
    ASSERT_NE(fold, nullptr);
    EXPECT_TRUE(fold->isFold());
}

TEST_F(ShownView, keysAndWheelZoom)
{
    const qreal start = view.zoom();
    QTest::keyClick(&view, Qt::Key_Plus);
    EXPECT_GT(view.zoom(), start);
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    EXPECT_LT(view.zoom(), start);
    QTest::keyClick(&view, Qt::Key_0);
    // Fitted: the whole scene is inside the viewport.
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect().adjusted(-1, -1, 1, 1);
    EXPECT_TRUE(visible.contains(view.scene()->sceneRect()));

    const qreal fitted = view.zoom();
    const QPointF at(view.viewport()->rect().center());
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    EXPECT_GT(view.zoom(), fitted);
}

TEST_F(ShownView, zoomStaysWithinItsBounds)
{
    for (int step = 0; step < 100; ++step)
        view.zoomBy(2);
    EXPECT_LE(view.zoom(), 6.0 + 1e-9);
    for (int step = 0; step < 100; ++step)
        view.zoomBy(0.5);
    EXPECT_GE(view.zoom(), 0.02 - 1e-9);
}

TEST(GraphViewLegend, sitsBesideTheGraphWhenThereIsRoomAndNeverCoversIt)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(2)));
    view.resize(1200, 800);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    const auto* legend = view.findChild<QWidget*>(QStringLiteral("graphLegend"));
    ASSERT_TRUE(view.isLegendVisible());
    ASSERT_NE(legend, nullptr);
    EXPECT_TRUE(legend->isVisible());
    EXPECT_FALSE(legend->geometry().intersects(view.viewport()->geometry()));

    view.resize(300, 200); // too narrow for both: the graph wins
    QCoreApplication::processEvents();
    EXPECT_FALSE(legend->isVisible());
    EXPECT_EQ(view.viewport()->geometry().left(), view.frameWidth());

    view.resize(1200, 800);
    view.setLegendVisible(false);
    EXPECT_FALSE(legend->isVisible());
}

TEST(GraphViewPalette, followsASwitchToADarkPalette)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(2)));
    const QImage light = renderScene(view);
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, Qt::white);
    view.setPalette(dark);
    EXPECT_EQ(view.backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
    EXPECT_NE(renderScene(view), light);
}
