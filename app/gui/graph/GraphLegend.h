// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace blastline::gui {

class FatePalette;

/**
 * The key to the graph's colours and shapes: the six fates, data store, recovery point, fold, changed by a
 * safeguard, and the edge kinds. Shown in a corner of the view (it takes no clicks) and drawn beside exported images.
 */
class GraphLegend : public QWidget
{
public:
    GraphLegend(const FatePalette* palette, QWidget* parent);

    /** The legend's size in points (device-independent pixels). */
    static QSizeF legendSize();
    /** Draws the legend with its top left at `topLeft`, on a panel of the palette's background. */
    static void paintLegend(QPainter& painter, const QPointF& topLeft, const FatePalette& palette);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const FatePalette* m_palette;
};

} // namespace blastline::gui
