// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/GraphLayout.h"

#include <vector>

namespace blastline::core {

/**
 * Gives the nodes of a GraphLayout (built, edges merged, no positions yet) their layers, their order and their
 * coordinates, and the groups their boxes, and routes the edges. See LayeredLayout for the rules. Layers and order do
 * not depend on how rows wrap, so order() runs once and arrange() as often as LayeredLayout tries a row width.
 */
class LayoutPlacement
{
public:
    LayoutPlacement(GraphLayout& layout, const LayoutOptions& options);
    /** Layers, then the order within each group's column. */
    void order();
    /** Coordinates, boxes and edges with rows of at most `maxRowNodes`; replaces what an earlier call placed. */
    void arrange(std::size_t maxRowNodes);

private:
    void assignLayers();
    void orderWithinLayers();
    void placeGroups();
    double placeGroup(std::size_t group, double left); // returns the right edge
    void placeColumn(std::size_t group, double left, double width);
    void routeEdges();
    void normalise();

    GraphLayout& m_layout;
    const LayoutOptions& m_options;
    std::vector<std::size_t> m_groupOfNode; // index into m_layout.groups, by node
    std::vector<std::vector<std::size_t>> m_children; // the groups each group encloses
    std::size_t m_perRow = 1;
    int m_layerCount = 0;
    /** By group key and layer: the nodes of that column in that layer, in order. */
    std::vector<std::vector<std::vector<std::size_t>>> m_columns; // [group index][layer] -> node indexes
    std::vector<double> m_layerTop; // y of each layer's first row
    std::vector<std::size_t> m_layerRows; // rows each layer needs (its widest column, wrapped)
};

} // namespace blastline::core
