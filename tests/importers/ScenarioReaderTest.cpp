// SPDX-License-Identifier: MIT
// The scenario format (docs/scenario-format.md): the DataTalks.Club scenario as the sources tell it, and the
// refusals, each naming the file, the place (line:column or JSON pointer) and what was expected.
#include "blastline/importers/ScenarioReader.h"

#include "blastline/core/Error.h"
#include "blastline/core/UtcTime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace blastline;
using importers::ScenarioReader;
namespace fs = std::filesystem;

namespace {

const fs::path kDataTalks = fs::path(BLASTLINE_SOURCE_DIR) / "sample-data" / "datatalks-2026";

std::int64_t at(const char* text)
{
    return core::UtcTime::parse(text).value();
}

const core::ScenarioSource& sourceById(const core::Scenario& scenario, const std::string& id)
{
    const auto& sources = scenario.metadata.sources;
    const auto it = std::find_if(sources.begin(), sources.end(), [&id](const auto& s) { return s.id == id; });
    EXPECT_NE(it, sources.end()) << id;
    return *it;
}

TEST(ScenarioDataTalks, readsTheFolder)
{
    const core::Scenario scenario = ScenarioReader::readFile(kDataTalks.string());
    EXPECT_EQ(scenario.file, kDataTalks / "scenario.json");
    EXPECT_EQ(scenario.metadata.id, "datatalks-2026");
    EXPECT_EQ(scenario.metadata.incidentStart, at("2026-02-26T21:00:00Z"));
    EXPECT_EQ(scenario.metadata.published, at("2026-03-06"));
    EXPECT_EQ(scenario.metadata.sources.size(), 15u);
    EXPECT_EQ(scenario.metadata.corrections.size(), 4u);
    EXPECT_EQ(scenario.narrative.size(), 22u);
    EXPECT_EQ(scenario.commands.size(), 12u);
    EXPECT_EQ(scenario.decisions.size(), 5u);
    EXPECT_EQ(scenario.groundTruth.keyTimes.size(), 6u);
    EXPECT_EQ(sourceById(scenario, "support-reply").kind, core::SourceKind::PrimaryDraft);
    for (const core::ScenarioCorrection& correction : scenario.metadata.corrections)
        EXPECT_TRUE(correction.followsPrimary) << correction.topic;
}

TEST(ScenarioDataTalks, resolvesEvidenceAndTheStateWithoutAFile)
{
    const core::Scenario scenario = ScenarioReader::readFile(kDataTalks.string());
    ASSERT_EQ(scenario.evidence.states.size(), 2u);
    EXPECT_EQ(scenario.evidence.states[0].id, "production");
    ASSERT_TRUE(scenario.evidence.states[0].path.has_value());
    EXPECT_TRUE(scenario.evidence.states[0].path->is_absolute());
    EXPECT_TRUE(fs::equivalent(*scenario.evidence.states[0].path, kDataTalks / "production.tfstate"));
    EXPECT_EQ(scenario.evidence.states[1].id, "ai-shipping-labs");
    EXPECT_FALSE(scenario.evidence.states[1].path.has_value());
    ASSERT_EQ(scenario.evidence.trails.size(), 1u);
    EXPECT_TRUE(fs::is_directory(*scenario.evidence.trails[0].path));
}

TEST(ScenarioDataTalks, theDestroyIsWhereTheTrailStartsIt)
{
    const core::Scenario scenario = ScenarioReader::readFile(kDataTalks.string());
    const core::ScenarioCommand& destroy = scenario.commands.back();
    EXPECT_EQ(destroy.commandLine, "terraform destroy -auto-approve");
    EXPECT_EQ(destroy.time, at("2026-02-26T21:56:06Z")); // the refresh's first GetCallerIdentity in cloudtrail/
    EXPECT_EQ(destroy.state, "production");
    EXPECT_EQ(destroy.intendedState, "ai-shipping-labs");
    EXPECT_EQ(scenario.commands.front().commandLine, "terraform plan");
    EXPECT_FALSE(scenario.commands.front().state.has_value()); // the state was on the old computer
}

TEST(ScenarioDataTalks, everyEntryIsSourcedOrReconstructed)
{
    const core::Scenario scenario = ScenarioReader::readFile(kDataTalks.string());
    for (const core::ScenarioNarrativeEntry& entry : scenario.narrative) {
        EXPECT_TRUE(!entry.sources.empty() || entry.reconstructed) << entry.text;
        if (entry.reconstructed)
            continue;
        // What is told as recorded rests on a primary source, never on the retelling alone.
        const bool primary =
            std::any_of(entry.sources.begin(), entry.sources.end(), [&scenario](const std::string& id) {
                return sourceById(scenario, id).kind != core::SourceKind::Secondary;
            });
        EXPECT_TRUE(primary) << entry.text;
    }
    EXPECT_NE(scenario.narrative.back().text.find("1,943,200 rows in courses_answer"), std::string::npos);
}

TEST(ScenarioDataTalks, groundTruthFollowsThePrimarySources)
{
    const core::Scenario scenario = ScenarioReader::readFile(kDataTalks.string());
    const auto& times = scenario.groundTruth.keyTimes;
    const auto deleteCall =
        std::find_if(times.begin(), times.end(), [](const core::KeyTime& t) { return t.name == "delete-db-cluster"; });
    ASSERT_NE(deleteCall, times.end());
    EXPECT_EQ(core::UtcTime::format(deleteCall->time), "2026-02-26T22:02:04.000Z");
    EXPECT_EQ(deleteCall->sources, std::vector<std::string> {"support-reply"});
    ASSERT_EQ(scenario.groundTruth.dataStores.size(), 1u);
    const core::DataStoreTruth& cluster = scenario.groundTruth.dataStores[0];
    EXPECT_EQ(cluster.address, "aws_rds_cluster.dev_course_management_cluster");
    EXPECT_EQ(cluster.fate, core::DataStoreFate::Lost);
    EXPECT_NE(cluster.atRisk.find("1,943,200 rows in courses_answer"), std::string::npos);
    ASSERT_EQ(cluster.recoveryPoints.size(), 3u);
    EXPECT_EQ(cluster.recoveryPoints[1].kind, "automated-backups");
    EXPECT_EQ(cluster.recoveryPoints[1].fate, core::RecoveryPointTruth::Fate::Deleted);
}

TEST(ScenarioDataTalks, decisionsCoverTheProcessSafeguards)
{
    const core::Scenario scenario = ScenarioReader::readFile(kDataTalks.string());
    std::set<std::string> safeguards;
    for (const core::DecisionPoint& decision : scenario.decisions) {
        for (const core::DecisionOption& option : decision.options) {
            if (option.effect.kind == core::DecisionEffect::Kind::Safeguard)
                safeguards.insert(option.effect.name);
        }
    }
    for (const std::string_view process : core::kProcessSafeguards)
        EXPECT_TRUE(safeguards.contains(std::string(process))) << process;
    EXPECT_TRUE(safeguards.contains("deletion-protection"));
    EXPECT_EQ(scenario.decisions[1].chosen, "combine");
}

TEST(ScenarioRdsRename, theApplyNamesItsPlan)
{
    const fs::path folder = fs::path(BLASTLINE_SOURCE_DIR) / "sample-data" / "rds-rename";
    const core::Scenario scenario = ScenarioReader::readFile(folder.string());
    ASSERT_EQ(scenario.evidence.plans.size(), 1u);
    EXPECT_EQ(scenario.evidence.plans[0].id, "rename");
    EXPECT_EQ(scenario.evidence.plans[0].path, folder / "plan.json");
    ASSERT_EQ(scenario.commands.size(), 1u);
    EXPECT_EQ(scenario.commands[0].plan, "rename");
    EXPECT_EQ(scenario.commands[0].state, std::nullopt); // the plan carries the state it starts from
    // A constructed exercise rests on documentation, which nobody who ran the system wrote.
    for (const core::ScenarioSource& source : scenario.metadata.sources)
        EXPECT_EQ(source.kind, core::SourceKind::Secondary) << source.id;
}

// ---------------------------------------------------------------------------------------------
// Refusals.

const std::string kMinimal = R"({
  "schema": "blastline.scenario/2",
  "metadata": {
    "id": "t", "title": "T", "incident": {"start": "2026-01-01", "end": "2026-01-02"},
    "summary": "s", "reconstructed": "r",
    "sources": [{"id": "a", "title": "A", "url": "https://example.com/a", "kind": "primary"}]
  },
  "evidence": {"states": []},
  "narrative": [{"time": "2026-01-01T10:00:00Z", "actor": "x", "text": "y", "sources": ["a"]}],
  "decisions": [{"id": "d", "time": "2026-01-01T10:00:00Z", "question": "q?", "chosen": "go", "sources": ["a"],
    "options": [{"id": "go", "label": "Go", "effect": {"action": "continue"}},
                {"id": "guard", "label": "Guard", "effect": {"safeguard": "approval-gate"}}]}],
  "ground_truth": {"outcome": "o"}
})";

std::string replaced(const std::string& from, const std::string& to)
{
    std::string text = kMinimal;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

std::string errorOf(const std::string& text)
{
    try {
        (void)ScenarioReader::readText(text, "t.json", fs::temp_directory_path());
    } catch (const core::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

TEST(ScenarioReaderErrors, theMinimalScenarioReads)
{
    EXPECT_EQ(errorOf(kMinimal), "(no error)");
}

TEST(ScenarioReaderErrors, syntaxErrorPosition)
{
    EXPECT_EQ(errorOf("{\"schema\": \"blastline.scenario/1\",\n  \"metadata\": }"),
        "t.json:2:15: syntax error: unexpected '}'; expected '[', '{', or a literal (while parsing value)");
}

TEST(ScenarioReaderErrors, unknownKey)
{
    EXPECT_EQ(errorOf(replaced(R"("sources": ["a"]})", R"("sources": ["a"], "reconstucted": true})")),
        "t.json: at /narrative/0/reconstucted: unknown key \"reconstucted\"; expected one of: time, actor, text, "
        "sources, reconstructed");
}

TEST(ScenarioReaderErrors, timeWithoutZone)
{
    EXPECT_EQ(errorOf(replaced("2026-01-01T10:00:00Z", "2026-01-01T10:00:00")),
        "t.json: at /narrative/0/time: expected an ISO 8601 time with a zone (\"2026-02-26T22:02:04Z\"), found a "
        "string (\"2026-01-01T10:00:00\")");
    EXPECT_EQ(errorOf(replaced("2026-01-01T10:00:00Z", "2026-01-01")),
        "t.json: at /narrative/0/time: expected an ISO 8601 time with a zone (\"2026-02-26T22:02:04Z\"), found a "
        "string (\"2026-01-01\")");
}

TEST(ScenarioReaderErrors, unknownSourceId)
{
    EXPECT_EQ(errorOf(replaced(R"("text": "y", "sources": ["a"])", R"("text": "y", "sources": ["a", "b"])")),
        "t.json: at /narrative/0/sources/1: unknown source \"b\"; expected an id declared in /metadata/sources");
}

TEST(ScenarioReaderErrors, unsourcedAndNotReconstructed)
{
    EXPECT_EQ(errorOf(replaced(R"("text": "y", "sources": ["a"])", R"("text": "y")")),
        "t.json: at /narrative/0: no \"sources\"; expected at least one source id, or \"reconstructed\": true");
    EXPECT_EQ(
        errorOf(replaced(R"("text": "y", "sources": ["a"])", R"("text": "y", "reconstructed": true)")), "(no error)");
}

TEST(ScenarioReaderErrors, unknownSafeguard)
{
    EXPECT_EQ(errorOf(replaced("approval-gate", "deletion-protect")),
        "t.json: at /decisions/0/options/1/effect/safeguard: unknown safeguard \"deletion-protect\"; expected one "
        "of: deletion-protection, prevent-destroy, final-snapshot, retain-automated-backups, independent-backups, "
        "scp-deny-delete, remote-state, approval-gate, separate-state");
    EXPECT_EQ(errorOf(replaced(R"({"action": "continue"})", R"({"action": "pause"})")),
        "t.json: at /decisions/0/options/0/effect/action: expected \"stop\" or \"continue\", found \"pause\"");
    EXPECT_EQ(errorOf(replaced(R"("chosen": "go")", R"("chosen": "gone")")),
        "t.json: at /decisions/0/chosen: unknown option \"gone\"; expected the id of one of \"options\"");
}

TEST(ScenarioReaderErrors, missingEvidencePath)
{
    EXPECT_EQ(
        errorOf(replaced(R"("states": [])", R"("states": [{"id": "p", "path": "missing.tfstate", "role": "r"}])")),
        "t.json: at /evidence/states/0/path: \"missing.tfstate\" does not exist (relative to the scenario's folder)");
    EXPECT_EQ(errorOf(replaced(R"("states": [])", R"("trails": [{"id": "p", "path": null, "role": "r"}])")),
        "t.json: at /evidence/trails/0/path: expected a path; only a state may have none");
}

TEST(ScenarioReaderErrors, unknownStateInACommand)
{
    EXPECT_EQ(errorOf(replaced(R"("decisions": [)",
                  R"("commands": [{"time": "2026-01-01T10:00:00Z", "actor": "x", "command": "terraform destroy",
                     "state": "prod", "reconstructed": true}], "decisions": [)")),
        "t.json: at /commands/0/state: unknown state \"prod\"; expected an id declared in /evidence/states, or null");
}

TEST(ScenarioReaderErrors, unknownPlanInACommand)
{
    const std::string decisions = R"("decisions": [)";
    const auto applying = [&](std::string text, const std::string& plan) {
        return text.replace(text.find(decisions), decisions.size(),
            R"("commands": [{"time": "2026-01-01T10:00:00Z", "actor": "x", "command": "terraform apply", "plan": ")"
                + plan + R"(", "reconstructed": true}], )" + decisions);
    };
    EXPECT_EQ(errorOf(applying(kMinimal, "rename")),
        "t.json: at /commands/0/plan: unknown plan \"rename\"; expected an id declared in /evidence/plans, or null");
    // A state's id is not a plan's: each reference resolves in its own list.
    const std::string withState =
        replaced(R"("states": [])", R"("states": [{"id": "prod", "path": null, "role": "r"}])");
    EXPECT_EQ(errorOf(applying(withState, "prod")),
        "t.json: at /commands/0/plan: unknown plan \"prod\"; expected an id declared in /evidence/plans, or null");
}

TEST(ScenarioReaderErrors, newerSchema)
{
    EXPECT_EQ(errorOf(replaced("blastline.scenario/2", "blastline.scenario/3")),
        "t.json: at /schema: blastline.scenario/3 is newer than this Blastline reads (blastline.scenario/2); use a "
        "newer Blastline");
    EXPECT_EQ(errorOf(replaced("blastline.scenario/2", "blastline.scenario/x")),
        "t.json: at /schema: expected \"blastline.scenario/2\", found a string (\"blastline.scenario/x\")");
}

const std::string kRecordedCommand = R"("commands": [{"time": "2026-01-01T10:00:00Z", "actor": "x",
    "command": "deletes in the console", "state": "prod", "recorded": {"until": "2026-01-01T11:00:00Z",
    "principal": "intruder"}, "reconstructed": true}], "decisions": [)";

std::string withRecordedCommand(std::string text)
{
    const std::string states = R"("states": [])";
    text = text.replace(text.find(states), states.size(), R"("states": [{"id": "prod", "path": null, "role": "r"}])");
    const std::string decisions = R"("decisions": [)";
    return text.replace(text.find(decisions), decisions.size(), kRecordedCommand);
}

TEST(ScenarioReader, aCommandCanStandForTheDeletesATrailRecorded)
{
    const core::Scenario scenario = ScenarioReader::readText(withRecordedCommand(kMinimal), "t.json", fs::temp_directory_path());
    ASSERT_EQ(scenario.commands.size(), 1u);
    ASSERT_TRUE(scenario.commands[0].recorded);
    EXPECT_EQ(scenario.commands[0].recorded->until, core::UtcTime::parse("2026-01-01T11:00:00Z"));
    EXPECT_EQ(scenario.commands[0].recorded->principal, "intruder");
}

TEST(ScenarioReaderErrors, recordedDeletesNeedAStateAndAnEndAfterTheirStart)
{
    std::string noState = withRecordedCommand(kMinimal);
    noState.erase(noState.find(R"("state": "prod", )"), 17);
    EXPECT_EQ(errorOf(noState),
        "t.json: at /commands/0/recorded: recorded deletes are tied to a state: expected \"state\" too");
    std::string backwards = withRecordedCommand(kMinimal);
    backwards.replace(backwards.find("2026-01-01T11:00:00Z"), 20, "2026-01-01T09:00:00Z");
    EXPECT_EQ(errorOf(backwards),
        "t.json: at /commands/0/recorded/until: expected a time at or after the command's \"time\"");
}

TEST(ScenarioReaderErrors, version1RefusesTheKeysVersion2Added)
{
    std::string text = withRecordedCommand(kMinimal);
    text.replace(text.find("blastline.scenario/2"), 20, "blastline.scenario/1");
    EXPECT_EQ(errorOf(text),
        "t.json: at /commands/0/recorded: \"recorded\" needs blastline.scenario/2; this document says "
        "blastline.scenario/1");
}

TEST(ScenarioReaderErrors, readFileNamesTheFile)
{
    const fs::path folder = fs::temp_directory_path() / "blastline-scenario-test";
    fs::create_directories(folder);
    std::ofstream(folder / "scenario.json") << replaced("2026-01-01T10:00:00Z", "soon");
    try {
        (void)ScenarioReader::readFile(folder.string());
        FAIL() << "no error";
    } catch (const core::InputError& error) {
        EXPECT_EQ(std::string(error.what()),
            (folder / "scenario.json").string()
                + ": at /narrative/0/time: expected an ISO 8601 time with a zone (\"2026-02-26T22:02:04Z\"), found a "
                  "string (\"soon\")");
    }
    fs::remove_all(folder);
}

} // namespace
