// SPDX-License-Identifier: MIT
// GraphView's input: zoom, pan, expanding and collapsing, the context menu and tooltips.
#include "gui/graph/GraphLegend.h"
#include "gui/graph/GraphView.h"
#include "gui/graph/GroupItem.h"
#include "gui/graph/NodeItem.h"

#include <QContextMenuEvent>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace blastline::gui {

namespace {

constexpr qreal kKeyZoomStep = 1.25;
// One wheel notch (120) zooms by 2^(1/4), about 19%: several notches for a doubling, as in map viewers.
constexpr qreal kWheelUnitsPerDoubling = 480;

} // namespace

NodeItem* GraphView::nodeItemAt(const QPoint& viewPos) const
{
    for (QGraphicsItem* item : items(viewPos)) {
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem*>(item);
    }
    return nullptr;
}

GroupItem* GraphView::groupHeaderAt(const QPoint& viewPos) const
{
    const QPointF scenePos = mapToScene(viewPos);
    // items() lists the topmost first, so an inner group's header wins over its enclosing group.
    for (QGraphicsItem* item : items(viewPos)) {
        if (item->type() != GroupItem::Type)
            continue;
        auto* group = static_cast<GroupItem*>(item);
        if (group->headerRect().contains(group->mapFromScene(scenePos)))
            return group;
    }
    return nullptr;
}

void GraphView::wheelEvent(QWheelEvent* event)
{
    int delta = event->angleDelta().y();
    if (delta == 0)
        delta = event->pixelDelta().y(); // touchpads that report pixels only
    if (delta == 0) {
        event->ignore();
        return;
    }
    setTransformationAnchor(AnchorUnderMouse);
    zoomBy(std::pow(2.0, delta / kWheelUnitsPerDoubling));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent* event)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: // "+" without Shift on most layouts
        zoomBy(kKeyZoomStep);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / kKeyZoomStep);
        break;
    case Qt::Key_0:
        fitToView();
        break;
    default:
        setTransformationAnchor(anchor);
        QGraphicsView::keyPressEvent(event);
        return;
    }
    setTransformationAnchor(anchor);
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const QPointF scenePos = mapToScene(event->position().toPoint());
        if (NodeItem* node = nodeItemAt(event->position().toPoint());
            node && node->isFold() && node->expandButtonRect().contains(node->mapFromScene(scenePos))) {
            expand(node->foldKey().toStdString());
            event->accept();
            return;
        }
        if (GroupItem* group = groupHeaderAt(event->position().toPoint());
            group && group->collapseButtonRect().contains(group->mapFromScene(scenePos))) {
            collapse(group->key().toStdString());
            event->accept();
            return;
        }
    }
    m_autoFit = false; // a press on the background starts a pan
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem* node = nodeItemAt(event->position().toPoint()); node && node->isFold()) {
            expand(node->foldKey().toStdString());
            event->accept();
            return;
        }
        if (GroupItem* group = groupHeaderAt(event->position().toPoint())) {
            collapse(group->key().toStdString());
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    if (NodeItem* node = nodeItemAt(event->pos())) {
        const std::string key = node->foldKey().toStdString();
        if (node->isFold()) {
            menu.addAction(tr("Expand %1").arg(node->label()), this, [this, key] { expand(key); });
        } else if (!key.empty()) {
            // An instance of a resource that can be folded: offer to fold its siblings back into one node.
            menu.addAction(tr("Fold %1").arg(node->foldKey()), this, [this, key] { collapse(key); });
        }
    }
    if (GroupItem* group = groupHeaderAt(event->pos())) {
        const std::string key = group->key().toStdString();
        menu.addAction(tr("Collapse %1").arg(group->label()), this, [this, key] { collapse(key); });
    }
    if (!menu.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Zoom in"), this, [this] { zoomBy(kKeyZoomStep); });
    menu.addAction(tr("Zoom out"), this, [this] { zoomBy(1 / kKeyZoomStep); });
    menu.addAction(tr("Fit to view"), this, &GraphView::fitToView);
    menu.exec(event->globalPos());
}

void GraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    placeLegend();
    if (m_autoFit)
        fitScene();
}

bool GraphView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && m_graph) {
        // Tooltips are written when asked for, not stored on thousands of items.
        auto* help = static_cast<QHelpEvent*>(event);
        QString text;
        if (NodeItem* node = nodeItemAt(help->pos()))
            text = m_states.toolTip(*m_graph, m_layout.nodes[node->layoutIndex()]);
        else if (GroupItem* group = groupHeaderAt(help->pos()))
            text = tr("%1\n%2 resources\nDouble-click or − to collapse").arg(group->label()).arg(group->memberCount());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void GraphView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        // The items hold a pointer to m_palette: replace its value, then repaint them (their caches included).
        m_palette = FatePalette(palette());
        setBackgroundBrush(m_palette.background());
        for (QGraphicsItem* item : m_scene->items())
            item->update();
        m_legend->update();
    }
    QGraphicsView::changeEvent(event);
}

} // namespace blastline::gui
