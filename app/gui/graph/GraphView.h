// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/FatePalette.h"
#include "gui/graph/GraphSceneBuilder.h"
#include "gui/graph/NodeFate.h"
#include "gui/graph/NodeStates.h"

#include "blastline/core/GraphLayout.h"

#include <QGraphicsView>
#include <QString>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace blastline::gui {

class EdgeItem;
class GraphLegend;
class GroupItem;
class NodeItem;

/**
 * The blast-radius graph: core::LayeredLayout's picture of a ResourceGraph, nodes coloured by fate, edges by kind,
 * boxed by module or by VPC and subnet. Large graphs start folded; a fold or collapsed group expands on a click on
 * its "+" or a double-click anywhere on it, and an expanded group collapses again from the "−" in its header (or a
 * double-click on the header). Wheel zooms about the cursor, dragging the background pans, + / - / 0 zoom and fit.
 */
class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);
    ~GraphView() override;

    /** Lays the graph out (core::LayeredLayout) and draws it; keeps the fates, data stores and search already set. */
    void setGraph(std::shared_ptr<const core::ResourceGraph> graph);
    void setGrouping(core::LayoutGrouping grouping); // re-layout
    /** Recolours by address (ResourceInstance::displayName()); addresses not in the map are alive. No re-layout. */
    void setFates(const std::unordered_map<std::string, NodeFate>& fatesByAddress);
    /** Addresses drawn as data stores (a cylinder). Recovery points are drawn distinctly on their own (cut corners),
        with their fate from RecoveryPointNode::fate unless the fates name them ("recovery point <id>"). */
    void setDataStores(const std::set<std::string>& addresses);
    /** Highlights (a thick outline) addresses whose fate changed after a safeguard was flipped. */
    void setHighlighted(const std::set<std::string>& addresses);
    /** Selects and centres; expands the fold/group hiding it. Emits addressSelected when the selection changes. */
    void selectAddress(const std::string& address);
    /** Highlights matches (folds whose members match included), centres on the first, returns how many nodes. */
    int search(const QString& text);
    void fitToView();
    bool exportSvg(const QString& path); // QSvgGenerator
    bool exportPng(const QString& path, qreal scale = 2.0);

    // Additions to the agreed interface, for tests and the main window.
    const core::GraphLayout& layout() const { return m_layout; }
    const core::LayoutOptions& layoutOptions() const { return m_options; }
    /** Opens a fold or collapsed group (LayoutNode::fold / LayoutGroup::key) and re-lays out. */
    void expand(const std::string& key);
    /** Closes a group or folds a resource again and re-lays out. */
    void collapse(const std::string& key);
    /** The item drawing `address` (itself or the fold holding it), if any. */
    NodeItem* itemFor(const std::string& address) const;
    qreal zoom() const;
    void zoomBy(qreal factor);
    /**
     * The key to colours and shapes, in a column left of the graph: shown by default when the view is wide enough;
     * exports always include it.
     */
    void setLegendVisible(bool visible);
    bool isLegendVisible() const;

signals:
    void addressSelected(const QString& address); // click on an instance or recovery point node
    void selectionCleared();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void relayout();
    void restyle();
    std::vector<std::size_t> applySearch();
    void fitScene();
    void onSceneSelectionChanged();
    void emphasiseEdgesOf(const NodeItem* item);
    std::optional<core::NodeId> nodeNamed(const std::string& address) const;
    NodeItem* nodeItemAt(const QPoint& viewPos) const;
    GroupItem* groupHeaderAt(const QPoint& viewPos) const;
    void centreOnKey(const std::string& key);
    void centreOnArea(const QRectF& area);
    void placeLegend();

    QGraphicsScene* m_scene;
    GraphLegend* m_legend;
    std::shared_ptr<const core::ResourceGraph> m_graph;
    core::LayoutOptions m_options;
    core::GraphLayout m_layout;
    GraphSceneItems m_items;
    FatePalette m_palette;
    NodeStates m_states;
    QString m_searchText;
    std::string m_selectedAddress;
    std::vector<EdgeItem*> m_emphasisedEdges;
    bool m_ignoreSelection = false; // while the scene is rebuilt or the selection set from code
    bool m_autoFit = true;
    bool m_legendWanted = true; // until the person zooms or pans, a resize fits the graph again
};

} // namespace blastline::gui
