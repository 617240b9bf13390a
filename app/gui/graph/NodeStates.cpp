// SPDX-License-Identifier: MIT
#include "gui/graph/NodeStates.h"

#include "blastline/core/ResourceGraph.h"

namespace blastline::gui {

template<typename Predicate> bool NodeStates::anyMember(const core::LayoutNode& node, Predicate predicate) const
{
    if (node.kind != core::LayoutNode::Kind::Fold)
        return node.node && predicate(*node.node);
    for (const core::NodeId member : node.members) {
        if (predicate(member))
            return true;
    }
    return false;
}

NodeFate NodeStates::fateOf(const core::ResourceGraph& graph, core::NodeId node) const
{
    const auto found = m_fates.find(graph.nodeName(node));
    if (found != m_fates.end())
        return found->second;
    if (graph.isRecoveryPoint(node))
        return fateOfRecoveryPoint(graph.recoveryPoint(node));
    return NodeFate::Alive;
}

NodeFate NodeStates::fateOf(const core::ResourceGraph& graph, const core::LayoutNode& node) const
{
    if (node.kind != core::LayoutNode::Kind::Fold)
        return node.node ? fateOf(graph, *node.node) : NodeFate::Unknown;
    if (node.members.empty())
        return NodeFate::Unknown;
    NodeFate worst = NodeFate::Alive;
    for (const core::NodeId member : node.members)
        worst = worseFate(worst, fateOf(graph, member));
    return worst;
}

bool NodeStates::isDataStore(const core::ResourceGraph& graph, const core::LayoutNode& node) const
{
    if (m_dataStores.empty())
        return false;
    return anyMember(node, [&](core::NodeId member) {
        return !graph.isRecoveryPoint(member) && m_dataStores.contains(graph.nodeName(member));
    });
}

bool NodeStates::isHighlighted(const core::ResourceGraph& graph, const core::LayoutNode& node) const
{
    if (m_highlighted.empty())
        return false;
    return anyMember(node, [&](core::NodeId member) { return m_highlighted.contains(graph.nodeName(member)); });
}

QString NodeStates::toolTip(const core::ResourceGraph& graph, const core::LayoutNode& node) const
{
    const QString fate = fateName(fateOf(graph, node));
    if (node.kind == core::LayoutNode::Kind::Fold) {
        return QStringLiteral("%1\n%2 resources, worst fate: %3\nDouble-click or + to expand")
            .arg(QString::fromStdString(node.label))
            .arg(node.members.size())
            .arg(fate);
    }
    if (!node.node)
        return QString::fromStdString(node.label);
    const QString name = QString::fromStdString(graph.nodeName(*node.node));
    if (graph.isRecoveryPoint(*node.node)) {
        const core::RecoveryPointNode& point = graph.recoveryPoint(*node.node);
        QString text = QStringLiteral("%1\ntype: recovery point (%2)\nfate: %3")
                           .arg(name, QString::fromStdString(point.kind), fate);
        if (!point.until.empty())
            text += QStringLiteral(" until %1").arg(QString::fromStdString(point.until));
        return text;
    }
    QString text = QStringLiteral("%1\ntype: %2\nfate: %3")
                       .arg(name, QString::fromStdString(graph.instance(*node.node).type()), fate);
    if (isDataStore(graph, node))
        text += QStringLiteral("\ndata store");
    if (isHighlighted(graph, node))
        text += QStringLiteral("\nchanged by the safeguard");
    return text;
}

} // namespace blastline::gui
