// SPDX-License-Identifier: MIT
#pragma once

// moc (Qt 6.4) cannot parse the C++20 standard headers these reach; it needs none of them.
#ifndef Q_MOC_RUN
#include "blastline/core/ReplayEngine.h"
#endif

#include <QAbstractTableModel>

#include <cstdint>
#include <vector>

namespace blastline::gui {

/** The run's events in time order: recorded, told, simulated and decision points, as the engine merged them. */
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        OriginColumn,
        TextColumn,
        OutcomeColumn,
        ColumnCount
    };
    enum Role
    {
        TimeRole = Qt::UserRole, // qint64 milliseconds
        IsDecisionRole
    };

    explicit TimelineModel(QObject* parent = nullptr);

    /** `relativeTimes`: the times count from the start of a simulated destroy ("+02:15") rather than UTC. */
    void setEvents(std::vector<core::ReplayEvent> events, bool relativeTimes);
    const std::vector<core::ReplayEvent>& events() const { return m_events; }
    /** The last event at or before the instant, or -1 before the first. */
    int lastRowAt(std::int64_t timeMs) const;
    /** Sets which events have happened at the instant (drawn plain; the rest dimmed). */
    void setCurrentTime(std::int64_t timeMs);

    /** "2026-02-26 22:02:04" or "+02:15". */
    static QString formatTime(std::int64_t timeMs, bool relative);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<core::ReplayEvent> m_events;
    bool m_relativeTimes = false;
    int m_lastHappened = -1;
};

} // namespace blastline::gui
