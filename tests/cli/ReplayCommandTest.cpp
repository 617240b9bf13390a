// SPDX-License-Identifier: MIT
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace blastline::test {
namespace {

const std::string kCluster = "aws_rds_cluster.dev_course_management_cluster";

std::string scenarioFolder()
{
    return sample("datatalks-2026");
}

nlohmann::json replayJson(std::vector<std::string> extra = {})
{
    std::vector<std::string> args {"replay", scenarioFolder(), "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun run = runInProcess(args);
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out);
}

const nlohmann::json* dataStore(const nlohmann::json& doc, const std::string& address)
{
    for (const auto& store : doc["outcome"]["data_stores"]) {
        if (store["address"] == address)
            return &store;
    }
    return nullptr;
}

bool names(const nlohmann::json& event, const std::string& address)
{
    const auto& addresses = event["addresses"];
    return std::find(addresses.begin(), addresses.end(), address) != addresses.end();
}

// --- The command line's own plumbing ---

TEST(ReplayCommand, refusesAnAtTimeWithoutAZone)
{
    const CliRun run = runInProcess({"replay", scenarioFolder(), "--at", "2026-02-26T22:00:00"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--at 2026-02-26T22:00:00: expected an ISO 8601 time with its zone"), std::string::npos)
        << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST(ReplayCommand, refusesAMissingScenario)
{
    const CliRun run = runInProcess({"replay", kSourceDir + "/sample-data/no-such-scenario"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("blastline: error: "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("no-such-scenario"), std::string::npos) << run.err;
}

TEST(ReplayCommand, needsAScenario)
{
    const CliRun run = runInProcess({"replay"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("SCENARIO"), std::string::npos) << run.err;
}

TEST(ReplayCommand, refusesAnUnknownSafeguard)
{
    const CliRun run = runInProcess({"replay", scenarioFolder(), "--assume", "nonsense"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--assume nonsense: not a safeguard"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("approval-gate"), std::string::npos) << run.err;
}

TEST(ReplayCommand, writesTheReplayDocument)
{
    const nlohmann::json doc = replayJson();
    EXPECT_EQ(doc["schema"], "blastline.replay/1");
    const nlohmann::json scenario = nlohmann::json::parse(readFile(scenarioFolder() + "/scenario.json"));
    EXPECT_EQ(doc["scenario"]["id"], scenario["metadata"]["id"]);
    EXPECT_EQ(doc["scenario"]["title"], scenario["metadata"]["title"]);
    EXPECT_EQ(doc["scenario"]["incident"]["start"], "2026-02-26T21:00:00.000Z");
    EXPECT_EQ(doc["scenario"]["sources"].size(), scenario["metadata"]["sources"].size());
    EXPECT_TRUE(doc["safeguards"].is_array());
    ASSERT_TRUE(doc["events"].is_array());
    ASSERT_FALSE(doc["events"].empty());
    std::string previous;
    for (const auto& event : doc["events"]) {
        const std::string time = event["time"];
        EXPECT_LE(previous, time) << event.dump(); // fixed-width UTC text sorts as the instant does
        previous = time;
        EXPECT_TRUE(event["origin"] == "cloudtrail" || event["origin"] == "narrative" || event["origin"] == "simulated"
            || event["origin"] == "decision")
            << event.dump();
        EXPECT_TRUE(event["addresses"].is_array());
    }
    EXPECT_TRUE(doc["outcome"]["verdict"].is_string());
    EXPECT_TRUE(doc["outcome"]["data_stores"].is_array());
    EXPECT_TRUE(doc["state_at"].is_null());
    EXPECT_TRUE(doc["sequence_differences"].is_array());
}

TEST(ReplayCommand, acceptsTheScenarioFileItself)
{
    const CliRun run = runInProcess({"replay", scenarioFolder() + "/scenario.json", "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out)["schema"], "blastline.replay/1");
}

TEST(ReplayCommand, showsTheWorldAtATime)
{
    const nlohmann::json doc = replayJson({"--at", "2026-02-27T00:00:00Z"});
    const nlohmann::json& world = doc["state_at"];
    ASSERT_TRUE(world.is_object()) << doc.dump();
    EXPECT_EQ(world["time"], "2026-02-27T00:00:00.000Z");
    EXPECT_TRUE(world["alive"].is_array());
    EXPECT_TRUE(world["deleted"].is_array());
    EXPECT_TRUE(world["failed"].is_array());
}

TEST(ReplayCommand, writesTextWithTheOutcomeFirst)
{
    const CliRun run = runInProcess({"replay", scenarioFolder(), "--at", "2026-02-27T00:00:00Z"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("Replay: DataTalks.Club", 0), 0U) << run.out;
    EXPECT_NE(run.out.find("as it happened"), std::string::npos) << run.out;
    const auto outcome = run.out.find("Outcome: ");
    const auto events = run.out.find("Events:");
    const auto world = run.out.find("World at 2026-02-27T00:00:00.000Z:");
    ASSERT_NE(outcome, std::string::npos) << run.out;
    ASSERT_NE(events, std::string::npos) << run.out;
    ASSERT_NE(world, std::string::npos) << run.out;
    EXPECT_LT(outcome, events);
    EXPECT_LT(events, world);
}

// --- What the engine replays of the DataTalks.Club incident ---

TEST(ReplayCommand, losesTheClusterAsItHappened)
{
    const nlohmann::json doc = replayJson();
    EXPECT_TRUE(doc["safeguards"].empty());
    EXPECT_EQ(doc["outcome"]["verdict"], "data-loss");
    const nlohmann::json* cluster = dataStore(doc, kCluster);
    ASSERT_NE(cluster, nullptr) << doc["outcome"].dump();
    EXPECT_EQ((*cluster)["fate"], "lost");
    EXPECT_TRUE(doc["divergence"].is_null());
}

TEST(ReplayCommand, deletionProtectionSavesTheCluster)
{
    const nlohmann::json doc = replayJson({"--assume", "deletion-protection"});
    EXPECT_EQ(doc["safeguards"], nlohmann::json::array({"deletion-protection"}));
    const nlohmann::json* cluster = dataStore(doc, kCluster);
    if (cluster != nullptr) {
        EXPECT_NE((*cluster)["fate"], "lost") << cluster->dump();
    }
    EXPECT_FALSE(doc["divergence"].is_null()) << doc.dump();
}

TEST(ReplayCommand, anApprovalGateStopsTheDestroyBeforeTheCluster)
{
    const nlohmann::json doc = replayJson({"--assume", "approval-gate"});
    for (const auto& event : doc["events"]) {
        if (event["origin"] == "simulated" && names(event, kCluster)) {
            EXPECT_NE(event["outcome"], "done") << event.dump();
        }
    }
    const nlohmann::json* cluster = dataStore(doc, kCluster);
    if (cluster != nullptr) {
        EXPECT_NE((*cluster)["fate"], "lost") << cluster->dump();
    }
    EXPECT_FALSE(doc["divergence"].is_null()) << doc.dump();
}

} // namespace
} // namespace blastline::test
