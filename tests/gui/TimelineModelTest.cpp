// SPDX-License-Identifier: MIT
#include "gui/TimelineModel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

namespace blastline::gui {

namespace {

core::ReplayEvent event(std::int64_t timeMs, core::ReplayEvent::Origin origin, std::string text)
{
    core::ReplayEvent entry;
    entry.timeMs = timeMs;
    entry.origin = origin;
    entry.text = std::move(text);
    return entry;
}

std::vector<core::ReplayEvent> threeEvents()
{
    return {event(1'000, core::ReplayEvent::Origin::Narrative, "told"),
        event(2'000, core::ReplayEvent::Origin::Decision, "decide?"),
        event(2'000, core::ReplayEvent::Origin::Simulated, "destroyed aws_x.y")};
}

} // namespace

TEST(TimelineModel, passesTheModelTesterThroughResetsAndScrubbing)
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEvents(threeEvents(), false);
    model.setCurrentTime(0);
    model.setCurrentTime(1'500);
    model.setCurrentTime(5'000);
    model.setEvents({}, true);
    model.setCurrentTime(10);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(TimelineModel, findsTheLastEventAtAnInstant)
{
    TimelineModel model;
    model.setEvents(threeEvents(), false);
    EXPECT_EQ(model.lastRowAt(999), -1);
    EXPECT_EQ(model.lastRowAt(1'000), 0);
    EXPECT_EQ(model.lastRowAt(1'999), 0);
    EXPECT_EQ(model.lastRowAt(2'000), 2);
    EXPECT_EQ(model.lastRowAt(1'000'000), 2);
}

TEST(TimelineModel, marksDecisionsAndFormatsBothClocks)
{
    TimelineModel model;
    model.setEvents(threeEvents(), false);
    EXPECT_TRUE(model.index(1, 0).data(TimelineModel::IsDecisionRole).toBool());
    EXPECT_FALSE(model.index(2, 0).data(TimelineModel::IsDecisionRole).toBool());
    EXPECT_EQ(model.index(2, TimelineModel::OriginColumn).data().toString(), QStringLiteral("simulated"));
    EXPECT_EQ(model.index(0, TimelineModel::TimeColumn).data(TimelineModel::TimeRole).toLongLong(), 1'000);
    EXPECT_EQ(TimelineModel::formatTime(1'772'143'324'000, false), QStringLiteral("2026-02-26 22:02:04"));
    EXPECT_EQ(TimelineModel::formatTime(135'500, true), QStringLiteral("+02:15"));
}

} // namespace blastline::gui
