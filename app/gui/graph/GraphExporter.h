// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>
#include <QString>

class QGraphicsScene;
class QPainter;

namespace blastline::gui {

class FatePalette;

/**
 * Writes a whole graph scene (not just what the view shows) as a vector SVG or a PNG, with the legend beside it
 * (GraphLegend), so the picture explains itself in a report.
 */
class GraphExporter
{
public:
    /** Text stays text and shapes stay shapes in the SVG. Returns false when the file cannot be written. */
    static bool toSvg(QGraphicsScene& scene, const QRectF& area, const FatePalette& palette, const QString& title,
        const QString& path);
    /**
     * `scale` pixels per point (2 for a sharp picture on high-DPI screens). Very large graphs get a smaller scale,
     * so neither side exceeds kMaxPngSide pixels nor the image kMaxPngPixels (a 256 MB bitmap). Returns false when the
     * image cannot be allocated or written.
     */
    static bool toPng(
        QGraphicsScene& scene, const QRectF& area, const FatePalette& palette, qreal scale, const QString& path);

    static constexpr int kMaxPngSide = 16384;
    static constexpr double kMaxPngPixels = 64.0 * 1024 * 1024;

private:
    /** The picture's size in points: the scene's area and the legend's column to its right. */
    static QSizeF pictureSize(const QRectF& area);
    static void paintPicture(QPainter& painter, QGraphicsScene& scene, const QRectF& area, const FatePalette& palette);
};

} // namespace blastline::gui
