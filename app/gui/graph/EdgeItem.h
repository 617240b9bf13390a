// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ResourceGraph.h"

#include <QGraphicsItem>
#include <QPolygonF>

#include <cstddef>

namespace blastline::gui {

class FatePalette;

/**
 * One edge of the layout, from the dependent to what it depends on, with an arrowhead at the dependency. Drawn by
 * kind: depends_on solid, protects dashed, encrypted_by dotted, references faint. An edge that stands for several
 * graph edges (between folds) is drawn thicker. Edges take no clicks: the nodes under them do.
 */
class EdgeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    EdgeItem(QPolygonF points, core::EdgeKind kind, std::size_t count, const FatePalette* palette);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    core::EdgeKind kind() const { return m_kind; }
    std::size_t count() const { return m_count; }
    /** Drawn in the selection colour: an edge of the selected node. */
    void setEmphasised(bool emphasised);
    bool isEmphasised() const { return m_emphasised; }
    /** Off for dense graphs: thousands of long antialiased lines cost more frame time than they add. */
    void setAntialiased(bool antialiased);

private:
    QPen pen() const;

    QPolygonF m_points;
    QRectF m_bounds;
    core::EdgeKind m_kind;
    std::size_t m_count;
    const FatePalette* m_palette;
    bool m_emphasised = false;
    bool m_antialiased = true;
};

} // namespace blastline::gui
