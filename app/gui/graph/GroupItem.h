// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>
#include <QString>

#include <cstddef>

namespace blastline::gui {

class FatePalette;

/**
 * The box of an expanded group (a module, a VPC, a subnet), its label in the header and a "−" button there that
 * collapses it back into one node. Collapsed groups are not drawn by this item: a fold NodeItem stands for them.
 */
class GroupItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 3
    };

    GroupItem(QString key, const QString& label, std::size_t memberCount, const QRectF& rect, qreal headerHeight,
        int depth, const FatePalette* palette);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QString& key() const { return m_key; }
    const QString& label() const { return m_label; }
    std::size_t memberCount() const { return m_memberCount; }
    QRectF rect() const { return m_rect; }
    QRectF headerRect() const;
    /** The "−" button in the header, in item coordinates. */
    QRectF collapseButtonRect() const;

private:
    QString m_key;
    QString m_label;
    QString m_elidedTitle;
    std::size_t m_memberCount;
    QRectF m_rect;
    qreal m_headerHeight;
    const FatePalette* m_palette;
};

} // namespace blastline::gui
