// SPDX-License-Identifier: MIT
#include "gui/graph/EdgeItem.h"

#include "gui/graph/FatePalette.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace blastline::gui {

namespace {

constexpr qreal kArrowLength = 8;
constexpr qreal kArrowDetail = 0.35; // arrowheads smaller than about three pixels are noise

} // namespace

EdgeItem::EdgeItem(QPolygonF points, core::EdgeKind kind, std::size_t count, const FatePalette* palette)
    : m_points(std::move(points))
    , m_bounds(m_points.boundingRect().adjusted(-kArrowLength, -kArrowLength, kArrowLength, kArrowLength))
    , m_kind(kind)
    , m_count(count)
    , m_palette(palette)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(1);
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    // Only the line itself, so an edge crossing a group box does not hide the box from hit tests.
    QPainterPath path;
    path.addPolygon(m_points);
    QPainterPathStroker stroker;
    stroker.setWidth(4);
    return stroker.createStroke(path);
}

void EdgeItem::setAntialiased(bool antialiased)
{
    m_antialiased = antialiased;
    update();
}

void EdgeItem::setEmphasised(bool emphasised)
{
    if (emphasised == m_emphasised)
        return;
    m_emphasised = emphasised;
    setZValue(emphasised ? 1.5 : 1);
    update();
}

QPen EdgeItem::pen() const
{
    const bool references = m_kind == core::EdgeKind::References;
    QColor colour = m_emphasised ? m_palette->selection() : references ? m_palette->faintEdge() : m_palette->edge();
    // A merged edge grows slowly with what it stands for: ten edges read thicker than one, a thousand not absurdly.
    qreal width = 1.0 + std::min(3.0, std::log2(static_cast<double>(m_count)));
    if (m_emphasised)
        width += 1;
    QPen pen(colour, width);
    pen.setCosmetic(true);
    switch (m_kind) {
    case core::EdgeKind::DependsOn:
    case core::EdgeKind::References:
        pen.setStyle(Qt::SolidLine);
        break;
    case core::EdgeKind::Protects:
        pen.setStyle(Qt::DashLine);
        break;
    case core::EdgeKind::EncryptedBy:
        pen.setStyle(Qt::DotLine);
        break;
    }
    return pen;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/)
{
    if (m_points.size() < 2)
        return;
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, m_antialiased && detail >= kArrowDetail);
    const QPen linePen = pen();
    painter->setPen(linePen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(m_points);
    if (detail < kArrowDetail)
        return;
    const QPointF tip = m_points.back();
    const QPointF from = m_points[m_points.size() - 2];
    const qreal angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    const qreal spread = 0.45;
    const QPointF left(
        tip.x() - kArrowLength * std::cos(angle - spread), tip.y() - kArrowLength * std::sin(angle - spread));
    const QPointF right(
        tip.x() - kArrowLength * std::cos(angle + spread), tip.y() - kArrowLength * std::sin(angle + spread));
    QPen arrowPen = linePen;
    arrowPen.setStyle(Qt::SolidLine);
    painter->setPen(arrowPen);
    painter->setBrush(linePen.color());
    painter->drawPolygon(QPolygonF({tip, left, right}));
}

} // namespace blastline::gui
