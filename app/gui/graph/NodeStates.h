// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include "blastline/core/GraphLayout.h"

#include <QString>

#include <set>
#include <string>
#include <unordered_map>

namespace blastline::gui {

/**
 * What the app told the graph view about its nodes (fates, data stores, what a safeguard changed), by address,
 * and how that reads for one node of the layout. Kept apart from the scene so a re-layout keeps it.
 */
class NodeStates
{
public:
    void setFates(std::unordered_map<std::string, NodeFate> fatesByAddress) { m_fates = std::move(fatesByAddress); }
    void setDataStores(std::set<std::string> addresses) { m_dataStores = std::move(addresses); }
    void setHighlighted(std::set<std::string> addresses) { m_highlighted = std::move(addresses); }

    /**
     * An instance's fate from the map; one not in it is alive (nothing said it goes). A recovery point's fate is
     * the map's when it names the point ("recovery point <id>"), else the one core's engine gave it.
     */
    NodeFate fateOf(const core::ResourceGraph& graph, core::NodeId node) const;
    /** A fold's fate is the worst of its members'. */
    NodeFate fateOf(const core::ResourceGraph& graph, const core::LayoutNode& node) const;
    /** A fold is drawn as a data store when any member is one. */
    bool isDataStore(const core::ResourceGraph& graph, const core::LayoutNode& node) const;
    /** A fold is highlighted when any member is. */
    bool isHighlighted(const core::ResourceGraph& graph, const core::LayoutNode& node) const;

    /** The tooltip of a layout node: its address, type and fate (and for a fold, how many it stands for). */
    QString toolTip(const core::ResourceGraph& graph, const core::LayoutNode& node) const;

private:
    template<typename Predicate> bool anyMember(const core::LayoutNode& node, Predicate predicate) const;

    std::unordered_map<std::string, NodeFate> m_fates;
    std::set<std::string> m_dataStores;
    std::set<std::string> m_highlighted;
};

} // namespace blastline::gui
