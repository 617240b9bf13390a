// SPDX-License-Identifier: MIT
// What the DataTalks.Club report says, checked against the scenario and the engine rather than against fixed text:
// the luck comes from the ground truth, the response times from the key times, the action items from the replays.
#include "ReportTestSupport.h"
#include "TemporaryDirectory.h"

#include "blastline/core/UtcTime.h"
#include "blastline/importers/ScenarioSession.h"
#include "blastline/report/ReportBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace blastline::test {
namespace {

using blastline::testing::TemporaryDirectory;

std::int64_t at(const char* text)
{
    return *core::UtcTime::parse(text);
}

TEST(ReportContent, luckIsTheProviderSnapshotTheGroundTruthRecords)
{
    const report::ReportModel model = scenarioReport("datatalks-2026");
    ASSERT_EQ(model.lucky.size(), 1u);
    EXPECT_NE(model.lucky[0].text.find("provider-internal"), std::string::npos);
    EXPECT_NE(model.lucky[0].text.find("aws_rds_cluster.dev_course_management_cluster"), std::string::npos);
    EXPECT_EQ(model.lucky[0].sources, (std::vector<std::string> {"post", "support-reply", "restore-email"}));
}

TEST(ReportContent, noLuckWhenTheGroundTruthSaysTheSnapshotWentToo)
{
    // The same scenario, but the sources now say the provider's snapshot was deleted: the luck goes with it.
    TemporaryDirectory folder;
    std::filesystem::copy(sampleScenario("datatalks-2026"), folder.path(), std::filesystem::copy_options::recursive);
    std::string scenario = readText(folder.path() / "scenario.json");
    const std::string survived = R"("kind": "provider-internal", "fate": "survived")";
    const std::size_t position = scenario.find(survived);
    ASSERT_NE(position, std::string::npos);
    scenario.replace(position, survived.size(), R"("kind": "provider-internal", "fate": "deleted")");
    writeText(folder.path() / "scenario.json", scenario);

    const importers::ScenarioSession session(folder.path().string(), {});
    const report::ReportModel model =
        report::ReportBuilder(report::TimeZone::utc(), kFixedDate).fromScenario(session, {});
    EXPECT_TRUE(model.lucky.empty());
    EXPECT_TRUE(std::any_of(model.wentBadly.begin(), model.wentBadly.end(),
        [](const report::ReportFact& fact) { return fact.text.find("provider-internal") != std::string::npos; }));
}

TEST(ReportContent, timeToRecoverRunsFromTheDestroyToTheRecoveredKeyTime)
{
    const report::ReportModel model = scenarioReport("datatalks-2026");
    ASSERT_EQ(model.response.size(), 3u);
    EXPECT_FALSE(model.response[0].known()) << "no source gives the moment of discovery";
    EXPECT_NE(model.response[0].basis.find("not known from the evidence"), std::string::npos);
    const report::ResponseTime& recover = model.response[2];
    ASSERT_TRUE(recover.known());
    EXPECT_EQ(*recover.toMs, at("2026-02-27T21:23:35Z"));
    // The destroy's first recorded delete: the start of the Terraform burst, before the DeleteDBCluster call.
    EXPECT_LE(*recover.fromMs, at("2026-02-26T22:02:04Z"));
    EXPECT_GE(*recover.fromMs, at("2026-02-26T21:50:00Z"));
    const auto burst = std::find_if(model.bursts.begin(), model.bursts.end(),
        [&](const report::BurstEntry& b) { return b.startMs == *recover.fromMs; });
    EXPECT_NE(burst, model.bursts.end()) << "the impact starts with a recorded burst";
}

TEST(ReportContent, timesAreAlsoGivenInTheZoneAsked)
{
    const report::ReportModel model = scenarioReport("datatalks-2026");
    EXPECT_EQ(model.timeZone, "Europe/Berlin");
    const auto deleteCall = std::find_if(model.keyTimes.begin(), model.keyTimes.end(),
        [](const report::KeyTimeEntry& key) { return key.name == "delete-db-cluster"; });
    ASSERT_NE(deleteCall, model.keyTimes.end());
    EXPECT_EQ(deleteCall->local, "2026-02-26 23:02:04 CET"); // the post's "23:02" in Berlin
}

TEST(ReportContent, actionItemsAreRankedByTheirEffect)
{
    const report::ReportModel model = scenarioReport("datatalks-2026");
    ASSERT_EQ(model.actionItems.size(), 9u); // six core safeguards and three process safeguards
    const auto rankOf = [](const std::string& verdict) {
        return verdict == "no-data-loss" || verdict == "aborted" ? 0
            : verdict == "recoverable"                           ? 1
            : verdict == "unknown"                               ? 2
                                                                 : 3;
    };
    for (std::size_t i = 1; i < model.actionItems.size(); ++i)
        EXPECT_LE(rankOf(model.actionItems[i - 1].verdict), rankOf(model.actionItems[i].verdict));
    const auto gate = std::find_if(model.actionItems.begin(), model.actionItems.end(),
        [](const report::ActionItem& item) { return item.safeguard == "approval-gate"; });
    ASSERT_NE(gate, model.actionItems.end());
    EXPECT_EQ(gate->verdict, "no-data-loss");
    ASSERT_TRUE(gate->actsAtMs);
    EXPECT_LT(*gate->actsAtMs, at("2026-02-26T22:02:04Z")) << "the reviewer stops the destroy before the cluster goes";
    const auto snapshot = std::find_if(model.actionItems.begin(), model.actionItems.end(),
        [](const report::ActionItem& item) { return item.safeguard == "final-snapshot"; });
    ASSERT_NE(snapshot, model.actionItems.end());
    ASSERT_EQ(snapshot->changes.size(), 1u);
    EXPECT_NE(snapshot->changes[0].find("lost \u2192 recoverable"), std::string::npos);
    EXPECT_TRUE(snapshot->actsAtMs) << "a safeguard that changes a judgement acts at the delete it judges";
}

TEST(ReportContent, aSafeguardThatChangesNothingSaysSo)
{
    const report::ReportModel model = scenarioReport("rds-rename");
    const auto remote = std::find_if(model.actionItems.begin(), model.actionItems.end(),
        [](const report::ActionItem& item) { return item.safeguard == "remote-state"; });
    ASSERT_NE(remote, model.actionItems.end());
    EXPECT_TRUE(remote->changesNothing);
    EXPECT_TRUE(remote->changes.empty());
    EXPECT_NE(markdownOf(model).find("changes nothing"), std::string::npos);
}

TEST(ReportContent, assumedSafeguardsChangeTheImpactAndAreSaid)
{
    const report::ReportModel model = scenarioReport("datatalks-2026", {"approval-gate"});
    EXPECT_EQ(model.verdict, "no-data-loss");
    EXPECT_TRUE(model.impact.empty());
    EXPECT_NE(htmlOf(model).find("a counterfactual, not what happened"), std::string::npos);
}

TEST(ReportContent, evidenceIsHashed)
{
    const report::ReportModel model = scenarioReport("rds-rename");
    ASSERT_GE(model.evidence.size(), 2u);
    for (const report::EvidenceEntry& entry : model.evidence) {
        EXPECT_EQ(entry.sha256.size(), 64u) << entry.path;
        EXPECT_GT(entry.size, 0u) << entry.path;
    }
    EXPECT_EQ(model.evidence[0].path, "scenario.json");
}

} // namespace
} // namespace blastline::test
