// SPDX-License-Identifier: MIT
#include "gui/MainWindow.h"

#include "GuiTestSupport.h"
#include "gui/RecentFiles.h"
#include "gui/ResourceTableModel.h"
#include "gui/ResourceTablePanel.h"
#include "gui/SafeguardsPanel.h"
#include "gui/TimelinePanel.h"
#include "gui/VerdictBanner.h"
#include "gui/Workspace.h"
#include "gui/graph/GraphView.h"

#include "blastline/core/OutcomeDiff.h"
#include "blastline/core/UtcTime.h"
#include "blastline/importers/ScenarioSession.h"

#include <QApplication>
#include <QCheckBox>
#include <QDropEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

namespace blastline::gui {

using testing::kDatabase;

namespace {

constexpr int kTimeoutMs = 60'000;

QString scenarioPath()
{
    return QString::fromStdString(testing::sourcePath("sample-data/datatalks-2026"));
}

/** The fate column's text for an address, as the table shows it. */
QString tableFate(MainWindow& window, const std::string& address)
{
    const std::optional<int> row = window.resourceModel()->rowOf(address);
    if (!row)
        return QStringLiteral("(not in the table)");
    return window.resourceModel()->index(*row, ResourceTableModel::FateColumn).data().toString();
}

/** Opens the scenario off the GUI thread, as the app does, and waits for the first run. */
void openScenario(MainWindow& window)
{
    QSignalSpy opened(&window.workspace(), &Workspace::documentOpened);
    window.open({scenarioPath()});
    ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() == 1; }, kTimeoutMs));
}

std::optional<core::DataFate> storeFate(const core::ReplayOutcome& outcome, const std::string& address)
{
    std::optional<core::DataFate> fate;
    for (const core::ReplayOutcome::DataStore& store : outcome.dataStores) {
        if (store.address == address)
            fate = store.fate;
    }
    return fate;
}

} // namespace

TEST(MainWindow, opensTheScenarioOffTheGuiThreadAndFindsTheDatabaseInTheTable)
{
    MainWindow window;
    window.setErrorHandler([](const QString& title, const QString& message) {
        ADD_FAILURE() << title.toStdString() << ": " << message.toStdString();
    });
    openScenario(window);
    ASSERT_NE(window.workspace().current(), nullptr);

    ResourceTablePanel& table = *window.resourcePanel();
    QTest::keyClicks(table.filterEdit(), QStringLiteral("dev_course_management_cluster"));
    ASSERT_GE(table.proxy()->rowCount(), 1);
    const QModelIndex first = table.proxy()->index(0, ResourceTableModel::AddressColumn);
    EXPECT_EQ(first.data().toString(), QString::fromUtf8(kDatabase));

    // Choosing it in the table selects it everywhere, and the inspector shows it.
    table.view()->selectionModel()->setCurrentIndex(
        first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EXPECT_EQ(window.selectedAddress(), kDatabase);
}

TEST(MainWindow, scrubbingPastTheDeleteShowsTheDatabaseDeletedAndASafeguardChangesItsFate)
{
    MainWindow window;
    window.setErrorHandler([](const QString& title, const QString& message) {
        ADD_FAILURE() << title.toStdString() << ": " << message.toStdString();
    });
    openScenario(window);
    const core::ReplayResult& asItHappened = window.workspace().current()->replay;

    // Past the recorded DeleteDBCluster (22:02:04Z), and past the engine's own simulated delete: the table says what
    // the engine's worldAt says at each instant, and the database is deleted once the engine deleted it.
    TimelinePanel& timeline = *window.timelinePanel();
    const std::int64_t start = window.workspace().current()->startMs;
    const auto scrubTo = [&](std::int64_t instant) {
        timeline.scrubber()->setValue(static_cast<int>((instant - start + 999) / 1000));
        return timeline.currentTime();
    };
    const std::int64_t recorded = scrubTo(*core::UtcTime::parse("2026-02-26T22:02:05Z"));
    EXPECT_EQ(tableFate(window, kDatabase), fateName(testing::engineFateAt(asItHappened, kDatabase, recorded)));
    const std::optional<std::int64_t> deleted = testing::engineDeleteTime(asItHappened, kDatabase);
    ASSERT_TRUE(deleted);
    const std::int64_t after = scrubTo(std::max(*deleted, recorded) + 1'000);
    EXPECT_EQ(tableFate(window, kDatabase), fateName(NodeFate::Deleted));
    EXPECT_EQ(testing::engineFateAt(asItHappened, kDatabase, after), NodeFate::Deleted);

    // Tick deletion protection: the engine runs again off the GUI thread; the window shows what it says.
    QSignalSpy changed(&window.workspace(), &Workspace::runChanged);
    QCheckBox* protection = window.safeguardsPanel()->checkBox(QStringLiteral("deletion-protection"));
    ASSERT_NE(protection, nullptr);
    protection->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() >= 1; }, kTimeoutMs));
    const core::ReplayResult guarded = window.workspace().document()->scenario->engine().run({"deletion-protection"});
    EXPECT_EQ(window.workspace().current()->safeguards(), std::vector<std::string> {"deletion-protection"});
    EXPECT_EQ(storeFate(window.workspace().current()->outcome(), kDatabase), storeFate(guarded.outcome, kDatabase));
    EXPECT_NE(storeFate(guarded.outcome, kDatabase), storeFate(asItHappened.outcome, kDatabase));
    // The scrubber stayed at its instant; the table shows the guarded history there.
    EXPECT_EQ(timeline.currentTime(), after);
    EXPECT_EQ(tableFate(window, kDatabase), fateName(testing::engineFateAt(guarded, kDatabase, after)));

    // The change is listed as core words it, and the banner shows the engine's verdict.
    QStringList listed;
    for (int i = 0; i < window.safeguardsPanel()->changeList()->count(); ++i)
        listed << window.safeguardsPanel()->changeList()->item(i)->text();
    for (const core::FateChange& change : core::diffOutcomes(asItHappened.outcome, guarded.outcome))
        EXPECT_TRUE(listed.contains(QString::fromStdString(change.describe()))) << change.describe();
    EXPECT_TRUE(window.banner()->text().contains(QString::fromUtf8(core::toString(guarded.outcome.verdict)).toUpper()));

    // Untick: back to history.
    protection->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.workspace().current()->safeguards().empty(); }, kTimeoutMs));
    EXPECT_EQ(tableFate(window, kDatabase), fateName(NodeFate::Deleted));
}

TEST(MainWindow, reportsAFileItCannotOpenByName)
{
    MainWindow window;
    QString reported;
    window.setErrorHandler(
        [&](const QString& title, const QString& message) { reported = title + QStringLiteral(": ") + message; });
    window.workspace().setSynchronous(true);
    const QString missing = QStringLiteral("/nonexistent/production.tfstate");
    window.open({missing});
    EXPECT_TRUE(reported.contains(missing)) << reported.toStdString();
    EXPECT_EQ(window.workspace().document(), nullptr);
}

TEST(MainWindow, opensWhatIsDroppedOnItAndRemembersIt)
{
    RecentFiles::clear();
    MainWindow window;
    QSignalSpy opened(&window.workspace(), &Workspace::documentOpened);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(
        QString::fromStdString(testing::sourcePath("sample-data/datatalks-2026/production.tfstate")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() == 1; }, kTimeoutMs));
    EXPECT_EQ(window.workspace().document()->kind, Document::Kind::State);
    const std::vector<QStringList> recent = RecentFiles::load();
    ASSERT_FALSE(recent.empty());
    EXPECT_TRUE(recent.front().front().endsWith(QStringLiteral("production.tfstate")));
    RecentFiles::clear();
}

TEST(MainWindow, spacePlaysAndPausesTheTimeline)
{
    MainWindow window;
    window.workspace().setSynchronous(true);
    window.open({scenarioPath()});
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.timelinePanel()->view()->setFocus();
    EXPECT_FALSE(window.timelinePanel()->isPlaying());
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_TRUE(window.timelinePanel()->isPlaying());
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_FALSE(window.timelinePanel()->isPlaying());
}

TEST(MainWindow, spaceTicksAFocusedSafeguardInsteadOfPlaying)
{
    MainWindow window;
    window.workspace().setSynchronous(true);
    window.open({scenarioPath()});
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QCheckBox* box = window.safeguardsPanel()->checkBox(QStringLiteral("deletion-protection"));
    ASSERT_NE(box, nullptr);
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    EXPECT_TRUE(box->isChecked()) << "Space toggles the checkbox that has the focus";
    EXPECT_FALSE(window.timelinePanel()->isPlaying());
}

} // namespace blastline::gui
