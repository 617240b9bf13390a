// SPDX-License-Identifier: MIT
#include "gui/graph/GraphExporter.h"

#include "gui/graph/FatePalette.h"
#include "gui/graph/GraphLegend.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace blastline::gui {

namespace {

/**
 * Item caches are bitmaps: rendering a cached item to anything but a widget paints its bitmap, which would put
 * pixels instead of text into an SVG and blur a scaled PNG. Caching is switched off while exporting.
 */
class CachesOff
{
public:
    explicit CachesOff(QGraphicsScene& scene)
    {
        for (QGraphicsItem* item : scene.items()) {
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_cached.emplace_back(item, item->cacheMode());
                item->setCacheMode(QGraphicsItem::NoCache);
            }
        }
    }
    ~CachesOff()
    {
        for (const auto& [item, mode] : m_cached)
            item->setCacheMode(mode);
    }
    CachesOff(const CachesOff&) = delete;
    CachesOff& operator=(const CachesOff&) = delete;

private:
    std::vector<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> m_cached;
};

constexpr qreal kLegendGap = 16;

} // namespace

QSizeF GraphExporter::pictureSize(const QRectF& area)
{
    const QSizeF legend = GraphLegend::legendSize();
    return {area.width() + legend.width() + kLegendGap, std::max(area.height(), legend.height() + 2 * kLegendGap)};
}

void GraphExporter::paintPicture(
    QPainter& painter, QGraphicsScene& scene, const QRectF& area, const FatePalette& palette)
{
    const QSizeF size = pictureSize(area);
    painter.fillRect(QRectF(QPointF(0, 0), size), palette.background());
    scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    GraphLegend::paintLegend(painter, QPointF(area.width(), kLegendGap), palette);
}

bool GraphExporter::toSvg(
    QGraphicsScene& scene, const QRectF& area, const FatePalette& palette, const QString& title, const QString& path)
{
    const CachesOff cachesOff(scene);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Blastline resource graph"));
    const QSizeF picture = pictureSize(area);
    const QSize size(static_cast<int>(std::ceil(picture.width())), static_cast<int>(std::ceil(picture.height())));
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // One SVG unit per layout point, so the file measures what the layout computed.
    generator.setResolution(72);
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    paintPicture(painter, scene, area, palette);
    return painter.end();
}

bool GraphExporter::toPng(
    QGraphicsScene& scene, const QRectF& area, const FatePalette& palette, qreal scale, const QString& path)
{
    if (area.isEmpty() || scale <= 0)
        return false;
    const QSizeF picture = pictureSize(area);
    const qreal largest = std::max(picture.width(), picture.height()) * scale;
    if (largest > kMaxPngSide)
        scale *= kMaxPngSide / largest;
    const qreal pixels = picture.width() * picture.height() * scale * scale;
    if (pixels > kMaxPngPixels)
        scale *= std::sqrt(kMaxPngPixels / pixels);
    const QSize size(
        static_cast<int>(std::ceil(picture.width() * scale)), static_cast<int>(std::ceil(picture.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(palette.background()); // the rounded-up last row and column too
    {
        const CachesOff cachesOff(scene);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        paintPicture(painter, scene, area, palette);
    }
    return image.save(path, "PNG");
}

} // namespace blastline::gui
