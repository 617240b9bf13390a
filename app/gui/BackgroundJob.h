// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <thread>

class QProgressDialog;
class QWidget;

namespace blastline::core {
class ProgressSink;
}

namespace blastline::gui {

class JobProgress;

/**
 * Runs one piece of long work (reading files, an engine run) on a worker thread, with a progress dialog and its
 * Cancel button, so the window never freezes. The work reports through core::ProgressSink and stops with
 * core::OperationCancelled when cancelled; `done` then runs on the GUI thread. Exceptions become failed(message).
 * In synchronous mode (the screenshot mode, tests) the work runs at once on the calling thread, without a dialog.
 */
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<void(core::ProgressSink&)>;

    explicit BackgroundJob(QWidget* dialogParent, QObject* parent = nullptr);
    ~BackgroundJob() override;

    void setSynchronous(bool synchronous) { m_synchronous = synchronous; }
    bool isSynchronous() const { return m_synchronous; }
    /** Returns false, and does nothing, while another job runs. */
    bool start(const QString& title, Work work, std::function<void()> done);
    bool isRunning() const { return m_worker.joinable(); }
    void cancel();

signals:
    void failed(const QString& message);
    void cancelled();
    /** After `done` ran, or after failed or cancelled: the job slot is free again. */
    void finished();

private:
    void showProgress(const QString& phase, quint64 done, quint64 total);
    void complete(const QString& error, bool wasCancelled, const std::function<void()>& done);

    QPointer<QWidget> m_dialogParent;
    QProgressDialog* m_dialog = nullptr;
    std::unique_ptr<JobProgress> m_progress;
    std::thread m_worker;
    bool m_synchronous = false;
};

} // namespace blastline::gui
