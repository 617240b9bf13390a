// SPDX-License-Identifier: MIT
#include "gui/TimelinePanel.h"

#include "gui/TimelineModel.h"
#include "gui/TimelineRuler.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace blastline::gui {

namespace {

constexpr int kTickMs = 50;

} // namespace

TimelinePanel::TimelinePanel(TimelineModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_ruler(new TimelineRuler(this))
    , m_play(new QToolButton(this))
    , m_speed(new QComboBox(this))
    , m_timeLabel(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_view->setObjectName(QStringLiteral("timelineTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::TextColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::clicked, this,
        [this](const QModelIndex& index) { setCurrentTime(index.data(TimelineModel::TimeRole).toLongLong()); });

    m_slider->setObjectName(QStringLiteral("scrubber"));
    m_slider->setToolTip(tr("The instant the graph and the table show"));
    connect(m_slider, &QSlider::valueChanged, this, &TimelinePanel::onSliderMoved);

    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play or pause (Space)"));
    connect(m_play, &QToolButton::clicked, this, &TimelinePanel::togglePlay);

    // How much of the story passes per second of playing.
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->addItem(tr("1 s/s"), 1'000);
    m_speed->addItem(tr("10 s/s"), 10'000);
    m_speed->addItem(tr("1 min/s"), 60'000);
    m_speed->addItem(tr("10 min/s"), 600'000);
    m_speed->addItem(tr("1 h/s"), 3'600'000);
    m_speed->setToolTip(tr("Playing speed: story time per second"));

    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &TimelinePanel::advance);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_speed);
    auto* scrub = new QVBoxLayout;
    scrub->setSpacing(0);
    scrub->addWidget(m_slider);
    scrub->addWidget(m_ruler);
    controls->addLayout(scrub, 1);
    controls->addWidget(m_timeLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
}

void TimelinePanel::setSpan(
    std::int64_t startMs, std::int64_t endMs, bool relativeTimes, std::vector<std::int64_t> decisions)
{
    m_timer->stop();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    // A what-if destroy lasts minutes: a slow default; an incident lasts hours. A new run of the same document keeps
    // the speed the person chose.
    if (!m_hasSpan || relativeTimes != m_relativeTimes)
        m_speed->setCurrentIndex(relativeTimes ? 1 : 3);
    m_hasSpan = true;
    m_startMs = startMs;
    m_endMs = std::max(startMs, endMs);
    m_relativeTimes = relativeTimes;
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, static_cast<int>((m_endMs - m_startMs + 999) / 1000));
    m_ruler->setMarks(
        m_startMs, m_startMs + static_cast<std::int64_t>(m_slider->maximum()) * 1000, std::move(decisions));
    setCurrentTime(m_endMs);
}

void TimelinePanel::setCurrentTime(std::int64_t timeMs)
{
    m_currentMs = std::clamp(timeMs, m_startMs, std::max(m_startMs, m_endMs));
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(static_cast<int>((m_currentMs - m_startMs) / 1000));
    }
    m_model->setCurrentTime(m_currentMs);
    const int row = m_model->lastRowAt(m_currentMs);
    if (row >= 0)
        m_view->scrollTo(m_model->index(row, 0)); // the last event that happened is in sight
    updateLabel();
    emit timeChanged(m_currentMs);
}

void TimelinePanel::onSliderMoved(int value)
{
    setCurrentTime(m_startMs + static_cast<std::int64_t>(value) * 1000);
}

bool TimelinePanel::isPlaying() const
{
    return m_timer->isActive();
}

void TimelinePanel::togglePlay()
{
    if (m_timer->isActive()) {
        m_timer->stop();
        m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
        return;
    }
    if (m_currentMs >= m_endMs)
        setCurrentTime(m_startMs); // from the start again, as a media player does
    m_timer->start();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
}

std::int64_t TimelinePanel::speedMsPerSecond() const
{
    return m_speed->currentData().toLongLong();
}

void TimelinePanel::advance()
{
    setCurrentTime(m_currentMs + speedMsPerSecond() * kTickMs / 1000);
    if (m_currentMs >= m_endMs)
        togglePlay();
}

void TimelinePanel::updateLabel()
{
    m_timeLabel->setText(TimelineModel::formatTime(m_currentMs, m_relativeTimes));
}

} // namespace blastline::gui
