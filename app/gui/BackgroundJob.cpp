// SPDX-License-Identifier: MIT
#include "gui/BackgroundJob.h"

#include "gui/JobProgress.h"

#include "blastline/core/Error.h"

#include <QProgressDialog>
#include <QTimer>
#include <QWidget>

#include <exception>

namespace blastline::gui {

namespace {

constexpr int kDialogDelayMs = 400; // short work finishes without a dialog flashing up
constexpr int kDialogSteps = 1000;

/** Runs the work and says how it ended: an error message, or cancelled, or neither. */
void runCatching(const BackgroundJob::Work& work, core::ProgressSink& progress, QString& error, bool& wasCancelled)
{
    try {
        work(progress);
    } catch (const core::OperationCancelled&) {
        wasCancelled = true;
    } catch (const std::exception& exception) {
        error = QString::fromUtf8(exception.what());
    }
}

} // namespace

BackgroundJob::BackgroundJob(QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{ }

BackgroundJob::~BackgroundJob()
{
    if (m_progress)
        m_progress->cancel();
    if (m_worker.joinable())
        m_worker.join();
}

bool BackgroundJob::start(const QString& title, Work work, std::function<void()> done)
{
    if (isRunning())
        return false;
    m_progress = std::make_unique<JobProgress>();
    if (m_synchronous) {
        QString error;
        bool wasCancelled = false;
        runCatching(work, *m_progress, error, wasCancelled);
        complete(error, wasCancelled, done);
        return true;
    }

    m_dialog = new QProgressDialog(title, tr("Cancel"), 0, 0, m_dialogParent);
    m_dialog->setWindowTitle(title);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(kDialogDelayMs);
    // Shown after the delay whether or not the work has reported a value yet (it may say nothing for a while);
    // the timer dies with the dialog when the work ends sooner.
    QTimer::singleShot(kDialogDelayMs, m_dialog, [dialog = m_dialog] { dialog->show(); });
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
    connect(m_progress.get(), &JobProgress::progressed, this, &BackgroundJob::showProgress, Qt::QueuedConnection);

    JobProgress* progress = m_progress.get();
    m_worker = std::thread([this, progress, work = std::move(work), done = std::move(done)] {
        QString error;
        bool wasCancelled = false;
        runCatching(work, *progress, error, wasCancelled);
        // Back on the GUI thread; dropped if the job object is gone (its destructor joined this thread).
        QMetaObject::invokeMethod(
            this, [this, error, wasCancelled, done] { complete(error, wasCancelled, done); }, Qt::QueuedConnection);
    });
    return true;
}

void BackgroundJob::cancel()
{
    if (m_progress)
        m_progress->cancel();
    if (m_dialog)
        m_dialog->setLabelText(tr("Cancelling…"));
}

void BackgroundJob::showProgress(const QString& phase, quint64 done, quint64 total)
{
    if (!m_dialog || (m_progress && m_progress->isCancelled()))
        return;
    m_dialog->setLabelText(phase);
    if (total == 0) {
        m_dialog->setRange(0, 0); // busy indicator: the work cannot say how far it is
    } else {
        m_dialog->setRange(0, kDialogSteps);
        m_dialog->setValue(static_cast<int>(done * kDialogSteps / total));
    }
}

void BackgroundJob::complete(const QString& error, bool wasCancelled, const std::function<void()>& done)
{
    if (m_worker.joinable())
        m_worker.join();
    // Deleted at once: this runs from the event loop, never from one of the dialog's own signals.
    delete m_dialog;
    m_dialog = nullptr;
    m_progress.reset();
    if (wasCancelled)
        emit cancelled();
    else if (!error.isEmpty())
        emit failed(error);
    else if (done)
        done();
    emit finished();
}

} // namespace blastline::gui
