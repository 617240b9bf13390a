// SPDX-License-Identifier: MIT
#include "GraphTestSupport.h"
#include "TemporaryDirectory.h"
#include "gui/graph/GraphLegend.h"
#include "gui/graph/GraphView.h"

#include <QFile>
#include <QGraphicsScene>
#include <QImage>

#include <gtest/gtest.h>

#include <algorithm>

using namespace blastline;
using namespace blastline::gui;
using namespace blastline::gui::test;

namespace {

QString pathIn(const blastline::testing::TemporaryDirectory& folder, const char* name)
{
    return QString::fromStdString((folder.path() / name).string());
}

} // namespace

TEST(GraphViewExport, svgHoldsTheNodeLabelsAsText)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(8)));
    view.setFates({{"aws_db_instance.main", NodeFate::Deleted}});
    const blastline::testing::TemporaryDirectory folder;
    const QString path = pathIn(folder, "graph.svg");
    ASSERT_TRUE(view.exportSvg(path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    EXPECT_TRUE(svg.contains("<svg"));
    EXPECT_TRUE(svg.contains("aws_db_instance.main"));
    EXPECT_TRUE(svg.contains("aws_subnet.a"));
    EXPECT_TRUE(svg.contains("aws_instance.web"));
    EXPECT_TRUE(svg.contains("to be deleted")); // the legend comes along
    // Vector, not a picture of one: the item caches are off while exporting.
    EXPECT_FALSE(svg.contains("<image"));
}

TEST(GraphViewExport, pngIsTheWholeSceneAndNotBlank)
{
    GraphView view;
    view.setGraph(makeGraph(networkDescription(3)));
    view.setFates({{"aws_db_instance.main", NodeFate::Deleted}});
    const blastline::testing::TemporaryDirectory folder;
    const QString path = pathIn(folder, "graph.png");
    ASSERT_TRUE(view.exportPng(path, 2.0));
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    const QSizeF scene = view.scene()->sceneRect().size();
    // The scene, and the legend in a column to its right.
    EXPECT_GT(image.width(), (scene.width() + GraphLegend::legendSize().width()) * 2 - 1);
    EXPECT_LT(image.width(), (scene.width() + GraphLegend::legendSize().width()) * 2 + 100);
    EXPECT_NEAR(image.height(), std::max(scene.height(), GraphLegend::legendSize().height()) * 2, 80.0);
    const QRgb background = image.pixel(0, 0);
    qsizetype drawn = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            drawn += image.pixel(x, y) != background ? 1 : 0;
    }
    // Nodes, edges and group boxes cover a good part of the picture.
    EXPECT_GT(drawn, static_cast<qsizetype>(image.width()) * image.height() / 20);
}

TEST(GraphViewExport, failsWithoutAGraphOrAWritablePath)
{
    GraphView view;
    const blastline::testing::TemporaryDirectory folder;
    EXPECT_FALSE(view.exportPng(pathIn(folder, "empty.png")));
    EXPECT_FALSE(view.exportSvg(pathIn(folder, "empty.svg")));
    view.setGraph(makeGraph("aws_vpc.main"));
    EXPECT_FALSE(view.exportPng(pathIn(folder, "no/such/folder/graph.png")));
}
