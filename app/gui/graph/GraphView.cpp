// SPDX-License-Identifier: MIT
#include "gui/graph/GraphView.h"

#include "gui/graph/EdgeItem.h"
#include "gui/graph/GraphExporter.h"
#include "gui/graph/GraphLegend.h"
#include "gui/graph/GroupItem.h"
#include "gui/graph/NodeItem.h"

#include "blastline/core/LayeredLayout.h"
#include "blastline/core/ResourceGraph.h"

#include <QGraphicsScene>
#include <QPixmapCache>

#include <algorithm>

namespace blastline::gui {

namespace {

constexpr qreal kSceneMargin = 24;
constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 6.0;
constexpr qreal kMaxFitZoom = 1.0; // a small graph is shown at its natural size, not blown up
constexpr int kPixmapCacheKb = 64 * 1024; // item caches of a few hundred visible nodes at full zoom

} // namespace

GraphView::GraphView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_palette(palette())
{
    // A child of the view, not of its viewport: the viewport scrolls its children along with the picture.
    m_legend = new GraphLegend(&m_palette, this);
    m_legend->setObjectName(QStringLiteral("graphLegend"));
    m_legend->hide();
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Repaint the bounding rectangle of what changed: with thousands of small items this is cheaper than
    // tracking each exposed region.
    setViewportUpdateMode(BoundingRectViewportUpdate);
    setBackgroundBrush(m_palette.background());
    setFocusPolicy(Qt::StrongFocus);
    if (QPixmapCache::cacheLimit() < kPixmapCacheKb)
        QPixmapCache::setCacheLimit(kPixmapCacheKb);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);
}

GraphView::~GraphView()
{
    // The scene is a child and outlives this destructor: clearing its selection then must not call back into us.
    disconnect(m_scene, nullptr, this, nullptr);
}

void GraphView::setGraph(std::shared_ptr<const core::ResourceGraph> graph)
{
    // Fit a new picture; keep the view where it was when the same state comes back recomputed (a safeguard flipped).
    const bool sameState =
        m_graph && graph && m_graph->nodeCount() == graph->nodeCount() && m_graph->state().path == graph->state().path;
    m_graph = std::move(graph);
    relayout();
    if (!sameState)
        fitToView();
}

void GraphView::setGrouping(core::LayoutGrouping grouping)
{
    if (grouping == m_options.grouping)
        return;
    m_options.grouping = grouping;
    relayout();
    fitToView();
}

void GraphView::setFates(const std::unordered_map<std::string, NodeFate>& fatesByAddress)
{
    m_states.setFates(fatesByAddress);
    restyle();
}

void GraphView::setDataStores(const std::set<std::string>& addresses)
{
    m_states.setDataStores(addresses);
    restyle();
}

void GraphView::setHighlighted(const std::set<std::string>& addresses)
{
    m_states.setHighlighted(addresses);
    restyle();
}

void GraphView::relayout()
{
    m_ignoreSelection = true;
    m_emphasisedEdges.clear();
    m_scene->clear();
    m_items = {};
    m_layout = {};
    if (m_graph) {
        // The layout is computed here, once per change of graph, grouping or folds; never while panning or zooming.
        m_layout = core::LayeredLayout::compute(*m_graph, m_options);
        m_items = GraphSceneBuilder::build(*m_scene, m_layout, *m_graph, m_options, &m_palette);
        restyle();
        applySearch();
        if (NodeItem* selected = itemFor(m_selectedAddress); selected && !selected->isFold()) {
            selected->setSelected(true);
            emphasiseEdgesOf(selected);
        }
    }
    m_scene->setSceneRect(QRectF(0, 0, m_layout.width, m_layout.height)
                              .adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    m_ignoreSelection = false;
}

void GraphView::restyle()
{
    if (!m_graph)
        return;
    for (NodeItem* item : m_items.nodes) {
        const core::LayoutNode& node = m_layout.nodes[item->layoutIndex()];
        item->setFate(m_states.fateOf(*m_graph, node));
        item->setDataStore(m_states.isDataStore(*m_graph, node));
        item->setHighlighted(m_states.isHighlighted(*m_graph, node));
    }
}

std::vector<std::size_t> GraphView::applySearch()
{
    for (NodeItem* item : m_items.nodes)
        item->setSearchMatch(false);
    if (!m_graph || m_searchText.trimmed().isEmpty())
        return {};
    std::vector<std::size_t> matches = m_layout.search(*m_graph, m_searchText.trimmed().toStdString());
    for (const std::size_t index : matches) {
        if (index < m_items.nodes.size())
            m_items.nodes[index]->setSearchMatch(true);
    }
    return matches;
}

int GraphView::search(const QString& text)
{
    m_searchText = text;
    const std::vector<std::size_t> matches = applySearch();
    if (!matches.empty() && matches.front() < m_items.nodes.size()) {
        m_autoFit = false;
        centerOn(m_items.nodes[matches.front()]);
    }
    return static_cast<int>(matches.size());
}

std::optional<core::NodeId> GraphView::nodeNamed(const std::string& address) const
{
    if (!m_graph || address.empty())
        return std::nullopt;
    if (auto node = m_graph->find(address))
        return node;
    // Recovery points are named "recovery point <id>" and follow the instances.
    const auto first = static_cast<std::uint32_t>(m_graph->nodeCount());
    const auto end = first + static_cast<std::uint32_t>(m_graph->recoveryPointCount());
    for (std::uint32_t value = first; value < end; ++value) {
        if (m_graph->nodeName(core::NodeId {value}) == address)
            return core::NodeId {value};
    }
    return std::nullopt;
}

NodeItem* GraphView::itemFor(const std::string& address) const
{
    const auto node = nodeNamed(address);
    if (!node)
        return nullptr;
    const auto index = m_layout.indexOf(*node);
    if (!index || *index >= m_items.nodes.size())
        return nullptr;
    return m_items.nodes[*index];
}

void GraphView::selectAddress(const std::string& address)
{
    const auto node = nodeNamed(address);
    if (!node)
        return;
    // Open whatever hides it: a folded resource inside a collapsed group takes two rounds; the bound is a guard.
    for (int round = 0; round < 8; ++round) {
        const auto index = m_layout.indexOf(*node);
        if (!index)
            return; // not drawn at all (recovery points switched off)
        const core::LayoutNode& shown = m_layout.nodes[*index];
        if (shown.kind != core::LayoutNode::Kind::Fold || m_options.expanded.contains(shown.fold))
            break;
        m_options.expanded.insert(shown.fold);
        m_options.collapsed.erase(shown.fold);
        relayout();
    }
    NodeItem* item = itemFor(address);
    if (!item || item->isFold())
        return;
    m_ignoreSelection = true;
    m_scene->clearSelection();
    item->setSelected(true);
    m_ignoreSelection = false;
    onSceneSelectionChanged();
    m_autoFit = false;
    centerOn(item);
}

void GraphView::onSceneSelectionChanged()
{
    if (m_ignoreSelection)
        return;
    NodeItem* selected = nullptr;
    for (QGraphicsItem* item : m_scene->selectedItems()) {
        if (item->type() == NodeItem::Type) {
            selected = static_cast<NodeItem*>(item);
            break;
        }
    }
    emphasiseEdgesOf(selected);
    if (selected && !selected->address().isEmpty()) {
        std::string address = selected->address().toStdString();
        if (address != m_selectedAddress) {
            m_selectedAddress = std::move(address);
            emit addressSelected(selected->address());
        }
    } else if (!m_selectedAddress.empty()) {
        m_selectedAddress.clear();
        emit selectionCleared();
    }
}

void GraphView::emphasiseEdgesOf(const NodeItem* item)
{
    for (EdgeItem* edge : m_emphasisedEdges)
        edge->setEmphasised(false);
    m_emphasisedEdges.clear();
    if (!item || item->layoutIndex() >= m_items.edgesOfNode.size())
        return;
    m_emphasisedEdges = m_items.edgesOfNode[item->layoutIndex()];
    for (EdgeItem* edge : m_emphasisedEdges)
        edge->setEmphasised(true);
}

void GraphView::expand(const std::string& key)
{
    m_options.expanded.insert(key);
    m_options.collapsed.erase(key);
    m_autoFit = false;
    relayout();
    centreOnKey(key);
}

void GraphView::collapse(const std::string& key)
{
    m_options.collapsed.insert(key);
    m_options.expanded.erase(key);
    m_autoFit = false;
    relayout();
    centreOnKey(key);
}

void GraphView::centreOnKey(const std::string& key)
{
    const QString wanted = QString::fromStdString(key);
    QRectF area;
    for (const GroupItem* group : m_items.groups) {
        if (group->key() == wanted)
            area = group->rect();
    }
    if (area.isNull()) {
        for (const NodeItem* node : m_items.nodes) {
            if (node->foldKey() == wanted)
                area = area.isNull() ? node->rect() : area.united(node->rect());
        }
    }
    if (!area.isNull())
        centreOnArea(area);
}

void GraphView::centreOnArea(const QRectF& area)
{
    // A group taller than the window is shown from its top, where its header is.
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    QRectF shown = area;
    if (shown.height() > visible.height())
        shown.setHeight(visible.height());
    if (shown.width() > visible.width())
        shown.setWidth(visible.width());
    centerOn(shown.center());
}

void GraphView::setLegendVisible(bool visible)
{
    m_legendWanted = visible;
    placeLegend();
}

bool GraphView::isLegendVisible() const
{
    return m_legendWanted;
}

void GraphView::placeLegend()
{
    constexpr int kMargin = 6;
    // The legend sits in a margin of its own beside the viewport, so it never covers the graph; in a view too narrow
    // for both, the graph wins.
    const QSize legend = m_legend->sizeHint();
    const bool shown = m_legendWanted && width() >= 4 * legend.width();
    setViewportMargins(shown ? legend.width() + 2 * kMargin : 0, 0, 0, 0);
    m_legend->move(frameWidth() + kMargin, frameWidth() + kMargin);
    m_legend->setVisible(shown);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::zoomBy(qreal factor)
{
    m_autoFit = false;
    const qreal current = zoom();
    const qreal target = std::clamp(current * factor, std::min(kMinZoom, current), std::max(kMaxZoom, current));
    if (current <= 0 || qFuzzyCompare(target, current))
        return;
    scale(target / current, target / current);
}

void GraphView::fitToView()
{
    m_autoFit = true;
    fitScene();
}

void GraphView::fitScene()
{
    const QRectF area = m_scene->sceneRect();
    if (area.isEmpty())
        return;
    fitInView(area, Qt::KeepAspectRatio);
    if (zoom() > kMaxFitZoom) {
        setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
        centerOn(area.center());
    }
}

bool GraphView::exportSvg(const QString& path)
{
    if (!m_graph)
        return false;
    const QString title = QStringLiteral("Blastline graph of %1").arg(QString::fromStdString(m_graph->state().path));
    return GraphExporter::toSvg(*m_scene, m_scene->sceneRect(), m_palette, title, path);
}

bool GraphView::exportPng(const QString& path, qreal scale)
{
    if (!m_graph)
        return false;
    return GraphExporter::toPng(*m_scene, m_scene->sceneRect(), m_palette, scale, path);
}

} // namespace blastline::gui
