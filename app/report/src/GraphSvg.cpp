// SPDX-License-Identifier: MIT
#include "blastline/report/GraphSvg.h"

#include "blastline/core/DestroySimulation.h"
#include "blastline/core/LayeredLayout.h"
#include "blastline/core/ReplayEngine.h"
#include "blastline/core/ResourceGraph.h"
#include "blastline/report/XmlText.h"

#include <algorithm>
#include <sstream>

namespace blastline::report {

namespace {

constexpr double kMargin = 16;
constexpr double kLegendHeight = 64;
constexpr double kMinimumWidth = 880; // room for the legend's second line
constexpr std::size_t kLabelCharacters = 30; // what fits a 210-point node at 11 px

struct FateStyle
{
    const char* name;
    const char* fill;
    const char* stroke;
};

FateStyle styleOf(NodeFate fate)
{
    switch (fate) {
    case NodeFate::Alive:
        return {"alive", "#dcefdc", "#2f7d32"};
    case NodeFate::Deleted:
        return {"deleted", "#f6cfca", "#b3261e"};
    case NodeFate::Failed:
        return {"failed (still there)", "#fbe3a8", "#a26100"};
    case NodeFate::Pending:
        return {"skipped / pending", "#e4e4e4", "#6b6b6b"};
    }
    return {"alive", "#dcefdc", "#2f7d32"};
}

NodeFate fateOfNode(const core::ResourceGraph& graph, core::NodeId node, const GraphFates& fates)
{
    if (graph.isRecoveryPoint(node)) {
        const std::string& fate = graph.recoveryPoint(node).fate;
        if (fate == "deleted")
            return NodeFate::Deleted;
        if (fate == "expires")
            return NodeFate::Pending;
        return NodeFate::Alive;
    }
    const auto found = fates.byAddress.find(graph.nodeName(node));
    return found == fates.byAddress.end() ? NodeFate::Alive : found->second;
}

/** A fold's fate: its members' when they agree, Failed when any failed, else Pending (a mixed fold). */
NodeFate fateOfLayoutNode(const core::ResourceGraph& graph, const core::LayoutNode& node, const GraphFates& fates)
{
    if (node.node)
        return fateOfNode(graph, *node.node, fates);
    std::optional<NodeFate> common;
    bool mixed = false;
    for (const core::NodeId member : node.members) {
        const NodeFate fate = fateOfNode(graph, member, fates);
        if (fate == NodeFate::Failed)
            return NodeFate::Failed;
        if (common && *common != fate)
            mixed = true;
        common = fate;
    }
    return mixed ? NodeFate::Pending : common.value_or(NodeFate::Alive);
}

bool holdsDataStore(const core::ResourceGraph& graph, const core::LayoutNode& node, const GraphFates& fates)
{
    if (node.kind == core::LayoutNode::Kind::RecoveryPoint)
        return false;
    if (node.node)
        return fates.dataStores.count(graph.nodeName(*node.node)) > 0;
    return std::any_of(node.members.begin(), node.members.end(),
        [&](core::NodeId member) { return fates.dataStores.count(graph.nodeName(member)) > 0; });
}

void writeStyle(std::ostream& out, const std::string& id)
{
    out << "<defs><marker id=\"" << id << "-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
        << "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/>"
        << "</marker></defs>\n";
}

void writeGroups(std::ostream& out, const core::GraphLayout& layout, double dx, double dy)
{
    for (const core::LayoutGroup& group : layout.groups) {
        if (group.key.empty() || group.collapsed)
            continue;
        out << "<g class=\"group\"><rect x=\"" << XmlText::number(group.x + dx) << "\" y=\""
            << XmlText::number(group.y + dy) << "\" width=\"" << XmlText::number(group.width) << "\" height=\""
            << XmlText::number(group.height) << "\" rx=\"6\" fill=\"#f7f9fc\" stroke=\"#9aa7b8\" "
            << "stroke-dasharray=\"6 3\"/><text x=\"" << XmlText::number(group.x + dx + 8) << "\" y=\""
            << XmlText::number(group.y + dy + 15) << "\" font-size=\"11\" font-weight=\"bold\" fill=\"#44546a\">"
            << XmlText::escapeShortened(group.label, 60) << "</text></g>\n";
    }
}

void writeEdges(std::ostream& out, const core::GraphLayout& layout, double dx, double dy, const std::string& id)
{
    for (const core::LayoutEdge& edge : layout.edges) {
        if (edge.points.size() < 2)
            continue;
        out << "<polyline fill=\"none\" stroke=\"#777\" stroke-width=\"1\"";
        if (edge.kind == core::EdgeKind::Protects)
            out << " stroke-dasharray=\"3 3\"";
        out << " marker-end=\"url(#" << id << "-arrow)\" points=\"";
        for (std::size_t i = 0; i < edge.points.size(); ++i) {
            out << (i ? " " : "") << XmlText::number(edge.points[i].first + dx) << ','
                << XmlText::number(edge.points[i].second + dy);
        }
        out << "\"/>\n";
    }
}

void writeNodes(std::ostream& out, const core::ResourceGraph& graph, const core::GraphLayout& layout,
    const GraphFates& fates, double dx, double dy)
{
    for (const core::LayoutNode& node : layout.nodes) {
        const NodeFate fate = fateOfLayoutNode(graph, node, fates);
        const FateStyle style = styleOf(fate);
        const bool dataStore = holdsDataStore(graph, node, fates);
        const bool recoveryPoint = node.kind == core::LayoutNode::Kind::RecoveryPoint;
        const double x = node.x + dx;
        const double y = node.y + dy;
        out << "<g class=\"node\"><title>" << XmlText::escape(node.label) << ": " << style.name
            << (dataStore ? ", data store" : "") << "</title>";
        out << "<rect x=\"" << XmlText::number(x) << "\" y=\"" << XmlText::number(y) << "\" width=\""
            << XmlText::number(node.width) << "\" height=\"" << XmlText::number(node.height) << "\" rx=\""
            << (recoveryPoint ? 14 : 3) << "\" fill=\"" << style.fill << "\" stroke=\"" << style.stroke
            << "\" stroke-width=\"" << (dataStore ? 3 : 1.2) << "\"";
        if (recoveryPoint)
            out << " stroke-dasharray=\"5 3\"";
        out << "/>";
        double textX = x + 8;
        if (dataStore) {
            // A small cylinder: the usual sign of a database, readable without colour.
            const double cx = x + 13;
            const double top = y + node.height / 2 - 7;
            out << "<path d=\"M " << XmlText::number(cx - 6) << ' ' << XmlText::number(top)
                << " v 12 a 6 2.5 0 0 0 12 0 v -12\" "
                << "fill=\"" << style.stroke << "\"/><ellipse cx=\"" << XmlText::number(cx) << "\" cy=\""
                << XmlText::number(top) << "\" rx=\"6\" ry=\"2.5\" fill=\"#ffffff\" stroke=\"" << style.stroke
                << "\"/>";
            textX += 14;
        }
        out << "<text x=\"" << XmlText::number(textX) << "\" y=\"" << XmlText::number(y + node.height / 2 + 4)
            << "\" font-size=\"11\" fill=\"#1d1d1d\""
            << (fate == NodeFate::Deleted ? " text-decoration=\"line-through\"" : "") << ">"
            << XmlText::escapeShortened(node.label, dataStore ? kLabelCharacters - 3 : kLabelCharacters)
            << "</text></g>\n";
    }
}

void writeLegend(std::ostream& out, double y)
{
    out << "<g class=\"legend\" font-size=\"11\" fill=\"#1d1d1d\">";
    double x = kMargin;
    for (const NodeFate fate : {NodeFate::Alive, NodeFate::Deleted, NodeFate::Failed, NodeFate::Pending}) {
        const FateStyle style = styleOf(fate);
        out << "<rect x=\"" << XmlText::number(x) << "\" y=\"" << XmlText::number(y) << "\" width=\"16\" height=\"12\" "
            << "fill=\"" << style.fill << "\" stroke=\"" << style.stroke << "\"/><text x=\"" << XmlText::number(x + 21)
            << "\" y=\"" << XmlText::number(y + 10) << "\">" << style.name << "</text>";
        x += 40 + 7.0 * static_cast<double>(std::string(style.name).size());
    }
    const double second = y + 24;
    out << "<rect x=\"" << XmlText::number(kMargin) << "\" y=\"" << XmlText::number(second)
        << "\" width=\"16\" height=\"12\" fill=\"#ffffff\" stroke=\"#1d1d1d\" stroke-width=\"3\"/><text x=\""
        << XmlText::number(kMargin + 21) << "\" y=\"" << XmlText::number(second + 10) << "\">data store</text>";
    out << "<rect x=\"" << XmlText::number(kMargin + 110) << "\" y=\"" << XmlText::number(second)
        << "\" width=\"16\" height=\"12\" rx=\"6\" fill=\"#ffffff\" stroke=\"#1d1d1d\" stroke-dasharray=\"5 3\"/>"
        << "<text x=\"" << XmlText::number(kMargin + 131) << "\" y=\"" << XmlText::number(second + 10)
        << "\">recovery point</text>";
    out << "<rect x=\"" << XmlText::number(kMargin + 250) << "\" y=\"" << XmlText::number(second)
        << "\" width=\"16\" height=\"12\" fill=\"#f7f9fc\" stroke=\"#9aa7b8\" stroke-dasharray=\"6 3\"/><text x=\""
        << XmlText::number(kMargin + 271) << "\" y=\"" << XmlText::number(second + 10)
        << "\">module or network group</text>";
    out << "<text x=\"" << XmlText::number(kMargin + 460) << "\" y=\"" << XmlText::number(second + 10)
        << "\">arrows: dependent \u2192 dependency (a destroy runs from the top)</text>";
    out << "</g>\n";
}

} // namespace

GraphFates GraphFates::fromSimulation(const core::DestroySimulation& simulation)
{
    GraphFates fates;
    for (const core::Operation& operation : simulation.operations) {
        if (!operation.deletes())
            continue;
        switch (operation.outcome) {
        case core::OperationOutcome::Done:
            fates.byAddress[operation.address] = NodeFate::Deleted;
            break;
        case core::OperationOutcome::Failed:
            fates.byAddress[operation.address] = NodeFate::Failed;
            break;
        case core::OperationOutcome::Skipped:
            fates.byAddress[operation.address] = NodeFate::Pending;
            break;
        }
    }
    return fates;
}

GraphFates GraphFates::fromReplay(const core::ReplayResult& replay)
{
    GraphFates fates;
    for (const core::ReplayResult::Fate& fate : replay.fates)
        fates.byAddress[fate.address] = fate.failed ? NodeFate::Failed : NodeFate::Deleted;
    for (const core::ReplayOutcome::DataStore& store : replay.outcome.dataStores)
        fates.dataStores.insert(store.address);
    return fates;
}

std::string GraphSvg::render(const core::ResourceGraph& graph, const GraphFates& fates, const std::string& title,
    const std::string& idPrefix, const core::LayoutOptions& options)
{
    const core::GraphLayout layout = core::LayeredLayout::compute(graph, options);
    const double titleHeight = 24;
    const double width = std::max(layout.width + 2 * kMargin, kMinimumWidth);
    const double height = layout.height + 2 * kMargin + titleHeight + kLegendHeight;
    const double dx = kMargin;
    const double dy = kMargin + titleHeight;

    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" role=\"img\" width=\"" << XmlText::number(width)
        << "\" height=\"" << XmlText::number(height) << "\" viewBox=\"0 0 " << XmlText::number(width) << ' '
        << XmlText::number(height) << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n";
    out << "<title>" << XmlText::escape(title) << "</title>\n";
    writeStyle(out, idPrefix);
    out << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    out << "<text x=\"" << XmlText::number(kMargin) << "\" y=\"" << XmlText::number(kMargin + 12)
        << "\" font-size=\"14\" font-weight=\"bold\" fill=\"#1d1d1d\">" << XmlText::escape(title) << "</text>\n";
    writeGroups(out, layout, dx, dy);
    writeEdges(out, layout, dx, dy, idPrefix);
    writeNodes(out, graph, layout, fates, dx, dy);
    writeLegend(out, dy + layout.height + kMargin);
    out << "</svg>\n";
    return out.str();
}

} // namespace blastline::report
