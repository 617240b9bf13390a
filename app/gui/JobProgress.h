// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ProgressSink.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>
#include <string>

namespace blastline::gui {

/**
 * The core's progress interface for work on a worker thread: progress becomes a signal (delivered queued to the
 * GUI thread's receivers), and Cancel in the dialog becomes isCancelled() for the engine to poll.
 */
class JobProgress : public QObject, public core::ProgressSink
{
    Q_OBJECT
public:
    explicit JobProgress(QObject* parent = nullptr);

    void progress(std::string_view phase, std::uint64_t done, std::uint64_t total) override;
    bool isCancelled() const override { return m_cancelled.load(); }
    void cancel() { m_cancelled.store(true); }

signals:
    /** `total` 0: unknown. At most about twenty a second, and on every change of phase. */
    void progressed(const QString& phase, quint64 done, quint64 total);

private:
    std::atomic<bool> m_cancelled {false};
    std::mutex m_mutex; // the CloudTrail reader calls under its own lock, other work from one thread: cheap anyway
    std::string m_lastPhase;
    QElapsedTimer m_sinceLast;
};

} // namespace blastline::gui
