// SPDX-License-Identifier: MIT
#include "gui/TrainingController.h"

#include "GuiTestSupport.h"
#include "gui/EngineRun.h"

#include "blastline/core/TrainingScore.h"
#include "blastline/importers/ScenarioSession.h"

#include <QSignalSpy>
#include <QWidget>

#include <gtest/gtest.h>

#include <map>

namespace blastline::gui {

namespace {

/** Plays the DataTalks exercise with `answers` (decision id → option id; unanswered: history's choice). */
QString play(const std::map<std::string, std::string>& answers, std::vector<std::string>* asked = nullptr)
{
    testing::QuietProgress progress;
    auto document = std::shared_ptr<const Document>(&testing::dataTalks(), [](const Document*) {});
    auto baseline = std::make_shared<const RunResult>(EngineRun::run(*document, {}, progress));
    QWidget parent;
    auto* controller = new TrainingController(document, baseline, &parent);
    controller->setSynchronous(true);
    controller->setChooser([&](const core::DecisionPoint& decision, const QString&, const QString&) {
        if (asked != nullptr)
            asked->push_back(decision.id);
        const auto answer = answers.find(decision.id);
        return std::optional<std::string>(answer != answers.end() ? answer->second : decision.chosen);
    });
    QString score;
    QObject::connect(controller, &TrainingController::finished, [&](const QString& text) { score = text; });
    controller->start();
    return score;
}

} // namespace

TEST(TrainingController, asksEveryDecisionAndScoresHistoryAsTheEngineDoes)
{
    std::vector<std::string> asked;
    const QString score = play({}, &asked);
    EXPECT_EQ(asked.size(), testing::dataTalks().scenario->scenario().decisions.size());
    const core::Scenario& scenario = testing::dataTalks().scenario->scenario();
    const core::ReplayResult history = testing::dataTalks().scenario->engine().run({});
    const core::TrainingScore expected = core::TrainingScore::compute(scenario, history, history);
    EXPECT_TRUE(score.contains(QStringLiteral("%1 of the %2").arg(expected.saved).arg(expected.lostInReality)))
        << score.toStdString();
}

TEST(TrainingController, aSafeguardChosenAtTheFirstDecisionCountsInTheScore)
{
    const QString score = play({{"data-store-settings", "deletion-protection"}});
    const core::Scenario& scenario = testing::dataTalks().scenario->scenario();
    const core::ReplayResult history = testing::dataTalks().scenario->engine().run({});
    const core::ReplayResult guarded = testing::dataTalks().scenario->engine().run({"deletion-protection"});
    const core::TrainingScore expected = core::TrainingScore::compute(scenario, guarded, history);
    EXPECT_TRUE(score.contains(QStringLiteral("%1 of the %2").arg(expected.saved).arg(expected.lostInReality)))
        << score.toStdString();
    EXPECT_TRUE(score.contains(QStringLiteral("deletion-protection")));
}

TEST(TrainingController, stoppingEndsTheStoryAtThatDecision)
{
    std::vector<std::string> asked;
    const QString score = play({{"too-many-resources", "stop"}}, &asked);
    ASSERT_FALSE(asked.empty());
    EXPECT_EQ(asked.back(), "too-many-resources");
    EXPECT_TRUE(score.contains(QStringLiteral("stopped at")));
}

} // namespace blastline::gui
