// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/GraphLayout.h"

#include <map>
#include <set>
#include <string>

namespace blastline::core {
class ResourceGraph;
struct DestroySimulation;
struct ReplayResult;
} // namespace blastline::core

namespace blastline::report {

/** What became of a resource in the run the figure shows. */
enum class NodeFate
{
    Alive, // not touched, or a recovery point that survives
    Deleted,
    Failed, // a delete was tried and refused: it is still there
    Pending // skipped (waited on a failure), or a recovery point that survives only until a date
};

/** The colours of the figure: each graph node's fate by its display name, and which nodes are data stores. */
struct GraphFates
{
    std::map<std::string, NodeFate> byAddress; // missing: Alive
    std::set<std::string> dataStores;

    /** From a simulated destroy or apply: done deletes are Deleted, failures Failed, skips Pending. */
    static GraphFates fromSimulation(const core::DestroySimulation& simulation);
    /** From a replay: each simulated delete's end (ReplayResult::fates), and the outcome's data stores. */
    static GraphFates fromReplay(const core::ReplayResult& replay);
};

/**
 * The blast-radius graph as one SVG element: core::LayeredLayout's positions, nodes coloured by fate, data stores
 * and recovery points drawn distinctly, group boxes, edges with arrows, and a legend. Standalone (with an XML
 * declaration-free <svg xmlns=...>), so it is both a file of its own and inline HTML. `idPrefix` keeps the ids of
 * two figures in one page apart.
 */
class GraphSvg
{
public:
    static std::string render(const core::ResourceGraph& graph, const GraphFates& fates, const std::string& title,
        const std::string& idPrefix = "graph", const core::LayoutOptions& options = {});
};

} // namespace blastline::report
