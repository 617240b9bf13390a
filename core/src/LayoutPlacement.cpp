// SPDX-License-Identifier: MIT
#include "LayoutPlacement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

namespace blastline::core {

LayoutPlacement::LayoutPlacement(GraphLayout& layout, const LayoutOptions& options)
    : m_layout(layout)
    , m_options(options)
    , m_children(layout.groups.size())
{
    std::unordered_map<std::string, std::size_t> indexOf;
    for (std::size_t group = 0; group < layout.groups.size(); ++group)
        indexOf.emplace(layout.groups[group].key, group);
    for (std::size_t group = 0; group < layout.groups.size(); ++group) {
        const LayoutGroup& box = layout.groups[group];
        const auto parent = indexOf.find(box.parent);
        // The root group ("") encloses nothing: top-level groups stand beside it.
        if (!box.parent.empty() && parent != indexOf.end())
            m_children[parent->second].push_back(group);
    }
    m_groupOfNode.reserve(layout.nodes.size());
    for (const LayoutNode& node : layout.nodes) {
        const auto group = indexOf.find(node.group);
        m_groupOfNode.push_back(group == indexOf.end() ? 0 : group->second);
    }
}

void LayoutPlacement::order()
{
    assignLayers();
    orderWithinLayers();
}

void LayoutPlacement::arrange(std::size_t maxRowNodes)
{
    m_perRow = std::max<std::size_t>(1, maxRowNodes);
    placeGroups();
    routeEdges();
    normalise();
}

/**
 * Each node one layer above its deepest dependency (longest path to a node that depends on nothing), then turned
 * upside down so layer 0 is at the top. Depth-first without recursion (a chain can be thousands long); an edge back
 * into the path being walked (a cycle made by folding) is ignored.
 */
void LayoutPlacement::assignLayers()
{
    const std::size_t count = m_layout.nodes.size();
    std::vector<std::vector<std::size_t>> dependencies(count);
    for (const LayoutEdge& edge : m_layout.edges)
        dependencies[edge.from].push_back(edge.to);
    std::vector<int> height(count, -1);
    std::vector<char> onPath(count, 0);
    for (std::size_t start = 0; start < count; ++start) {
        if (height[start] >= 0)
            continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack {{start, 0}};
        onPath[start] = 1;
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next < dependencies[node].size()) {
                const std::size_t dependency = dependencies[node][next++];
                if (height[dependency] < 0 && !onPath[dependency]) {
                    onPath[dependency] = 1;
                    stack.emplace_back(dependency, 0);
                }
                continue;
            }
            int own = 0;
            for (const std::size_t dependency : dependencies[node]) {
                if (height[dependency] >= 0)
                    own = std::max(own, height[dependency] + 1);
            }
            height[node] = own;
            onPath[node] = 0;
            stack.pop_back();
        }
    }
    const int highest = count == 0 ? 0 : *std::max_element(height.begin(), height.end());
    for (std::size_t node = 0; node < count; ++node)
        m_layout.nodes[node].layer = highest - height[node];
    m_layerCount = highest + 1;
}

/** Columns per group and layer, in state order, then a few barycentre sweeps against the neighbouring layers. */
void LayoutPlacement::orderWithinLayers()
{
    m_columns.assign(m_layout.groups.size(), std::vector<std::vector<std::size_t>>(m_layerCount));
    for (std::size_t node = 0; node < m_layout.nodes.size(); ++node)
        m_columns[m_groupOfNode[node]][m_layout.nodes[node].layer].push_back(node);
    std::vector<std::vector<std::size_t>> neighbours(m_layout.nodes.size());
    for (const LayoutEdge& edge : m_layout.edges) {
        neighbours[edge.from].push_back(edge.to);
        neighbours[edge.to].push_back(edge.from);
    }
    // A global position: the group's rank, then the place within its column.
    std::vector<double> position(m_layout.nodes.size(), 0.0);
    const auto recordPositions = [&] {
        for (std::size_t group = 0; group < m_columns.size(); ++group) {
            for (const auto& column : m_columns[group]) {
                for (std::size_t place = 0; place < column.size(); ++place)
                    position[column[place]] = static_cast<double>(group) * 1e6 + static_cast<double>(place);
            }
        }
    };
    recordPositions();
    const auto sweep = [&](int layer, int towards) {
        for (auto& columns : m_columns) {
            auto& column = columns[layer];
            std::vector<std::pair<double, std::size_t>> keyed;
            for (std::size_t place = 0; place < column.size(); ++place) {
                double sum = 0;
                int seen = 0;
                for (const std::size_t other : neighbours[column[place]]) {
                    if (m_layout.nodes[other].layer == layer + towards) {
                        sum += position[other];
                        ++seen;
                    }
                }
                keyed.emplace_back(seen == 0 ? position[column[place]] : sum / seen, column[place]);
            }
            std::stable_sort(keyed.begin(), keyed.end(),
                [](const auto& left, const auto& right) { return left.first < right.first; });
            for (std::size_t place = 0; place < column.size(); ++place)
                column[place] = keyed[place].second;
        }
        recordPositions();
    };
    for (int round = 0; round < 4; ++round) {
        for (int layer = 1; layer < m_layerCount; ++layer)
            sweep(layer, -1);
        for (int layer = m_layerCount - 2; layer >= 0; --layer)
            sweep(layer, +1);
    }
}

/** Rows per layer (the widest column, wrapped), the layers' tops, then the groups left to right, nested. */
void LayoutPlacement::placeGroups()
{
    const std::size_t perRow = m_perRow;
    // A group left out (inside a collapsed one) keeps no box from an earlier arrangement.
    for (LayoutGroup& group : m_layout.groups)
        group.x = group.y = group.width = group.height = 0;
    m_layerRows.assign(m_layerCount, 1);
    for (const auto& columns : m_columns) {
        for (int layer = 0; layer < m_layerCount; ++layer) {
            const std::size_t rows = (columns[layer].size() + perRow - 1) / perRow;
            m_layerRows[layer] = std::max(m_layerRows[layer], rows);
        }
    }
    // Room above the first layer for the labels of nested groups.
    double top = 2 * (m_options.groupHeader + m_options.groupPadding);
    m_layerTop.assign(m_layerCount, 0.0);
    for (int layer = 0; layer < m_layerCount; ++layer) {
        m_layerTop[layer] = top;
        const double rows = static_cast<double>(m_layerRows[layer]);
        top += rows * m_options.nodeHeight + (rows - 1) * m_options.rowGap + m_options.layerGap;
    }
    double left = 0;
    for (std::size_t group = 0; group < m_layout.groups.size(); ++group) {
        if (!m_layout.groups[group].parent.empty() || m_layout.groups[group].memberCount == 0)
            continue;
        left = placeGroup(group, left) + m_options.groupGap;
    }
}

double LayoutPlacement::placeGroup(std::size_t group, double left)
{
    const std::size_t perRow = m_perRow;
    std::size_t widest = 0;
    for (const auto& column : m_columns[group])
        widest = std::max(widest, std::min(column.size(), perRow));
    double cursor = left + m_options.groupPadding;
    if (widest > 0) {
        const double width = static_cast<double>(widest) * (m_options.nodeWidth + m_options.horizontalGap)
            - m_options.horizontalGap;
        placeColumn(group, cursor, width);
        cursor += width + m_options.groupGap;
    }
    if (!m_layout.groups[group].collapsed) {
        for (const std::size_t child : m_children[group]) {
            if (m_layout.groups[child].memberCount > 0)
                cursor = placeGroup(child, cursor) + m_options.groupGap;
        }
    }
    const double right = cursor - m_options.groupGap + m_options.groupPadding;
    // The box: around its own nodes and its children's boxes, with room for its label above.
    double minY = std::numeric_limits<double>::max();
    double maxY = 0;
    for (const auto& column : m_columns[group]) {
        for (const std::size_t index : column) {
            const LayoutNode& node = m_layout.nodes[index];
            minY = std::min(minY, node.y);
            maxY = std::max(maxY, node.y + node.height);
        }
    }
    for (const std::size_t index : m_children[group]) {
        const LayoutGroup& child = m_layout.groups[index];
        if (child.width > 0) {
            minY = std::min(minY, child.y);
            maxY = std::max(maxY, child.y + child.height);
        }
    }
    if (minY > maxY)
        minY = maxY = m_layerTop.empty() ? 0 : m_layerTop.front();
    LayoutGroup& box = m_layout.groups[group];
    box.x = left;
    box.width = std::max(right - left, m_options.nodeWidth + 2 * m_options.groupPadding);
    box.y = minY - m_options.groupPadding - m_options.groupHeader;
    box.height = maxY - box.y + m_options.groupPadding;
    return box.x + box.width;
}

/** The nodes of one group's own column: each layer's nodes in rows of at most m_perRow, centred. */
void LayoutPlacement::placeColumn(std::size_t group, double left, double width)
{
    const std::size_t perRow = m_perRow;
    const auto& columns = m_columns[group];
    for (int layer = 0; layer < m_layerCount; ++layer) {
        const auto& column = columns[layer];
        for (std::size_t place = 0; place < column.size(); ++place) {
            const std::size_t row = place / perRow;
            const std::size_t inRow = std::min(perRow, column.size() - row * perRow);
            const double rowWidth = static_cast<double>(inRow) * (m_options.nodeWidth + m_options.horizontalGap)
                - m_options.horizontalGap;
            LayoutNode& node = m_layout.nodes[column[place]];
            node.width = m_options.nodeWidth;
            node.height = m_options.nodeHeight;
            node.x = left + (width - rowWidth) / 2
                + static_cast<double>(place % perRow) * (m_options.nodeWidth + m_options.horizontalGap);
            node.y = m_layerTop[layer] + static_cast<double>(row) * (m_options.nodeHeight + m_options.rowGap);
        }
    }
}

/** Straight from the bottom of the dependent to the top of its dependency; sideways within one layer. */
void LayoutPlacement::routeEdges()
{
    for (LayoutEdge& edge : m_layout.edges) {
        const LayoutNode& from = m_layout.nodes[edge.from];
        const LayoutNode& to = m_layout.nodes[edge.to];
        if (from.layer == to.layer && std::abs(from.y - to.y) < m_options.nodeHeight) {
            const bool rightwards = from.x < to.x;
            edge.points = {{rightwards ? from.x + from.width : from.x, from.y + from.height / 2},
                {rightwards ? to.x : to.x + to.width, to.y + to.height / 2}};
        } else {
            const bool upwards = to.y < from.y;
            edge.points = {{from.x + from.width / 2, upwards ? from.y : from.y + from.height},
                {to.x + to.width / 2, upwards ? to.y + to.height : to.y}};
        }
    }
}

/** Everything inside (0, 0) .. (width, height) with a margin. */
void LayoutPlacement::normalise()
{
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;
    for (const LayoutGroup& group : m_layout.groups) {
        if (group.width <= 0)
            continue;
        minX = std::min(minX, group.x);
        minY = std::min(minY, group.y);
        maxX = std::max(maxX, group.x + group.width);
        maxY = std::max(maxY, group.y + group.height);
    }
    for (const LayoutNode& node : m_layout.nodes) {
        maxX = std::max(maxX, node.x + node.width);
        maxY = std::max(maxY, node.y + node.height);
    }
    const double margin = m_options.groupPadding;
    const double dx = margin - minX;
    const double dy = margin - minY;
    for (LayoutGroup& group : m_layout.groups) {
        group.x += dx;
        group.y += dy;
    }
    for (LayoutNode& node : m_layout.nodes) {
        node.x += dx;
        node.y += dy;
    }
    for (LayoutEdge& edge : m_layout.edges) {
        for (auto& [x, y] : edge.points) {
            x += dx;
            y += dy;
        }
    }
    m_layout.width = maxX + dx + margin;
    m_layout.height = maxY + dy + margin;
}

} // namespace blastline::core
