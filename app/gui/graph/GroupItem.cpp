// SPDX-License-Identifier: MIT
#include "gui/graph/GroupItem.h"

#include "gui/graph/FatePalette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace blastline::gui {

namespace {

constexpr qreal kTextDetail = 0.3; // group titles are larger than node labels, so they stay readable a bit longer
constexpr qreal kButtonSize = 14;
constexpr qreal kPadding = 6;

QFont titleFont()
{
    QFont font;
    font.setPixelSize(13);
    font.setBold(true);
    return font;
}

} // namespace

GroupItem::GroupItem(QString key, const QString& label, std::size_t memberCount, const QRectF& rect, qreal headerHeight,
    int depth, const FatePalette* palette)
    : m_key(std::move(key))
    , m_label(label)
    , m_memberCount(memberCount)
    , m_rect(rect)
    , m_headerHeight(headerHeight)
    , m_palette(palette)
{
    const QString title = QStringLiteral("%1  (%2)").arg(label).arg(memberCount);
    m_elidedTitle =
        QFontMetricsF(titleFont()).elidedText(title, Qt::ElideMiddle, m_rect.width() - 3 * kPadding - kButtonSize);
    setAcceptedMouseButtons(Qt::NoButton);
    // No item cache: a box is cheap to draw, and a cached group of thousands of nodes would be a huge bitmap.
    // Inner groups (a subnet in its VPC) above outer ones, all below edges and nodes.
    setZValue(0.01 * depth);
}

QRectF GroupItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

QRectF GroupItem::headerRect() const
{
    return {m_rect.left(), m_rect.top(), m_rect.width(), m_headerHeight};
}

QRectF GroupItem::collapseButtonRect() const
{
    const QRectF header = headerRect();
    return {header.right() - kPadding - kButtonSize, header.center().y() - kButtonSize / 2, kButtonSize, kButtonSize};
}

void GroupItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/)
{
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    QPen outline(m_palette->groupOutline(), 1);
    outline.setCosmetic(true);
    painter->setPen(outline);
    painter->setBrush(m_palette->groupFill());
    if (detail < kTextDetail) {
        painter->drawRect(m_rect);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->drawRoundedRect(m_rect, 8, 8);
    painter->setFont(titleFont());
    painter->setPen(m_palette->text());
    const QRectF header = headerRect().adjusted(kPadding, 0, -2 * kPadding - kButtonSize, 0);
    painter->drawText(header, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, m_elidedTitle);
    const QRectF button = collapseButtonRect();
    painter->setPen(outline);
    painter->setBrush(m_palette->background());
    painter->drawEllipse(button);
    QPen minus(m_palette->text(), 1.2);
    minus.setCosmetic(true);
    painter->setPen(minus);
    const qreal arm = button.width() / 2 - 4;
    painter->drawLine(QPointF(button.center().x() - arm, button.center().y()),
        QPointF(button.center().x() + arm, button.center().y()));
}

} // namespace blastline::gui
