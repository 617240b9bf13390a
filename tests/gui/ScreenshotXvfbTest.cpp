// SPDX-License-Identifier: MIT
#include "GuiTestSupport.h"
#include "TemporaryDirectory.h"

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <set>

namespace blastline::gui {

namespace {

constexpr int kWidth = 1600;
constexpr int kHeight = 1000;

/** Runs blastline-gui under a real X server; returns its exit code, its stderr in `err`. */
int runUnderXvfb(const QStringList& arguments, QString& err)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // the tests run offscreen; this one must use xcb
    // In a sanitizer build, the xcb plugin's system libraries keep memory to the end; ours is still checked.
    environment.insert(QStringLiteral("LSAN_OPTIONS"),
        QStringLiteral("suppressions=%1/tests/gui/xcb-lsan.supp").arg(QStringLiteral(BLASTLINE_SOURCE_DIR)));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("xvfb-run"),
        QStringList {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1920x1200x24"),
            QStringLiteral(BLASTLINE_GUI_EXECUTABLE)}
            + arguments);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        err = QStringLiteral("timed out");
        return -1;
    }
    err = QString::fromLocal8Bit(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

TEST(ScreenshotMode, rendersTheDataTalksScenarioUnderXvfb)
{
    if (QStandardPaths::findExecutable(QStringLiteral("xvfb-run")).isEmpty())
        GTEST_SKIP() << "xvfb-run is not installed (Debian package xvfb): the screenshot test needs a real X server";
    blastline::testing::TemporaryDirectory folder;
    const QString png = QString::fromStdString((folder.path() / "datatalks.png").string());
    QString err;
    const int code = runUnderXvfb(
        {QStringLiteral("--screenshot"), png, QStringLiteral("--at"), QStringLiteral("2026-02-26T22:03:00Z"),
            QString::fromStdString(testing::sourcePath("sample-data/datatalks-2026"))},
        err);
    ASSERT_EQ(code, 0) << err.toStdString();

    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), kWidth);
    EXPECT_EQ(image.height(), kHeight);
    // Not blank: a window with a graph, a table and a banner has many colours; a blank grab has one or two.
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    EXPECT_GT(colours.size(), 50U);
}

TEST(ScreenshotMode, exitsWithTwoAndAMessageForABadInput)
{
    if (QStandardPaths::findExecutable(QStringLiteral("xvfb-run")).isEmpty())
        GTEST_SKIP() << "xvfb-run is not installed (Debian package xvfb)";
    blastline::testing::TemporaryDirectory folder;
    const QString png = QString::fromStdString((folder.path() / "none.png").string());
    QString err;
    EXPECT_EQ(
        runUnderXvfb({QStringLiteral("--screenshot"), png, QStringLiteral("/nonexistent/state.tfstate")}, err), 2);
    EXPECT_TRUE(err.contains(QStringLiteral("/nonexistent/state.tfstate"))) << err.toStdString();
}

} // namespace blastline::gui
