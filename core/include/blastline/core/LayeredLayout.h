// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/GraphLayout.h"

#include <string>

namespace blastline::core {

class ResourceGraph;

/**
 * Lays a ResourceGraph out in layers, the way `terraform graph | dot` reads: dependents above their dependencies,
 * so a destroy runs top to bottom. Each node sits one layer above its deepest dependency (longest path); nodes are
 * ordered within a layer by the barycentre of their neighbours over a few sweeps, to cut crossings; each group is a
 * column of its own, so group boxes never overlap. Folded resources and collapsed groups are single nodes, their
 * edges merged; a cycle among folds (possible, as folding merges nodes) is broken at a back edge.
 */
class LayeredLayout
{
public:
    static GraphLayout compute(const ResourceGraph& graph, const LayoutOptions& options = {});

    /** The group a node is drawn in under `grouping` (LayoutGroup::key); "" for the root or no network. */
    static std::string groupOf(const ResourceGraph& graph, NodeId node, LayoutGrouping grouping);
};

} // namespace blastline::core
