// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QSlider;
class QTableView;
class QTimer;
class QToolButton;

namespace blastline::gui {

class TimelineModel;
class TimelineRuler;

/**
 * The run's timeline: the events in order, a scrubber over the run's span with Play/Pause and a speed, and the
 * decision points marked under the scrubber. Moving the scrubber (or clicking an event) says which instant the
 * window shows; the graph and the table then show the world at that instant.
 */
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(TimelineModel* model, QWidget* parent = nullptr);

    /** The span the scrubber covers, and the instants to mark; puts the scrubber at the end (the outcome). */
    void setSpan(std::int64_t startMs, std::int64_t endMs, bool relativeTimes, std::vector<std::int64_t> decisions);
    std::int64_t currentTime() const { return m_currentMs; }
    /** Moves the scrubber (clamped to the span) and emits timeChanged. */
    void setCurrentTime(std::int64_t timeMs);
    bool isPlaying() const;
    QSlider* scrubber() const { return m_slider; }
    QTableView* view() const { return m_view; }

public slots:
    void togglePlay();

signals:
    void timeChanged(qint64 timeMs);

private:
    void onSliderMoved(int value);
    void advance();
    void updateLabel();
    std::int64_t speedMsPerSecond() const;

    TimelineModel* m_model;
    QTableView* m_view;
    QSlider* m_slider;
    TimelineRuler* m_ruler;
    QToolButton* m_play;
    QComboBox* m_speed;
    QLabel* m_timeLabel;
    QTimer* m_timer;
    std::int64_t m_startMs = 0;
    std::int64_t m_endMs = 0;
    std::int64_t m_currentMs = 0;
    bool m_relativeTimes = false;
    bool m_hasSpan = false;
};

} // namespace blastline::gui
