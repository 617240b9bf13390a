// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ResourceGraph.h"

#include <QImage>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

class QGraphicsScene;

namespace blastline::gui {
class GraphView;
class NodeItem;
} // namespace blastline::gui

namespace blastline::gui::test {

/** A graph from GraphBuilder's one-line description (tests/core/GraphBuilder.h). */
std::shared_ptr<core::ResourceGraph> makeGraph(std::string_view description);

/**
 * A small network: a VPC, a subnet, a database in it, and `webCount` instances of aws_instance.web depending on
 * the subnet and the VPC (more than LayoutOptions::foldInstancesAbove of them start folded).
 */
std::string networkDescription(std::size_t webCount);

/** Items of one QGraphicsItem type in the scene. */
std::size_t countItems(const QGraphicsScene& scene, int type);

/** The node item showing `address` exactly (not a fold), or nullptr. */
NodeItem* nodeItem(const GraphView& view, const std::string& address);

/** The whole scene rendered at one pixel per point. */
QImage renderScene(GraphView& view);

} // namespace blastline::gui::test
