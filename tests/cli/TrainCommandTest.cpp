// SPDX-License-Identifier: MIT
#include "../importers/CloudTrailTestSupport.h"
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace blastline::test {
namespace {

using testing::TemporaryDirectory;

const std::string kScenario = sample("datatalks-2026");

std::string answers(const std::string& settings, const std::string& tooMany, const std::string& approve)
{
    return "# one decision=option per line\n"
           "data-store-settings = "
        + settings + "\ncombine-projects=combine\nstate-location=run-without-state\ntoo-many-resources=" + tooMany
        + "\napprove-destroy=" + approve + "\n";
}

CliRun train(const TemporaryDirectory& dir, const std::string& content)
{
    const auto file = dir.write("answers.txt", content);
    return runInProcess({"train", kScenario, "--answers", file.string()});
}

TEST(TrainCommand, choosingWhatReallyHappenedLosesTheClusterAndTheDay)
{
    const TemporaryDirectory dir;
    const CliRun run = train(dir, answers("as-is", "apply", "auto-approve"));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("Decision at 2026-02-26T21:56:00.000Z"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Data saved: 0 of the 1 data stores lost in reality"), std::string::npos) << run.out;
    // From the recorded DeleteDBCluster (22:02:04Z) to the restore voice note (21:23:35Z the next day).
    EXPECT_NE(run.out.find("Time to recover: 23 h 21 min"), std::string::npos) << run.out;
}

TEST(TrainCommand, eachSafeguardChangesTheScoreOnlyWhereItActs)
{
    const TemporaryDirectory dir;
    for (const char* setting : {"deletion-protection", "prevent-destroy"}) {
        const CliRun run = train(dir, answers(setting, "apply", "auto-approve"));
        ASSERT_EQ(run.exitCode, 0) << run.err;
        EXPECT_NE(run.out.find("Data saved: 1 of the 1"), std::string::npos) << setting << ":\n" << run.out;
    }
    const CliRun gate = train(dir, answers("as-is", "apply", "review-plan"));
    EXPECT_NE(gate.out.find("Data saved: 1 of the 1"), std::string::npos) << gate.out;
    const CliRun stopped = train(dir, answers("as-is", "stop", "auto-approve"));
    EXPECT_NE(stopped.out.find("Data saved: 1 of the 1"), std::string::npos) << stopped.out;
    EXPECT_NE(stopped.out.find("stopped at 2026-02-26T21:12:00.000Z"), std::string::npos) << stopped.out;
    EXPECT_EQ(stopped.out.find("Decision at 2026-02-26T21:56:00.000Z"), std::string::npos)
        << "after stopping, the story does not go on to the destroy";
}

TEST(TrainCommand, theRdsRenameExerciseIsCaughtByReviewingThePlan)
{
    const TemporaryDirectory dir;
    const auto run = [&](const std::string& apply) {
        const auto file = dir.write("rds.txt", "data-store-settings=as-is\napply=" + apply + "\n");
        return runInProcess({"train", sample("rds-rename"), "--answers", file.string()});
    };
    const CliRun asIs = run("continue");
    ASSERT_EQ(asIs.exitCode, 0) << asIs.err;
    EXPECT_NE(asIs.out.find("Data saved: 0 of the 1"), std::string::npos) << asIs.out;
    const CliRun reviewed = run("review-plan");
    EXPECT_NE(reviewed.out.find("Data saved: 1 of the 1"), std::string::npos) << reviewed.out;
}

TEST(TrainCommand, anAttackersRecordedDeletesAreScoredByTheEngine)
{
    // Code Spaces' deletes were an attacker's in the console: the engine judges the trail's record under each choice.
    const TemporaryDirectory dir;
    const auto asItWent = dir.write("cs.txt", "backup-location=same-account\nattacker-in-console=change-passwords\n");
    const CliRun history = runInProcess({"train", sample("codespaces-2014"), "--answers", asItWent.string()});
    ASSERT_EQ(history.exitCode, 0) << history.err;
    // The volumes are lost; whether the buckets held objects when emptied is not known, and not counted as saved.
    EXPECT_NE(history.out.find("Data saved: 0 of the 5 data stores lost in reality, 3 not known"), std::string::npos)
        << history.out;
    const auto elsewhere = dir.write("cs2.txt", "backup-location=other-account\nattacker-in-console=change-passwords\n");
    const CliRun saved = runInProcess({"train", sample("codespaces-2014"), "--answers", elsewhere.string()});
    ASSERT_EQ(saved.exitCode, 0) << saved.err;
    EXPECT_NE(saved.out.find("Data saved: 5 of the 5 data stores lost in reality (the engine's verdict: recoverable)"),
        std::string::npos)
        << saved.out;
}

TEST(TrainCommand, badAnswersAreNamed)
{
    const TemporaryDirectory dir;
    const CliRun unknown = train(dir, answers("luck", "apply", "auto-approve"));
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("data-store-settings=luck: not an option of it"), std::string::npos) << unknown.err;
    const CliRun missing = train(dir, "data-store-settings=as-is\n");
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("no answer for decision combine-projects"), std::string::npos) << missing.err;
    const CliRun malformed = train(dir, "just words\n");
    EXPECT_EQ(malformed.exitCode, 2);
    EXPECT_NE(malformed.err.find("answers.txt:1: expected decision=option"), std::string::npos) << malformed.err;
}

} // namespace
} // namespace blastline::test
