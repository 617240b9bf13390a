// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/NodeId.h"
#include "blastline/core/ResourceGraph.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace blastline::core {

// The blast-radius graph laid out for drawing: positions only, no colours and no toolkit. The desktop app draws it
// with Qt, the report and `graph --format svg` as SVG; both get the same picture from the same numbers.
// Coordinates are in points, the origin top left, y growing downwards.

/** What resources are boxed together. */
enum class LayoutGrouping
{
    Module, // one box per module instance; the root module's resources are in the "" group
    Network, // one box per VPC, with one inside it per subnet; resources in no VPC are in the "" group
    Automatic // Module when the state uses modules, else Network: a one-module state says more by its network
};

struct LayoutOptions
{
    LayoutGrouping grouping = LayoutGrouping::Automatic;
    /** Groups (LayoutGroup::key) or folds (LayoutNode::fold) the viewer opened or closed; they override the defaults. */
    std::set<std::string> expanded;
    std::set<std::string> collapsed;
    /** Above this many nodes, every group except "" starts collapsed (level of detail for large states). */
    std::size_t detailLimit = 300;
    /** A resource with more instances than this starts folded into one node ("aws_instance.web ×5000"). */
    std::size_t foldInstancesAbove = 6;
    /** A layer of one group wraps onto another row after this many nodes, so wide layers stay on screen. */
    std::size_t maxRowNodes = 6;
    /**
     * When above 0, maxRowNodes is chosen (from 2 to 12) so that the picture's width / height comes closest to this:
     * a wide, flat state then fills a screen or a page instead of a thin strip.
     */
    double aspectRatio = 1.6;
    bool recoveryPoints = true; // draw the graph's recovery points, next to what they protect
    bool references = false; // draw inferred References edges (they never order a destroy)

    double nodeWidth = 210;
    double nodeHeight = 34;
    double horizontalGap = 18;
    double rowGap = 14; // between the rows of one wrapped layer
    double layerGap = 46; // between layers
    double groupPadding = 14;
    double groupHeader = 22; // room for the group's label above its contents
    double groupGap = 30; // between neighbouring groups
};

struct LayoutNode
{
    enum class Kind
    {
        Instance, // one resource instance of the graph
        RecoveryPoint, // one recovery point node of the graph
        Fold // a folded resource or a collapsed group: stands for `members`
    };
    Kind kind = Kind::Instance;
    std::optional<NodeId> node; // Instance and RecoveryPoint
    std::vector<NodeId> members; // Fold: the graph nodes it stands for, in graph order
    std::string label; // the address, "recovery point <id>", or "aws_instance.web ×5000" / "module.app (120)"
    std::string group; // the innermost LayoutGroup::key it is drawn in
    /**
     * Instance: the key of the fold it belongs to when its resource can be folded (the resource address), else
     * empty. Fold: its own key (a resource address, or the group key of a collapsed group).
     */
    std::string fold;
    int layer = 0; // 0 at the top: what nothing depends on is drawn above what it depends on
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

struct LayoutGroup
{
    std::string key; // "" (root / no VPC), "module.app", "vpc-0abc", "vpc-0abc/subnet-0def"
    std::string label; // "module.app", "aws_vpc.main (vpc-0abc)", "aws_subnet.private[0] (subnet-0def)"
    std::string parent; // the enclosing group's key (a subnet's VPC), or empty
    bool collapsed = false; // its nodes are drawn as one Fold node, alone in its box
    std::size_t memberCount = 0; // graph nodes inside, nested groups included
    /** Its box (label above the contents). A group inside a collapsed group has no box: width and height are 0. */
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

struct LayoutEdge
{
    std::size_t from = 0; // index into GraphLayout::nodes: the dependent
    std::size_t to = 0; // the dependency (or the data store a recovery point protects)
    EdgeKind kind = EdgeKind::DependsOn;
    std::size_t count = 1; // graph edges it stands for (more than one between folds)
    /** From the bottom of `from` to the top of `to` (or sideways for a recovery point), as straight segments. */
    std::vector<std::pair<double, double>> points;
};

struct GraphLayout
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutGroup> groups; // outer groups before the groups they contain
    std::vector<LayoutEdge> edges;
    double width = 0;
    double height = 0;

    /** The index of the node that shows graph node `node`: itself, or the fold or collapsed group holding it. */
    std::optional<std::size_t> indexOf(NodeId node) const;
    /** Indexes of the nodes whose label contains `text` (case-insensitive), folds whose members' names do included. */
    std::vector<std::size_t> search(const ResourceGraph& graph, std::string_view text) const;

    /** For indexOf: graph node value -> layout node index. Filled by LayeredLayout. */
    std::vector<std::size_t> shownBy;
};

} // namespace blastline::core
