// SPDX-License-Identifier: MIT
// `blastline check`, the CI gate, run whole on plans written here for the purpose: its exit codes,
// its thresholds, and the shape of its JSON, Markdown and SARIF outputs.
#include "CliTestSupport.h"
#include "cli/Cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

using blastline::test::CliRun;
using blastline::test::runInProcess;
using nlohmann::json;

const char* kAws = "registry.terraform.io/hashicorp/aws";

// A production database as the state holds it; `overrides` replaces or adds attributes.
json database(const json& overrides = json::object())
{
    json values = {{"id", "db-ABCDEFGHIJKLMNOP"}, {"identifier", "orders-prod"},
        {"arn", "arn:aws:rds:eu-west-1:111122223333:db:orders-prod"}, {"engine", "postgres"},
        {"skip_final_snapshot", true}, {"final_snapshot_identifier", nullptr}, {"delete_automated_backups", true},
        {"backup_retention_period", 7}, {"deletion_protection", false}};
    values.update(overrides);
    return values;
}

json stateResource(const std::string& type, const std::string& name, const json& values)
{
    return {{"address", type + "." + name}, {"mode", "managed"}, {"type", type}, {"name", name},
        {"provider_name", kAws}, {"schema_version", 0}, {"values", values}, {"sensitive_values", json::object()}};
}

json change(const std::string& type, const std::string& name, const std::vector<std::string>& actions,
    const json& before, const json& after)
{
    return {{"address", type + "." + name}, {"mode", "managed"}, {"type", type}, {"name", name},
        {"provider_name", kAws},
        {"change", {{"actions", actions}, {"before", before}, {"after", after}, {"after_unknown", json::object()}}}};
}

/** A `terraform show -json` plan (format 1.2) starting from `prior`, with `changes`. */
json plan(const json& prior, const json& changes)
{
    return {{"format_version", "1.2"}, {"terraform_version", "1.7.5"}, {"resource_changes", changes},
        {"prior_state",
            {{"format_version", "1.0"}, {"terraform_version", "1.7.5"},
                {"values", {{"root_module", {{"resources", prior}}}}}}},
        {"applyable", true}, {"complete", true}, {"errored", false}};
}

json renamedDatabase(const std::vector<std::string>& actions = {"delete", "create"}, const json& overrides = {})
{
    const json before = database(overrides.is_null() ? json::object() : overrides);
    json after = before;
    after["identifier"] = "orders-production";
    json renamed = change("aws_db_instance", "orders", actions, before, after);
    renamed["action_reason"] = "replace_because_cannot_update";
    renamed["change"]["replace_paths"] = json::array({json::array({"identifier"})});
    return plan(json::array({stateResource("aws_db_instance", "orders", before)}), json::array({renamed}));
}

class CheckCommand : public testing::Test
{
protected:
    void SetUp() override
    {
        // Parameterised tests are named "name/0": one folder per test, not one per row index.
        std::string name = "blastline-check-test-";
        name.append(testing::UnitTest::GetInstance()->current_test_info()->name());
        for (char& c : name)
            c = (c == '/') ? '_' : c;
        m_dir = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::string write(const std::string& name, const std::string& text) const
    {
        const auto path = m_dir / name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }
    std::string writePlan(const json& document) const { return write("plan.json", document.dump(2)); }

    CliRun check(const std::string& planPath, std::vector<std::string> options) const
    {
        options.insert(options.begin(), {"check", planPath, "--as-of", "2026-02-26"});
        return runInProcess(options);
    }

    std::filesystem::path m_dir;
};

TEST_F(CheckCommand, aRenamedDatabaseWithoutFinalSnapshotFailsTheGate)
{
    const CliRun run = check(writePlan(renamedDatabase()), {"--format", "json"});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    const json document = json::parse(run.out);
    EXPECT_EQ(document["verdict"], "data-loss");
    EXPECT_EQ(document["gate"], json({{"fail_on", "data-loss"}, {"failed", true}}));
    EXPECT_EQ(document["plan"]["format_version"], "1.2");
    EXPECT_EQ(document["plan"]["terraform_version"], "1.7.5");
    ASSERT_EQ(document["operations"].size(), 1U);
    const json& op = document["operations"][0];
    EXPECT_EQ(op["action"], "replace");
    EXPECT_EQ(op["replace_order"], "delete-before-create");
    EXPECT_EQ(op["action_reason"], "replace_because_cannot_update");
    EXPECT_EQ(op["replace_paths"], json::array({"identifier"}));
    ASSERT_EQ(document["data_stores"].size(), 1U);
    EXPECT_EQ(document["data_stores"][0]["fate"], "lost");
}

TEST_F(CheckCommand, aTagOnlyUpdateAndANewBucketPass)
{
    const json tagged = {{"id", "/aws/rds/orders"}, {"name", "/aws/rds/orders"}, {"tags", {{"Team", "a"}}}};
    json retagged = tagged;
    retagged["tags"]["Team"] = "b";
    const json document = plan(json::array({stateResource("aws_cloudwatch_log_group", "logs", tagged)}),
        json::array({change("aws_cloudwatch_log_group", "logs", {"update"}, tagged, retagged),
            change("aws_s3_bucket", "exports", {"create"}, nullptr, {{"bucket", "orders-exports"}})}));
    const CliRun run = check(writePlan(document), {"--format", "json"});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitOk) << run.err << run.out;
    const json result = json::parse(run.out);
    EXPECT_EQ(result["verdict"], "no-data-loss");
    EXPECT_EQ(result["gate"]["failed"], false);
    std::set<std::string> actions;
    for (const auto& op : result["operations"])
        actions.insert(op["action"].get<std::string>());
    EXPECT_EQ(actions, (std::set<std::string> {"update", "create"}));
}

TEST_F(CheckCommand, aCreateBeforeDestroyReplacementStillLosesTheData)
{
    const CliRun run = check(writePlan(renamedDatabase({"create", "delete"})), {"--format", "json"});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    const json document = json::parse(run.out);
    EXPECT_EQ(document["verdict"], "data-loss");
    EXPECT_EQ(document["operations"][0]["replace_order"], "create-before-destroy");
}

TEST_F(CheckCommand, aForgottenDatabasePassesEvenAnyDelete)
{
    const json before = database();
    const json document = plan(json::array({stateResource("aws_db_instance", "orders", before)}),
        json::array({change("aws_db_instance", "orders", {"forget"}, before, nullptr)}));
    const std::string path = writePlan(document);
    for (const char* failOn : {"data-loss", "any-delete"}) {
        const CliRun run = check(path, {"--fail-on", failOn});
        EXPECT_EQ(run.exitCode, blastline::cli::ExitOk) << failOn << ": " << run.err << run.out;
        EXPECT_EQ(run.out.rfind("Gate: PASS", 0), 0U) << run.out;
    }
}

TEST_F(CheckCommand, theTextReportLeadsWithTheGateAndWhy)
{
    const CliRun run = check(writePlan(renamedDatabase()), {});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    EXPECT_EQ(run.out.rfind("Gate: FAIL (--fail-on data-loss", 0), 0U) << run.out;
    EXPECT_NE(run.out.find("aws_db_instance.orders: data-loss, replace (delete-before-create, forced by identifier)"),
        std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("Verdict: DATA LOSS"), std::string::npos) << run.out;
}

struct ThresholdRow
{
    std::string name;
    json document;
    std::string failOn;
    int exitCode;
};

class CheckThresholds : public CheckCommand, public testing::WithParamInterface<ThresholdRow>
{ };

TEST_P(CheckThresholds, failOnlyAtOrAboveTheThreshold)
{
    const CliRun run = check(writePlan(GetParam().document), {"--fail-on", GetParam().failOn, "--format", "json"});
    EXPECT_EQ(run.exitCode, GetParam().exitCode) << GetParam().name << " --fail-on " << GetParam().failOn << "\n"
                                                 << run.err << run.out.substr(0, 3000);
}

json deletedSecurityGroup()
{
    const json group = {{"id", "sg-0123456789abcdef0"}, {"name", "orders-db"}};
    return plan(json::array({stateResource("aws_security_group", "db", group)}),
        json::array({change("aws_security_group", "db", {"delete"}, group, nullptr)}));
}

json deletedDatabaseWithFinalSnapshot()
{
    const json before = database({{"skip_final_snapshot", false}, {"final_snapshot_identifier", "orders-final"}});
    return plan(json::array({stateResource("aws_db_instance", "orders", before)}),
        json::array({change("aws_db_instance", "orders", {"delete"}, before, nullptr)}));
}

// force_destroy empties the bucket first; whether it held anything is a fact no state records.
json deletedForceDestroyBucket()
{
    const json bucket = {{"id", "orders-exports"}, {"bucket", "orders-exports"}, {"force_destroy", true},
        {"arn", "arn:aws:s3:::orders-exports"}};
    return plan(json::array({stateResource("aws_s3_bucket", "exports", bucket)}),
        json::array({change("aws_s3_bucket", "exports", {"delete"}, bucket, nullptr)}));
}

INSTANTIATE_TEST_SUITE_P(Rows, CheckThresholds,
    testing::Values(ThresholdRow {"security group", deletedSecurityGroup(), "any-delete", 1},
        ThresholdRow {"security group", deletedSecurityGroup(), "recoverable", 0},
        ThresholdRow {"security group", deletedSecurityGroup(), "data-loss", 0},
        ThresholdRow {"final snapshot", deletedDatabaseWithFinalSnapshot(), "recoverable", 1},
        ThresholdRow {"final snapshot", deletedDatabaseWithFinalSnapshot(), "any-delete", 1},
        ThresholdRow {"final snapshot", deletedDatabaseWithFinalSnapshot(), "unknown", 0},
        ThresholdRow {"final snapshot", deletedDatabaseWithFinalSnapshot(), "data-loss", 0},
        ThresholdRow {"force_destroy bucket", deletedForceDestroyBucket(), "unknown", 1},
        ThresholdRow {"force_destroy bucket", deletedForceDestroyBucket(), "data-loss", 0},
        ThresholdRow {"renamed database", renamedDatabase(), "data-loss", 1},
        ThresholdRow {"renamed database", renamedDatabase(), "unknown", 1}));

TEST_F(CheckCommand, badInputExitsTwoWithNothingOnStdout)
{
    json errored = renamedDatabase();
    errored["errored"] = true;
    errored["applyable"] = false;
    const std::string state = blastline::test::sample("states/protected-database.tfstate");
    const std::vector<std::vector<std::string>> commands = {{"check", write("errored.json", errored.dump())},
        {"check", state}, {"check", "/nonexistent/plan.json"},
        {"check", writePlan(renamedDatabase()), "--fail-on", "everything"},
        {"check", writePlan(renamedDatabase()), "--format", "yaml"}};
    for (const auto& command : commands) {
        const CliRun run = runInProcess(command);
        EXPECT_EQ(run.exitCode, blastline::cli::ExitBadInput) << command[1] << ": " << run.err;
        EXPECT_FALSE(run.err.empty());
        EXPECT_TRUE(run.out.empty()) << run.out;
    }
    EXPECT_NE(runInProcess(commands[1]).err.find("protected-database.tfstate"), std::string::npos);
}

// The required shape of SARIF 2.1.0 as GitHub code scanning reads it.
void expectSarifShape(const json& sarif)
{
    EXPECT_EQ(sarif["version"], "2.1.0");
    EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    ASSERT_TRUE(sarif["runs"].is_array());
    ASSERT_EQ(sarif["runs"].size(), 1U);
    const json& driver = sarif["runs"][0]["tool"]["driver"];
    EXPECT_EQ(driver["name"], "Blastline");
    std::vector<std::string> ruleIds;
    for (const auto& rule : driver["rules"]) {
        ASSERT_TRUE(rule["id"].is_string());
        EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
        EXPECT_TRUE(rule["fullDescription"]["text"].is_string());
        ruleIds.push_back(rule["id"]);
    }
    for (const auto& result : sarif["runs"][0]["results"]) {
        ASSERT_TRUE(result["message"]["text"].is_string());
        EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
        const auto index = result["ruleIndex"].get<std::size_t>();
        ASSERT_LT(index, ruleIds.size());
        EXPECT_EQ(result["ruleId"], ruleIds[index]);
        EXPECT_TRUE(result["level"] == "error" || result["level"] == "warning" || result["level"] == "note");
        ASSERT_FALSE(result["locations"].empty());
        for (const auto& location : result["locations"]) {
            const auto uri = location["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
            EXPECT_FALSE(uri.empty());
            EXPECT_NE(uri[0], '/') << "a relative URI: " << uri;
            EXPECT_GE(location["physicalLocation"]["region"]["startLine"].get<int>(), 1);
        }
    }
}

TEST_F(CheckCommand, sarifPointsAtTheChangeInThePlanFile)
{
    const std::string path = writePlan(renamedDatabase());
    const CliRun run = check(path, {"--format", "sarif"});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    const json sarif = json::parse(run.out);
    expectSarifShape(sarif);
    const json& results = sarif["runs"][0]["results"];
    ASSERT_EQ(results.size(), 1U);
    EXPECT_EQ(results[0]["ruleId"], "data-loss");
    EXPECT_EQ(results[0]["level"], "error");
    const auto& location = results[0]["locations"][0]["physicalLocation"];
    const std::filesystem::path uri = location["artifactLocation"]["uri"].get<std::string>();
    EXPECT_TRUE(std::filesystem::equivalent(std::filesystem::current_path() / uri, path)) << uri;
    // The line where the resource change names its address.
    const std::string text = blastline::test::readFile(path);
    const std::size_t at = text.find("\"address\": \"aws_db_instance.orders\"", text.find("\"resource_changes\""));
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(location["region"]["startLine"].get<long>(), 1 + std::count(text.begin(), text.begin() + at, '\n'));
    EXPECT_NE(results[0]["message"]["text"].get<std::string>().find("final-snapshot"), std::string::npos);
}

TEST_F(CheckCommand, sarifWithConfigPointsAtTheResourceBlock)
{
    const std::string mainTf = write("infra/main.tf",
        "terraform {\n  required_version = \">= 1.7\"\n}\n\n"
        "resource \"aws_db_instance\" \"orders\" {\n  identifier          = \"orders-production\"\n"
        "  skip_final_snapshot = true\n}\n");
    const json document = deletedSecurityGroup();
    json both = renamedDatabase();
    both["resource_changes"].push_back(document["resource_changes"][0]);
    both["prior_state"]["values"]["root_module"]["resources"].push_back(
        document["prior_state"]["values"]["root_module"]["resources"][0]);
    const CliRun run = check(writePlan(both), {"--format", "sarif", "--config", (m_dir / "infra").string()});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    const json sarif = json::parse(run.out);
    expectSarifShape(sarif);
    const json& results = sarif["runs"][0]["results"];
    ASSERT_EQ(results.size(), 2U) << results.dump(2);
    const auto& database = results[0]["locations"][0]["physicalLocation"];
    EXPECT_TRUE(std::filesystem::equivalent(
        std::filesystem::current_path() / database["artifactLocation"]["uri"].get<std::string>(), mainTf));
    EXPECT_EQ(database["region"]["startLine"], 5);
    // The security group has no block in the configuration: it points at the plan, as a note.
    EXPECT_EQ(results[1]["ruleId"], "object-deleted");
    EXPECT_EQ(results[1]["level"], "note");
    EXPECT_NE(
        results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().find("plan.json"),
        std::string::npos);
}

TEST_F(CheckCommand, markdownLeadsWithTheVerdictTableAndFoldsTheDetails)
{
    const CliRun run = check(writePlan(renamedDatabase()), {"--format", "markdown"});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    const std::string& md = run.out;
    const auto table = md.find("| resource | change | fate |");
    const auto details = md.find("<details>");
    ASSERT_NE(table, std::string::npos) << md;
    ASSERT_NE(details, std::string::npos) << md;
    EXPECT_LT(md.find("FAIL"), table);
    EXPECT_LT(table, details);
    EXPECT_NE(md.find("</details>"), std::string::npos);
    EXPECT_NE(md.find("| `aws_db_instance.orders` |"), std::string::npos) << md;
    // Which safeguard prevents it is computed: a final snapshot would leave a recovery point.
    EXPECT_NE(md.find("`final-snapshot` (recoverable)"), std::string::npos) << md;
    EXPECT_NE(md.find("`deletion-protection` (intact)"), std::string::npos) << md;
}

TEST_F(CheckCommand, markdownSaysWhatIsAlreadyAssumed)
{
    // With a final snapshot assumed the data is recoverable; the gate passes at data-loss.
    const CliRun run = check(writePlan(renamedDatabase()), {"--format", "markdown", "--assume", "final-snapshot"});
    EXPECT_EQ(run.exitCode, blastline::cli::ExitOk) << run.err << run.out;
    EXPECT_NE(run.out.find("PASS"), std::string::npos);
    EXPECT_EQ(run.out.find("`final-snapshot` (recoverable)"), std::string::npos) << run.out;
}

TEST(CheckSample, theRdsRenamePlanMatchesItsGoldenFile)
{
    const CliRun run = runInProcess(
        {"check", blastline::test::sample("rds-rename/plan.json"), "--format", "json", "--as-of", "2026-02-26"});
    ASSERT_EQ(run.exitCode, blastline::cli::ExitFindings) << run.err;
    blastline::test::expectMatchesGolden(blastline::test::normalised(run.out), "check-rds-rename.json");
}

} // namespace
