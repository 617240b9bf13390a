// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include <QFont>
#include <QGraphicsItem>
#include <QString>

#include <cstddef>

namespace blastline::gui {

class FatePalette;

/**
 * One node of the laid-out graph: a resource instance, a recovery point, or a fold standing for many (a folded
 * resource or a collapsed group, drawn as a stack with a "+" button). Paints with the level of detail of the view:
 * outlines only when zoomed far out, the label once it can be read.
 */
class NodeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };
    enum class Kind
    {
        Resource,
        RecoveryPoint,
        Fold
    };

    /** `address` is the graph node's name (empty for folds); `foldKey` LayoutNode::fold. */
    NodeItem(std::size_t layoutIndex, Kind kind, const QRectF& rect, const QString& label, QString address,
        QString foldKey, const FatePalette* palette);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    std::size_t layoutIndex() const { return m_layoutIndex; }
    Kind kind() const { return m_kind; }
    bool isFold() const { return m_kind == Kind::Fold; }
    const QString& label() const { return m_label; }
    const QString& address() const { return m_address; }
    const QString& foldKey() const { return m_foldKey; }
    QRectF rect() const { return m_rect; }
    /** The fold's "+" button, in item coordinates (empty for other kinds). */
    QRectF expandButtonRect() const;

    NodeFate fate() const { return m_fate; }
    void setFate(NodeFate fate);
    bool isDataStore() const { return m_dataStore; }
    void setDataStore(bool dataStore);
    bool isHighlighted() const { return m_highlighted; }
    void setHighlighted(bool highlighted);
    bool isSearchMatch() const { return m_searchMatch; }
    void setSearchMatch(bool match);

    /** Scene units: device-independent, as the layout's points are. */
    static QFont labelFont();

private:
    QPainterPath bodyPath(const QRectF& rect) const;
    void paintBody(QPainter* painter) const;
    void paintLabel(QPainter* painter) const;
    void paintExpandButton(QPainter* painter) const;

    std::size_t m_layoutIndex;
    Kind m_kind;
    QRectF m_rect;
    QString m_label;
    QString m_elidedLabel;
    QString m_address;
    QString m_foldKey;
    const FatePalette* m_palette;
    NodeFate m_fate = NodeFate::Alive;
    bool m_dataStore = false;
    bool m_highlighted = false;
    bool m_searchMatch = false;
};

} // namespace blastline::gui
