// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include <string>
#include <vector>

namespace blastline::core {
class CatalogueRules;
class ResourceGraph;
} // namespace blastline::core

namespace blastline::gui {

/** One line of the resource table: plain data, so the model can be tested without a run. */
struct ResourceRow
{
    std::string address; // display name, as the graph and the engine name it
    std::string type;
    NodeFate fate = NodeFate::Alive;
    bool dataStore = false; // the catalogue says it holds data (or may: an unknown counts)
    std::string module; // module instance path, "" for the root module

    /** One row per instance of the graph (recovery points are not resources), data stores told by the catalogue. */
    static std::vector<ResourceRow> rowsOf(const core::ResourceGraph& graph, const core::CatalogueRules& catalogue);
};

} // namespace blastline::gui
