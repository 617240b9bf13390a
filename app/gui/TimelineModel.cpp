// SPDX-License-Identifier: MIT
#include "gui/TimelineModel.h"

#include "blastline/core/UtcTime.h"

#include <QFont>
#include <QPalette>

#include <algorithm>

namespace blastline::gui {

TimelineModel::TimelineModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TimelineModel::setEvents(std::vector<core::ReplayEvent> events, bool relativeTimes)
{
    beginResetModel();
    m_events = std::move(events);
    m_relativeTimes = relativeTimes;
    m_lastHappened = static_cast<int>(m_events.size()) - 1;
    endResetModel();
}

int TimelineModel::lastRowAt(std::int64_t timeMs) const
{
    const auto after = std::upper_bound(m_events.begin(), m_events.end(), timeMs,
        [](std::int64_t time, const core::ReplayEvent& event) { return time < event.timeMs; });
    return static_cast<int>(after - m_events.begin()) - 1;
}

void TimelineModel::setCurrentTime(std::int64_t timeMs)
{
    const int last = lastRowAt(timeMs);
    if (last == m_lastHappened)
        return;
    const int first = std::max(0, std::min(last, m_lastHappened));
    const int end = std::max(last, m_lastHappened);
    m_lastHappened = last;
    if (end >= 0 && !m_events.empty())
        emit dataChanged(index(first, 0), index(std::min(end, rowCount() - 1), ColumnCount - 1), {Qt::ForegroundRole});
}

QString TimelineModel::formatTime(std::int64_t timeMs, bool relative)
{
    if (relative) {
        const std::int64_t seconds = timeMs / 1000;
        return QStringLiteral("+%1:%2")
            .arg(seconds / 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    // "2026-02-26T22:02:04.000Z" → "2026-02-26 22:02:04": the milliseconds say nothing at this scale.
    QString text = QString::fromStdString(core::UtcTime::format(timeMs));
    return text.left(19).replace(QLatin1Char('T'), QLatin1Char(' '));
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::ReplayEvent& event = m_events[static_cast<std::size_t>(index.row())];
    const bool decision = event.origin == core::ReplayEvent::Origin::Decision;
    switch (role) {
    case TimeRole:
        return QVariant::fromValue<qint64>(event.timeMs);
    case IsDecisionRole:
        return decision;
    case Qt::FontRole: {
        if (!decision)
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::ForegroundRole:
        if (index.row() > m_lastHappened)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == OutcomeColumn && event.outcome == "failed")
            return QColor(0xE5, 0x39, 0x35);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return formatTime(event.timeMs, m_relativeTimes);
    case OriginColumn:
        return decision ? QStringLiteral("◆ decision") : QString::fromUtf8(core::toString(event.origin));
    case TextColumn:
        return QString::fromStdString(event.text);
    case OutcomeColumn:
        return QString::fromStdString(event.outcome);
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return m_relativeTimes ? tr("Time (from the start)") : tr("Time (UTC)");
    case OriginColumn:
        return tr("Origin");
    case TextColumn:
        return tr("Event");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

} // namespace blastline::gui
