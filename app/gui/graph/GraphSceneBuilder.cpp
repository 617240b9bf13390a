// SPDX-License-Identifier: MIT
#include "gui/graph/GraphSceneBuilder.h"

#include "gui/graph/EdgeItem.h"
#include "gui/graph/GroupItem.h"
#include "gui/graph/NodeItem.h"

#include "blastline/core/ResourceGraph.h"

#include <QGraphicsScene>

#include <map>
#include <string>

namespace blastline::gui {

namespace {

// Measured on the 5,000-instance test graph (10,000 edges): antialiasing them made every frame markedly slower.
constexpr std::size_t kAntialiasedEdgeLimit = 2000;

NodeItem::Kind kindOf(const core::LayoutNode& node)
{
    switch (node.kind) {
    case core::LayoutNode::Kind::Instance:
        return NodeItem::Kind::Resource;
    case core::LayoutNode::Kind::RecoveryPoint:
        return NodeItem::Kind::RecoveryPoint;
    case core::LayoutNode::Kind::Fold:
        return NodeItem::Kind::Fold;
    }
    return NodeItem::Kind::Resource;
}

QString groupLabel(const core::LayoutGroup& group, core::LayoutGrouping grouping)
{
    if (!group.label.empty())
        return QString::fromStdString(group.label);
    if (!group.key.empty())
        return QString::fromStdString(group.key);
    return grouping == core::LayoutGrouping::Module ? QStringLiteral("root module") : QStringLiteral("no VPC");
}

} // namespace

GraphSceneItems GraphSceneBuilder::build(QGraphicsScene& scene, const core::GraphLayout& layout,
    const core::ResourceGraph& graph, const core::LayoutOptions& options, const FatePalette* palette)
{
    GraphSceneItems items;
    std::map<std::string, int> depthOf;
    for (const core::LayoutGroup& group : layout.groups) {
        // Outer groups come first, so a group's parent already has its depth.
        const auto parent = depthOf.find(group.parent);
        const int depth = group.parent.empty() || parent == depthOf.end() ? 0 : parent->second + 1;
        depthOf[group.key] = depth;
        if (group.collapsed)
            continue; // a Fold node stands for it
        auto* item =
            new GroupItem(QString::fromStdString(group.key), groupLabel(group, options.grouping), group.memberCount,
                QRectF(group.x, group.y, group.width, group.height), options.groupHeader, depth, palette);
        scene.addItem(item);
        items.groups.push_back(item);
    }

    items.nodes.reserve(layout.nodes.size());
    for (std::size_t index = 0; index < layout.nodes.size(); ++index) {
        const core::LayoutNode& node = layout.nodes[index];
        const QString address = node.node ? QString::fromStdString(graph.nodeName(*node.node)) : QString();
        auto* item = new NodeItem(index, kindOf(node), QRectF(node.x, node.y, node.width, node.height),
            QString::fromStdString(node.label), address, QString::fromStdString(node.fold), palette);
        scene.addItem(item);
        items.nodes.push_back(item);
    }

    items.edgesOfNode.resize(layout.nodes.size());
    items.edges.reserve(layout.edges.size());
    for (const core::LayoutEdge& edge : layout.edges) {
        QPolygonF points;
        points.reserve(static_cast<qsizetype>(edge.points.size()));
        for (const auto& [x, y] : edge.points)
            points.append(QPointF(x, y));
        auto* item = new EdgeItem(std::move(points), edge.kind, edge.count, palette);
        item->setAntialiased(layout.edges.size() <= kAntialiasedEdgeLimit);
        scene.addItem(item);
        items.edges.push_back(item);
        if (edge.from < items.edgesOfNode.size())
            items.edgesOfNode[edge.from].push_back(item);
        if (edge.to < items.edgesOfNode.size() && edge.to != edge.from)
            items.edgesOfNode[edge.to].push_back(item);
    }
    return items;
}

} // namespace blastline::gui
