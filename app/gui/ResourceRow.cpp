// SPDX-License-Identifier: MIT
#include "gui/ResourceRow.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/ResourceGraph.h"

namespace blastline::gui {

std::vector<ResourceRow> ResourceRow::rowsOf(const core::ResourceGraph& graph, const core::CatalogueRules& catalogue)
{
    std::vector<ResourceRow> rows;
    rows.reserve(graph.nodeCount());
    for (std::uint32_t i = 0; i < graph.nodeCount(); ++i) {
        const core::ResourceInstance& instance = graph.instance(core::NodeId {i});
        ResourceRow row;
        row.address = instance.displayName();
        row.type = instance.type();
        row.fate = instance.isManaged() ? NodeFate::Alive : NodeFate::Unknown;
        row.dataStore = catalogue.holdsData(instance) != core::Truth::False;
        row.module = instance.address.moduleInstanceString();
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace blastline::gui
