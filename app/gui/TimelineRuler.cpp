// SPDX-License-Identifier: MIT
#include "gui/TimelineRuler.h"

#include <QPainter>
#include <QPolygonF>
#include <QStyle>

namespace blastline::gui {

TimelineRuler::TimelineRuler(QWidget* parent)
    : QWidget(parent)
{
    setToolTip(tr("Decision points"));
}

void TimelineRuler::setMarks(std::int64_t startMs, std::int64_t endMs, std::vector<std::int64_t> marks)
{
    m_startMs = startMs;
    m_endMs = endMs;
    m_marks = std::move(marks);
    update();
}

QSize TimelineRuler::sizeHint() const
{
    return {100, fontMetrics().height() / 2 + 4};
}

void TimelineRuler::paintEvent(QPaintEvent*)
{
    if (m_endMs <= m_startMs)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Highlight));
    // The slider's handle travels inside a margin of half its width on each side.
    const int margin = style()->pixelMetric(QStyle::PM_SliderLength) / 2;
    const double usable = width() - 2.0 * margin;
    const double half = height() / 2.0;
    for (const std::int64_t mark : m_marks) {
        const double x =
            margin + usable * static_cast<double>(mark - m_startMs) / static_cast<double>(m_endMs - m_startMs);
        const QPolygonF diamond({{x, 0}, {x + half, half}, {x, 2 * half}, {x - half, half}});
        painter.drawPolygon(diamond);
    }
}

} // namespace blastline::gui
