// SPDX-License-Identifier: MIT
#include "blastline/core/LayeredLayout.h"

#include "LayoutGroups.h"
#include "LayoutPlacement.h"

#include "blastline/core/ResourceGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <iterator>
#include <map>
#include <unordered_map>

namespace blastline::core {

namespace {

constexpr std::size_t kNotShown = std::numeric_limits<std::size_t>::max();

bool isOpen(const std::string& key, bool openByDefault, const LayoutOptions& options)
{
    if (options.expanded.count(key) != 0)
        return true;
    if (options.collapsed.count(key) != 0)
        return false;
    return openByDefault;
}

/** Which node of the layout shows each graph node: itself, its resource's fold, or its outermost collapsed group. */
class UnitBuilder
{
public:
    UnitBuilder(const ResourceGraph& graph, const LayoutGroups& groups, const LayoutOptions& options)
        : m_graph(graph)
        , m_groups(groups)
        , m_options(options)
    { }

    GraphLayout build()
    {
        GraphLayout layout;
        const std::size_t total = m_graph.nodeCount() + m_graph.recoveryPointCount();
        layout.shownBy.assign(total, kNotShown);
        const bool detailed = total <= m_options.detailLimit;
        for (const GroupInfo& info : m_groups.groups()) {
            LayoutGroup group;
            group.key = info.key;
            group.label = info.label;
            group.parent = info.parent;
            group.collapsed = !info.key.empty() && !isOpen(info.key, detailed, m_options);
            m_groupIndex.emplace(group.key, layout.groups.size());
            layout.groups.push_back(std::move(group));
        }
        std::map<std::string, std::size_t> foldSizes;
        for (std::uint32_t index = 0; index < m_graph.nodeCount(); ++index) {
            const ResourceInstance& instance = m_graph.instance(NodeId {index});
            if (instance.isManaged())
                ++foldSizes[instance.address.resourceString()];
        }
        std::map<std::string, std::size_t> unitOfKey; // fold or collapsed group -> node index
        for (std::uint32_t index = 0; index < total; ++index) {
            const NodeId node {index};
            if (!shown(node))
                continue;
            const std::string& groupKey = m_groups.groupOf(node);
            countMember(layout, groupKey);
            if (const LayoutGroup* closed = outermostCollapsed(layout, groupKey)) {
                addToFold(layout, unitOfKey, closed->key, closed->label, closed->key, node);
                continue;
            }
            if (!m_graph.isRecoveryPoint(node)) {
                const ResourceInstance& instance = m_graph.instance(node);
                const std::string resource = instance.address.resourceString();
                const std::size_t size = foldSizes[resource];
                if (size > m_options.foldInstancesAbove && !isOpen(resource, false, m_options)) {
                    addToFold(layout, unitOfKey, resource, resource + " \u00d7" + std::to_string(size), groupKey, node);
                    continue;
                }
                LayoutNode unit;
                unit.kind = LayoutNode::Kind::Instance;
                unit.node = node;
                unit.label = instance.displayName();
                unit.group = groupKey;
                if (size > m_options.foldInstancesAbove)
                    unit.fold = resource;
                layout.shownBy[index] = layout.nodes.size();
                layout.nodes.push_back(std::move(unit));
                continue;
            }
            LayoutNode unit;
            unit.kind = LayoutNode::Kind::RecoveryPoint;
            unit.node = node;
            unit.label = m_graph.nodeName(node);
            unit.group = groupKey;
            layout.shownBy[index] = layout.nodes.size();
            layout.nodes.push_back(std::move(unit));
        }
        for (LayoutNode& unit : layout.nodes) {
            const bool collapsedGroup = unit.kind == LayoutNode::Kind::Fold && unit.fold == unit.group;
            if (collapsedGroup)
                unit.label += " (" + std::to_string(unit.members.size()) + ")";
        }
        addEdges(layout);
        return layout;
    }

private:
    bool shown(NodeId node) const
    {
        if (m_graph.isRecoveryPoint(node))
            return m_options.recoveryPoints;
        return m_graph.instance(node).isManaged(); // data sources are never destroyed: left out of the picture
    }

    /** The group of that key, or null. */
    LayoutGroup* groupKeyed(GraphLayout& layout, const std::string& key) const
    {
        const auto found = m_groupIndex.find(key);
        return found == m_groupIndex.end() ? nullptr : &layout.groups[found->second];
    }

    /** Counts a node in its group and in every group around it. */
    void countMember(GraphLayout& layout, const std::string& groupKey) const
    {
        for (LayoutGroup* group = groupKeyed(layout, groupKey); group != nullptr;
             group = group->parent.empty() ? nullptr : groupKeyed(layout, group->parent))
            ++group->memberCount;
    }

    const LayoutGroup* outermostCollapsed(GraphLayout& layout, const std::string& groupKey) const
    {
        const LayoutGroup* closed = nullptr;
        for (LayoutGroup* group = groupKey.empty() ? nullptr : groupKeyed(layout, groupKey); group != nullptr;
             group = group->parent.empty() ? nullptr : groupKeyed(layout, group->parent)) {
            if (group->collapsed)
                closed = group;
        }
        return closed;
    }

    static void addToFold(GraphLayout& layout, std::map<std::string, std::size_t>& unitOfKey, const std::string& key,
        const std::string& label, const std::string& group, NodeId node)
    {
        auto [entry, inserted] = unitOfKey.emplace(key, layout.nodes.size());
        if (inserted) {
            LayoutNode unit;
            unit.kind = LayoutNode::Kind::Fold;
            unit.fold = key;
            unit.label = label;
            unit.group = group;
            layout.nodes.push_back(std::move(unit));
        }
        layout.nodes[entry->second].members.push_back(node);
        layout.shownBy[node.value] = entry->second;
    }

    void addEdges(GraphLayout& layout) const
    {
        std::map<std::tuple<std::size_t, std::size_t, EdgeKind>, std::size_t> merged;
        for (const Edge& edge : m_graph.edges()) {
            if (edge.kind == EdgeKind::References && !m_options.references)
                continue;
            const std::size_t from = layout.shownBy[edge.from.value];
            const std::size_t to = layout.shownBy[edge.to.value];
            if (from == kNotShown || to == kNotShown || from == to)
                continue;
            const auto [entry, inserted] = merged.emplace(std::make_tuple(from, to, edge.kind), layout.edges.size());
            if (inserted)
                layout.edges.push_back({from, to, edge.kind, 0, {}});
            ++layout.edges[entry->second].count;
        }
    }

    const ResourceGraph& m_graph;
    const LayoutGroups& m_groups;
    const LayoutOptions& m_options;
    std::unordered_map<std::string, std::size_t> m_groupIndex; // LayoutGroup::key -> index in GraphLayout::groups
};

} // namespace

GraphLayout LayeredLayout::compute(const ResourceGraph& graph, const LayoutOptions& options)
{
    const LayoutGroups groups(graph, options.grouping);
    GraphLayout layout = UnitBuilder(graph, groups, options).build();
    LayoutPlacement placement(layout, options);
    placement.order();
    if (options.aspectRatio <= 0) {
        placement.arrange(options.maxRowNodes);
        return layout;
    }
    // Wrapping rows trades width for height; the shape closest to the wanted one wins (compared as a log ratio, so
    // too wide and too tall count alike).
    constexpr std::size_t kRowWidths[] = {2, 3, 4, 6, 8, 12};
    std::size_t best = kRowWidths[0];
    double bestDistance = std::numeric_limits<double>::max();
    for (const std::size_t perRow : kRowWidths) {
        placement.arrange(perRow);
        const double shape = layout.height > 0 ? layout.width / layout.height : 1.0;
        const double distance = std::abs(std::log(shape / options.aspectRatio));
        if (distance < bestDistance) {
            best = perRow;
            bestDistance = distance;
        }
    }
    if (best != kRowWidths[std::size(kRowWidths) - 1])
        placement.arrange(best);
    return layout;
}

std::string LayeredLayout::groupOf(const ResourceGraph& graph, NodeId node, LayoutGrouping grouping)
{
    return LayoutGroups(graph, grouping).groupOf(node);
}

} // namespace blastline::core
