// SPDX-License-Identifier: MIT
#include "gui/graph/GraphLegend.h"

#include "gui/graph/FatePalette.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace blastline::gui {

namespace {

constexpr qreal kRow = 16;
constexpr qreal kPadding = 8;
constexpr qreal kSwatch = 22;
constexpr qreal kWidth = 180;
constexpr int kFateRows = 6;
constexpr int kShapeRows = 3; // data store, recovery point, changed by a safeguard
constexpr int kEdgeRows = 3; // depends on, protects, encrypted by

constexpr NodeFate kFates[kFateRows] = {
    NodeFate::Alive, NodeFate::Pending, NodeFate::Deleted, NodeFate::Failed, NodeFate::Skipped, NodeFate::Unknown};

QFont legendFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}

QPen cosmeticPen(const QColor& colour, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style);
    pen.setCosmetic(true);
    return pen;
}

} // namespace

GraphLegend::GraphLegend(const FatePalette* palette, QWidget* parent)
    : QWidget(parent)
    , m_palette(palette)
{
    // A key, not a control: clicks and wheel turns go through to the graph under it.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    resize(sizeHint());
}

QSizeF GraphLegend::legendSize()
{
    return {kWidth, 2 * kPadding + (kFateRows + kShapeRows + kEdgeRows) * kRow};
}

QSize GraphLegend::sizeHint() const
{
    const QSizeF size = legendSize();
    return {static_cast<int>(std::ceil(size.width())), static_cast<int>(std::ceil(size.height()))};
}

void GraphLegend::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    paintLegend(painter, QPointF(0, 0), *m_palette);
}

void GraphLegend::paintLegend(QPainter& painter, const QPointF& topLeft, const FatePalette& palette)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.translate(topLeft);
    QColor panel = palette.background();
    panel.setAlpha(235);
    painter.setPen(cosmeticPen(palette.groupOutline(), 1));
    painter.setBrush(panel);
    painter.drawRoundedRect(QRectF(QPointF(0.5, 0.5), legendSize() - QSizeF(1, 1)), 6, 6);
    painter.setFont(legendFont());

    qreal y = kPadding;
    const auto label = [&](const QString& text) {
        painter.setPen(palette.text());
        painter.drawText(QRectF(kPadding + kSwatch + 6, y, kWidth - kSwatch - 2 * kPadding - 6, kRow),
            Qt::AlignVCenter | Qt::AlignLeft, text);
        y += kRow;
    };
    const QRectF swatch(kPadding, 0, kSwatch, kRow - 5);
    for (const NodeFate fate : kFates) {
        painter.setPen(
            cosmeticPen(palette.outline(fate), 1.2, fate == NodeFate::Deleted ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(palette.fill(fate));
        painter.drawRoundedRect(swatch.translated(0, y + 2.5), 3, 3);
        label(fateName(fate));
    }
    const QRectF box = swatch.translated(0, y + 2.5);
    painter.setPen(cosmeticPen(palette.text(), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter.drawArc(QRectF(box.left(), box.top(), box.width(), 5), 180 * 16, 180 * 16);
    label(QStringLiteral("data store"));
    QPainterPath chamfered;
    const QRectF point = swatch.translated(0, y + 2.5);
    chamfered.moveTo(point.left() + 3, point.top());
    chamfered.lineTo(point.right() - 3, point.top());
    chamfered.lineTo(point.right(), point.top() + 3);
    chamfered.lineTo(point.right(), point.bottom() - 3);
    chamfered.lineTo(point.right() - 3, point.bottom());
    chamfered.lineTo(point.left() + 3, point.bottom());
    chamfered.lineTo(point.left(), point.bottom() - 3);
    chamfered.lineTo(point.left(), point.top() + 3);
    chamfered.closeSubpath();
    painter.drawPath(chamfered);
    label(QStringLiteral("recovery point"));
    painter.setPen(cosmeticPen(palette.changed(), 3));
    painter.drawRoundedRect(swatch.translated(0, y + 2.5), 3, 3);
    label(QStringLiteral("changed by a safeguard"));

    const struct
    {
        Qt::PenStyle style;
        const char* text;
    } edges[kEdgeRows] = {{Qt::SolidLine, "depends on"}, {Qt::DashLine, "protects"}, {Qt::DotLine, "encrypted by"}};
    for (const auto& edge : edges) {
        painter.setPen(cosmeticPen(palette.edge(), 1.5, edge.style));
        painter.drawLine(QPointF(kPadding, y + kRow / 2), QPointF(kPadding + kSwatch, y + kRow / 2));
        label(QString::fromLatin1(edge.text));
    }
    painter.restore();
}

} // namespace blastline::gui
