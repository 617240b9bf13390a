// SPDX-License-Identifier: MIT
#include "gui/BackgroundJob.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"

#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWidget>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace blastline::gui {

namespace {

constexpr int kTimeoutMs = 30'000;

} // namespace

TEST(BackgroundJob, runsTheWorkOffTheGuiThreadAndTheContinuationOnIt)
{
    BackgroundJob job(nullptr);
    QThread* workThread = nullptr;
    QThread* doneThread = nullptr;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    ASSERT_TRUE(job.start(
        QStringLiteral("work"), [&](core::ProgressSink&) { workThread = QThread::currentThread(); },
        [&] { doneThread = QThread::currentThread(); }));
    EXPECT_TRUE(job.isRunning());
    EXPECT_FALSE(job.start(
        QStringLiteral("second"), [](core::ProgressSink&) {}, [] {})); // one at a time
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));
    EXPECT_NE(workThread, QThread::currentThread());
    EXPECT_EQ(doneThread, QThread::currentThread());
    EXPECT_FALSE(job.isRunning());
}

TEST(BackgroundJob, turnsAnExceptionIntoItsMessage)
{
    BackgroundJob job(nullptr);
    QSignalSpy failed(&job, &BackgroundJob::failed);
    bool done = false;
    job.start(
        QStringLiteral("work"),
        [](core::ProgressSink&) { throw core::InputError("state.tfstate:3:4: expected a value"); },
        [&] { done = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.count() == 1; }, kTimeoutMs));
    EXPECT_EQ(failed.at(0).at(0).toString(), QStringLiteral("state.tfstate:3:4: expected a value"));
    EXPECT_FALSE(done);
}

TEST(BackgroundJob, theDialogsCancelButtonReachesTheWorkThroughTheProgressSink)
{
    QWidget window;
    window.show();
    BackgroundJob job(&window);
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    std::atomic<bool> started = false;
    bool done = false;
    job.start(
        QStringLiteral("work"),
        [&](core::ProgressSink& progress) {
            started = true;
            // Long work polls the sink, as the engines do, and stops when asked.
            for (int i = 0; i < 6000; ++i) {
                progress.progress("working", static_cast<std::uint64_t>(i), 6000);
                if (progress.isCancelled())
                    throw core::OperationCancelled();
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        },
        [&] { done = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.load(); }, kTimeoutMs));
    // Long work gets its dialog after a moment; its Cancel button cancels.
    QProgressDialog* dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            dialog = window.findChild<QProgressDialog*>();
            return dialog != nullptr && dialog->isVisible();
        },
        kTimeoutMs));
    QPushButton* cancel = dialog->findChild<QPushButton*>();
    ASSERT_NE(cancel, nullptr);
    cancel->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return cancelled.count() == 1; }, kTimeoutMs));
    EXPECT_FALSE(done);
}

TEST(BackgroundJob, synchronousModeRunsAtOnce)
{
    BackgroundJob job(nullptr);
    job.setSynchronous(true);
    bool done = false;
    job.start(
        QStringLiteral("work"), [](core::ProgressSink&) {}, [&] { done = true; });
    EXPECT_TRUE(done);
    EXPECT_FALSE(job.isRunning());
}

} // namespace blastline::gui
