// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/GraphLayout.h"

#include <vector>

class QGraphicsScene;

namespace blastline::gui {

class EdgeItem;
class FatePalette;
class GroupItem;
class NodeItem;

/** The items drawn for one layout; the scene owns them. */
struct GraphSceneItems
{
    std::vector<NodeItem*> nodes; // by index into GraphLayout::nodes
    std::vector<EdgeItem*> edges; // by index into GraphLayout::edges
    std::vector<GroupItem*> groups; // the expanded groups only
    std::vector<std::vector<EdgeItem*>> edgesOfNode; // by node index: the edges that touch it
};

/**
 * Turns a GraphLayout into scene items, one per node, edge and expanded group, at the layout's coordinates (points
 * become scene units). Computes nothing about the graph: positions come from core, colours are set afterwards.
 */
class GraphSceneBuilder
{
public:
    static GraphSceneItems build(QGraphicsScene& scene, const core::GraphLayout& layout,
        const core::ResourceGraph& graph, const core::LayoutOptions& options, const FatePalette* palette);
};

} // namespace blastline::gui
