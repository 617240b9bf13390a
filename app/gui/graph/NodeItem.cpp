// SPDX-License-Identifier: MIT
#include "gui/graph/NodeItem.h"

#include "gui/graph/FatePalette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace blastline::gui {

namespace {

// Below this scale a label is under about five pixels high: unreadable, and the most expensive thing to draw.
constexpr qreal kTextDetail = 0.45;
// Below this, nodes are a few pixels wide: flat rectangles without antialiasing are all the eye can tell apart.
constexpr qreal kShapeDetail = 0.2;
constexpr qreal kPadding = 8;
constexpr qreal kButtonSize = 16;
constexpr qreal kChamfer = 8; // the cut corners of a recovery point
constexpr qreal kStackOffset = 4; // how far each sheet behind a fold shows
constexpr qreal kHalo = 6; // search halo and selection ring around the node

QPen cosmeticPen(const QColor& colour, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style);
    // Cosmetic: the same width on screen at any zoom, and in device-independent pixels on high-DPI screens.
    pen.setCosmetic(true);
    return pen;
}

} // namespace

NodeItem::NodeItem(std::size_t layoutIndex, Kind kind, const QRectF& rect, const QString& label, QString address,
    QString foldKey, const FatePalette* palette)
    : m_layoutIndex(layoutIndex)
    , m_kind(kind)
    , m_rect(rect)
    , m_label(label)
    , m_address(std::move(address))
    , m_foldKey(std::move(foldKey))
    , m_palette(palette)
{
    const qreal room = m_rect.width() - 2 * kPadding - (isFold() ? kButtonSize + 4 : 0);
    // Eliding in the middle keeps both the module prefix and the instance key, the two parts people look for.
    m_elidedLabel = QFontMetricsF(labelFont()).elidedText(label, Qt::ElideMiddle, room);
    setFlag(ItemIsSelectable, !isFold());
    // Text is the costly part of a node; the device cache redraws it only when the zoom changes, not on every pan.
    setCacheMode(DeviceCoordinateCache);
    setZValue(2);
}

QFont NodeItem::labelFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}

QRectF NodeItem::boundingRect() const
{
    const qreal stack = isFold() ? 2 * kStackOffset : 0;
    return m_rect.adjusted(-kHalo - 1, -kHalo - 1 - stack, kHalo + 1 + stack, kHalo + 1);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

QRectF NodeItem::expandButtonRect() const
{
    if (!isFold())
        return {};
    return {
        m_rect.right() - kPadding - kButtonSize + 4, m_rect.center().y() - kButtonSize / 2, kButtonSize, kButtonSize};
}

// The setters repaint through update(), which also drops the item's cached picture.
void NodeItem::setFate(NodeFate fate)
{
    if (fate == m_fate)
        return;
    m_fate = fate;
    update();
}

void NodeItem::setDataStore(bool dataStore)
{
    if (dataStore == m_dataStore)
        return;
    m_dataStore = dataStore;
    update();
}

void NodeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void NodeItem::setSearchMatch(bool match)
{
    if (match == m_searchMatch)
        return;
    m_searchMatch = match;
    update();
}

QPainterPath NodeItem::bodyPath(const QRectF& rect) const
{
    QPainterPath path;
    if (m_dataStore) {
        // A cylinder, the usual picture of a database: the top ellipse, the sides, the bottom half-ellipse.
        const qreal cap = std::min<qreal>(10, rect.height() / 3);
        path.moveTo(rect.left(), rect.top() + cap / 2);
        path.arcTo(QRectF(rect.left(), rect.top(), rect.width(), cap), 180, -180);
        path.lineTo(rect.right(), rect.bottom() - cap / 2);
        path.arcTo(QRectF(rect.left(), rect.bottom() - cap, rect.width(), cap), 0, -180);
        path.closeSubpath();
        return path;
    }
    if (m_kind == Kind::RecoveryPoint) {
        // Cut corners set recovery points apart from resources even in grey scale.
        const qreal c = kChamfer;
        path.moveTo(rect.left() + c, rect.top());
        path.lineTo(rect.right() - c, rect.top());
        path.lineTo(rect.right(), rect.top() + c);
        path.lineTo(rect.right(), rect.bottom() - c);
        path.lineTo(rect.right() - c, rect.bottom());
        path.lineTo(rect.left() + c, rect.bottom());
        path.lineTo(rect.left(), rect.bottom() - c);
        path.lineTo(rect.left(), rect.top() + c);
        path.closeSubpath();
        return path;
    }
    path.addRoundedRect(rect, 5, 5);
    return path;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/)
{
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < kShapeDetail) {
        painter->fillRect(m_rect, m_palette->outline(m_fate));
        if (isSelected() || m_highlighted || m_searchMatch) {
            const QColor mark = isSelected() ? m_palette->selection()
                : m_highlighted              ? m_palette->changed()
                                             : m_palette->searchMatch();
            painter->setPen(cosmeticPen(mark, 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(m_rect.adjusted(-kHalo, -kHalo, kHalo, kHalo));
        }
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (m_searchMatch) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_palette->searchMatch());
        painter->drawRoundedRect(m_rect.adjusted(-kHalo, -kHalo, kHalo, kHalo), 9, 9);
    }
    paintBody(painter);
    if (detail >= kTextDetail) {
        paintLabel(painter);
        if (isFold())
            paintExpandButton(painter);
    }
}

void NodeItem::paintBody(QPainter* painter) const
{
    const QColor fill = m_palette->fill(m_fate);
    const QColor outline = m_palette->outline(m_fate);
    painter->setBrush(fill);
    painter->setPen(cosmeticPen(outline, 1.2));
    if (isFold()) {
        // Two sheets behind the front one: "there are more of these here".
        for (int sheet = 2; sheet >= 1; --sheet)
            painter->drawPath(bodyPath(m_rect.translated(sheet * kStackOffset, -sheet * kStackOffset)));
    }
    const QPainterPath body = bodyPath(m_rect);
    QPen pen = cosmeticPen(outline, 1.2);
    if (m_highlighted)
        pen = cosmeticPen(m_palette->changed(), 3.5);
    if (m_fate == NodeFate::Deleted && !m_highlighted)
        pen.setStyle(Qt::DashLine); // a second cue besides the hue: it is gone
    painter->setPen(pen);
    painter->drawPath(body);
    if (m_dataStore) {
        const qreal cap = std::min<qreal>(10, m_rect.height() / 3);
        QPainterPath rim;
        rim.moveTo(m_rect.left(), m_rect.top() + cap / 2);
        rim.arcTo(QRectF(m_rect.left(), m_rect.top(), m_rect.width(), cap), 180, 180);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(rim);
    }
    if (isSelected()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(cosmeticPen(m_palette->selection(), 2.5));
        painter->drawRoundedRect(m_rect.adjusted(-3, -3, 3, 3), 7, 7);
    }
}

void NodeItem::paintLabel(QPainter* painter) const
{
    QFont font = labelFont();
    font.setItalic(m_kind == Kind::RecoveryPoint);
    font.setBold(isFold());
    painter->setFont(font);
    painter->setPen(m_palette->text());
    QRectF textRect = m_rect.adjusted(kPadding, 0, -kPadding, 0);
    if (m_dataStore)
        textRect.setTop(textRect.top() + std::min<qreal>(10, m_rect.height() / 3) / 2);
    if (isFold())
        textRect.setRight(textRect.right() - kButtonSize - 4);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, m_elidedLabel);
}

void NodeItem::paintExpandButton(QPainter* painter) const
{
    const QRectF button = expandButtonRect();
    painter->setPen(cosmeticPen(m_palette->text(), 1.2));
    painter->setBrush(m_palette->background());
    painter->drawEllipse(button);
    const QPointF centre = button.center();
    const qreal arm = button.width() / 2 - 4;
    painter->drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()));
    painter->drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm));
}

} // namespace blastline::gui
