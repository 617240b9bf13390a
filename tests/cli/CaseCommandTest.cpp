// SPDX-License-Identifier: MIT
#include "../importers/CloudTrailTestSupport.h"
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace blastline::test {
namespace {

using testing::TemporaryDirectory;

const std::string kState = sample("datatalks-2026/production.tfstate");
const std::string kTrail = sample("datatalks-2026/cloudtrail");
const std::string kCluster = "aws_rds_cluster.dev_course_management_cluster";

nlohmann::json show(const std::string& casePath)
{
    const CliRun run = runInProcess({"case", "show", casePath, "--format", "json"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out);
}

TEST(CaseCommand, importsAStateAndATrailAndTiesThem)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "dtc.blc").string();
    const CliRun import = runInProcess({"case", "import", casePath, kState, kTrail});
    ASSERT_EQ(import.exitCode, 0) << import.err;
    EXPECT_NE(import.out.find("imported state " + kState + ": 52 resources"), std::string::npos) << import.out;
    EXPECT_NE(import.out.find("imported trail: 11 files, 137 events"), std::string::npos) << import.out;

    const nlohmann::json doc = show(casePath);
    EXPECT_EQ(doc["schema"], "blastline.case/1");
    EXPECT_EQ(doc["counts"]["states"], 1);
    EXPECT_EQ(doc["counts"]["events"], 137);
    ASSERT_EQ(doc["evidence"].size(), 12U);
    EXPECT_EQ(doc["evidence"][0]["kind"], "state");
    EXPECT_EQ(doc["evidence"][0]["sha256"].get<std::string>().size(), 64U);

    const CliRun events = runInProcess({"case", "events", casePath, "--address", kCluster, "--format", "jsonl"});
    ASSERT_EQ(events.exitCode, 0) << events.err;
    EXPECT_NE(events.out.find(R"("event_name":"DeleteDBCluster","class":"delete","acted":true)"), std::string::npos)
        << events.out;
}

TEST(CaseCommand, notesAnchorToATimeAnEventOrAnAddress)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "dtc.blc").string();
    ASSERT_EQ(runInProcess({"case", "import", casePath, kState}).exitCode, 0);
    EXPECT_EQ(
        runInProcess({"case", "note", casePath, "--at", "2026-02-26T22:02:04Z", "deleted", "--author", "a"}).exitCode,
        0);
    EXPECT_EQ(
        runInProcess({"case", "note", casePath, "--address", kCluster, "the database", "--author", "b"}).exitCode, 0);
    const CliRun unknown = runInProcess({"case", "note", casePath, "--address", "aws_vpc.nope", "x"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("no resource with this address"), std::string::npos);
    const CliRun noEvent = runInProcess({"case", "note", casePath, "--event", "no-such-id", "x"});
    EXPECT_EQ(noEvent.exitCode, 2);
    const CliRun nowhere = runInProcess({"case", "note", casePath, "floating"});
    EXPECT_EQ(nowhere.exitCode, 2);

    const nlohmann::json notes = show(casePath)["notes"];
    ASSERT_EQ(notes.size(), 2U);
    EXPECT_EQ(notes[0]["at"], "2026-02-26T22:02:04.000Z");
    EXPECT_EQ(notes[0]["author"], "a");
    EXPECT_EQ(notes[1]["address"], kCluster);
}

TEST(CaseCommand, verifyFindsChangedAndMissingEvidence)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "c.blc").string();
    const std::string copy = (dir.path() / "prod.tfstate").string();
    std::filesystem::copy_file(kState, copy);
    const std::string other = (dir.path() / "other.tfstate").string();
    std::filesystem::copy_file(sample("states/protected-database.tfstate"), other);
    ASSERT_EQ(runInProcess({"case", "import", casePath, copy, other}).exitCode, 0);
    EXPECT_EQ(runInProcess({"case", "verify", casePath}).exitCode, 0);

    std::ofstream(copy, std::ios::app) << " ";
    std::filesystem::remove(other);
    const CliRun verify = runInProcess({"case", "verify", casePath});
    EXPECT_EQ(verify.exitCode, 1);
    EXPECT_NE(verify.out.find("changed  " + copy), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("missing  " + other), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("0 of 2 evidence files are as imported"), std::string::npos) << verify.out;
}

TEST(CaseCommand, analysisCommandsReadTheCaseAndSaveTheirRuns)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "dtc.blc").string();
    ASSERT_EQ(runInProcess({"case", "import", casePath, kState}).exitCode, 0);
    const CliRun fromFile = runInProcess({"destroy", kState, "--as-of", "2026-02-26", "--format", "json"});
    const CliRun fromCase =
        runInProcess({"destroy", "--case", casePath, "--as-of", "2026-02-26", "--format", "json", "--save"});
    ASSERT_EQ(fromCase.exitCode, 0) << fromCase.err;
    // The case gives back the state it was given: the same simulation, operation for operation.
    EXPECT_EQ(nlohmann::json::parse(fromCase.out)["operations"], nlohmann::json::parse(fromFile.out)["operations"]);
    const nlohmann::json simulations = show(casePath)["simulations"];
    ASSERT_EQ(simulations.size(), 1U);
    EXPECT_EQ(simulations[0]["kind"], "destroy");

    const CliRun saveWithoutCase = runInProcess({"destroy", kState, "--save"});
    EXPECT_EQ(saveWithoutCase.exitCode, 2);
    EXPECT_NE(saveWithoutCase.err.find("--save needs --case"), std::string::npos);
}

TEST(CaseCommand, theTimelineOfACaseTellsTheSameStoryAsItsFiles)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "dtc.blc").string();
    ASSERT_EQ(runInProcess({"case", "import", casePath, kState, kTrail}).exitCode, 0);
    const CliRun files =
        runInProcess({"timeline", kTrail, "--state", kState, "--only", "destructive", "--format", "json"});
    const CliRun fromCase =
        runInProcess({"timeline", "--case", casePath, "--only", "destructive", "--format", "json", "--save"});
    ASSERT_EQ(files.exitCode, 0) << files.err;
    ASSERT_EQ(fromCase.exitCode, 0) << fromCase.err;
    const nlohmann::json a = nlohmann::json::parse(files.out);
    const nlohmann::json b = nlohmann::json::parse(fromCase.out);
    EXPECT_EQ(a["events"], b["events"]);
    EXPECT_EQ(a["state_comparison"], b["state_comparison"]);
    EXPECT_EQ(a["summary"]["deleted_addresses"], b["summary"]["deleted_addresses"]);
    EXPECT_EQ(a["summary"]["bursts"], b["summary"]["bursts"]);
    const nlohmann::json simulations = show(casePath)["simulations"];
    ASSERT_EQ(simulations.size(), 1U);
    EXPECT_EQ(simulations[0]["kind"], "timeline");
}

TEST(CaseCommand, aScenarioFolderBringsItsEvidence)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "dtc.blc").string();
    const CliRun import = runInProcess({"case", "import", casePath, sample("datatalks-2026")});
    ASSERT_EQ(import.exitCode, 0) << import.err;
    const nlohmann::json doc = show(casePath);
    EXPECT_EQ(doc["evidence"][0]["kind"], "scenario");
    EXPECT_EQ(doc["counts"]["states"], 1);
    EXPECT_EQ(doc["counts"]["events"], 137);
}

TEST(CaseCommand, somethingThatIsNoEvidenceChangesNothing)
{
    const TemporaryDirectory dir;
    const std::string casePath = (dir.path() / "c.blc").string();
    ASSERT_EQ(runInProcess({"case", "import", casePath, kState}).exitCode, 0);
    const auto notes = dir.write("notes.json", R"({"hello": "world"})");
    const CliRun run = runInProcess({"case", "import", casePath, kTrail, notes.string()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("notes.json: not a kind of evidence Blastline reads"), std::string::npos) << run.err;
    EXPECT_EQ(show(casePath)["counts"]["events"], 0) << "the trail named before it was not imported either";

    const auto notACase = dir.write("fake.blc", "SQLite format 3");
    EXPECT_EQ(runInProcess({"case", "show", notACase.string()}).exitCode, 2);
}

} // namespace
} // namespace blastline::test
