// SPDX-License-Identifier: MIT
// Golden tests of the CLI's outputs on the files in sample-data/: the JSON contracts must not drift
// unnoticed. BLASTLINE_UPDATE_GOLDEN=1 rewrites the golden files from the current output.
#include "CliTestSupport.h"
#include "cli/Cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

using blastline::test::CliRun;
using blastline::test::expectMatchesGolden;
using blastline::test::kSourceDir;
using blastline::test::normalised;
using blastline::test::readFile;
using blastline::test::runInProcess;
using blastline::test::sample;

struct GoldenRow
{
    std::vector<std::string> args; // the state path is appended as sample(...) by the row
    std::string stateFile;
    std::string golden;
};

class CliGolden : public testing::TestWithParam<GoldenRow>
{ };

TEST_P(CliGolden, matchesGoldenFile)
{
    auto args = GetParam().args;
    args.insert(args.begin() + 1, sample(GetParam().stateFile));
    const CliRun run = runInProcess(args);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    expectMatchesGolden(normalised(run.out), GetParam().golden);
}

INSTANTIATE_TEST_SUITE_P(SampleData, CliGolden,
    testing::Values(GoldenRow {{"destroy", "--format", "json", "--as-of", "2026-02-26"},
                        "states/protected-database.tfstate", "destroy-protected-database.json"},
        GoldenRow {{"destroy", "--format", "json", "--parallelism", "2", "--as-of", "2026-02-26"},
            "states/protected-database.tfstate", "destroy-protected-database-p2.json"},
        GoldenRow {{"destroy", "--format", "json", "--as-of", "2026-02-26"}, "states/modules-and-keys.tfstate",
            "destroy-modules-and-keys.json"},
        GoldenRow {{"destroy", "--format", "json", "--as-of", "2026-02-26"}, "datatalks-2026/production.tfstate",
            "destroy-datatalks.json"},
        GoldenRow {{"destroy", "--format", "json", "--as-of", "2026-02-26", "--compare"},
            "datatalks-2026/production.tfstate", "destroy-datatalks-compare.json"},
        GoldenRow {{"graph", "--format", "json"}, "states/modules-and-keys.tfstate", "graph-modules-and-keys.json"}));

TEST(Cli, destroyJsonKeepsTheSimulationContract)
{
    const CliRun run = runInProcess({"destroy", sample("states/protected-database.tfstate"), "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto document = nlohmann::json::parse(run.out);
    EXPECT_EQ(document["schema"], "blastline.simulation/1");
    ASSERT_FALSE(document["operations"].empty());
    for (const auto& op : document["operations"]) {
        for (const char* key : {"address", "type", "action", "outcome", "reason", "wave", "start_s", "end_s"})
            EXPECT_TRUE(op.contains(key)) << key << " missing in " << op.dump();
        EXPECT_EQ(op["action"], "delete");
    }
    const auto& summary = document["summary"];
    EXPECT_EQ(summary["instances"].get<int>(),
        summary["done"].get<int>() + summary["failed"].get<int>() + summary["skipped"].get<int>());
    EXPECT_EQ(summary["instances"].get<std::size_t>(), document["operations"].size());
}

TEST(Cli, textReportLeadsWithTheRunAndEndsWithTheSummary)
{
    const CliRun run = runInProcess({"destroy", sample("states/protected-database.tfstate")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("terraform destroy, simulated"), std::string::npos);
    EXPECT_NE(run.out.find("Cannot delete protected DB Instance"), std::string::npos);
    EXPECT_NE(run.out.find("Summary: "), std::string::npos);
    EXPECT_EQ(run.out.find("\x1b["), std::string::npos) << "no colour when not writing to a terminal";
}

TEST(Cli, dotOutputHasTerraformGraphShape)
{
    const CliRun run = runInProcess({"graph", sample("states/modules-and-keys.tfstate")});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("digraph G {", 0), 0U);
    EXPECT_NE(run.out.find("rankdir = \"RL\""), std::string::npos);
    EXPECT_NE(run.out.find("subgraph \"cluster_module."), std::string::npos);
    EXPECT_NE(run.out.find(" -> "), std::string::npos);
}

struct ErrorRow
{
    std::vector<std::string> args;
    std::string expectedInError;
};

class CliErrors : public testing::TestWithParam<ErrorRow>
{ };

TEST_P(CliErrors, exitTwoWithAClearMessage)
{
    const CliRun run = runInProcess(GetParam().args);
    EXPECT_EQ(run.exitCode, blastline::cli::ExitBadInput);
    EXPECT_NE(run.err.find(GetParam().expectedInError), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << "nothing half-written on stdout: " << run.out;
}

INSTANTIATE_TEST_SUITE_P(Rows, CliErrors,
    testing::Values(ErrorRow {{"destroy"}, "give a STATE file, or --case CASE"},
        ErrorRow {{"destroy", "/nonexistent/terraform.tfstate"}, "/nonexistent/terraform.tfstate"},
        ErrorRow {{"destroy", kSourceDir + "/README.md"}, "README.md"},
        ErrorRow {
            {"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--target", "aws_nothing.here"},
            "aws_nothing.here"},
        ErrorRow {
            {"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--target", "not an address"},
            "--target not an address"},
        ErrorRow {
            {"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--format", "yaml"}, "--format"},
        ErrorRow {{"nosuchcommand"}, "nosuchcommand"},
        ErrorRow {{"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--assume", "luck"},
            "--assume luck: not a safeguard; expected one of deletion-protection"},
        ErrorRow {{"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--as-of", "26/02/2026"},
            "expected a date as YYYY-MM-DD"},
        ErrorRow {{"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--inventory",
                      kSourceDir + "/sample-data/states/protected-database.tfstate"},
            "protected-database.tfstate"},
        ErrorRow {{"destroy", kSourceDir + "/sample-data/states/protected-database.tfstate", "--config",
                      "/nonexistent/config"},
            "/nonexistent/config"}));

TEST(Cli, theDataTalksDestroyLosesTheClusterAndEachSafeguardIsRanked)
{
    const CliRun run = runInProcess({"destroy", sample("datatalks-2026/production.tfstate"), "--format", "json",
        "--as-of", "2026-02-26", "--compare"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto document = nlohmann::json::parse(run.out);
    EXPECT_EQ(document["verdict"], "data-loss");
    const auto& stores = document["data_stores"];
    const auto cluster = std::find_if(stores.begin(), stores.end(),
        [](const auto& s) { return s["address"] == "aws_rds_cluster.dev_course_management_cluster"; });
    ASSERT_NE(cluster, stores.end());
    EXPECT_EQ((*cluster)["fate"], "lost");
    ASSERT_FALSE((*cluster)["recovery_points"].empty());
    EXPECT_EQ((*cluster)["recovery_points"][0]["kind"], "automated-backups");
    EXPECT_EQ((*cluster)["recovery_points"][0]["fate"], "deleted");
    // Every safeguard changes the cluster's fate; the ones that keep it come first.
    const auto& comparison = document["comparison"];
    ASSERT_EQ(comparison.size(), 6U);
    for (const auto& row : comparison) {
        const std::string saves = row["saves"].dump() + row["improves"].dump();
        EXPECT_NE(saves.find("aws_rds_cluster.dev_course_management_cluster"), std::string::npos) << row.dump();
    }
}

TEST(Cli, aSnapshotOutsideTheStateMakesTheClusterRecoverable)
{
    // `aws rds describe-db-cluster-snapshots` output, as the AWS CLI prints it, written for this test.
    const auto path = std::filesystem::temp_directory_path() / "blastline-cli-test-cluster-snapshots.json";
    std::ofstream(path) << R"({"DBClusterSnapshots": [{
        "AvailabilityZones": ["eu-west-1a"], "DBClusterSnapshotIdentifier": "before-upgrade",
        "DBClusterIdentifier": "dev-course-management-cluster", "SnapshotCreateTime": "2026-01-15T09:12:00.123Z",
        "Engine": "aurora-postgresql", "Status": "available", "SnapshotType": "manual", "StorageEncrypted": false,
        "DBClusterSnapshotArn": "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:before-upgrade"}]})";
    const CliRun run = runInProcess({"destroy", sample("datatalks-2026/production.tfstate"), "--format", "json",
        "--as-of", "2026-02-26", "--inventory", path.string()});
    std::filesystem::remove(path);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto document = nlohmann::json::parse(run.out);
    for (const auto& store : document["data_stores"]) {
        if (store["address"] != "aws_rds_cluster.dev_course_management_cluster")
            continue;
        EXPECT_EQ(store["fate"], "recoverable");
        EXPECT_EQ(store["newest_recovery_point"], "2026-01-15T09:12:00Z");
        EXPECT_EQ(store["recovery_point_age_days"], 42); // 15 Jan to 26 Feb
        return;
    }
    FAIL() << "the cluster is not among the data stores";
}

TEST(Cli, rulesDocumentationIsTheRulesCommandsOutput)
{
    const CliRun run = runInProcess({"rules"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto docPath = std::filesystem::path(kSourceDir) / "docs" / "deletion-rules.md";
    const char* update = std::getenv("BLASTLINE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(docPath, std::ios::binary) << run.out;
        GTEST_SKIP() << "rewrote " << docPath;
    }
    EXPECT_EQ(run.out, readFile(docPath)) << "docs/deletion-rules.md is stale: run with BLASTLINE_UPDATE_GOLDEN=1";
}

TEST(Cli, secretsInTheStateAppearInNoOutput)
{
    // The DataTalks sample holds a fake database password twice: in sensitive_attributes, and inside a
    // DATABASE_URL in the ECS task definitions (a plain attribute).
    const std::string secret = "FAKE-sample-password-not-real";
    ASSERT_NE(readFile(sample("datatalks-2026/production.tfstate")).find(secret), std::string::npos);
    const std::vector<std::vector<std::string>> commands = {{"destroy", sample("datatalks-2026/production.tfstate")},
        {"destroy", sample("datatalks-2026/production.tfstate"), "--format", "json", "--compare"},
        {"graph", sample("datatalks-2026/production.tfstate")},
        {"graph", sample("datatalks-2026/production.tfstate"), "--format", "json"}};
    for (const auto& command : commands) {
        const CliRun run = runInProcess(command);
        ASSERT_EQ(run.exitCode, 0) << run.err;
        EXPECT_EQ(run.out.find(secret), std::string::npos) << command[0];
        EXPECT_EQ(run.err.find(secret), std::string::npos) << command[0];
    }
}

struct CorpusVerdictRow
{
    std::string file;
    std::string verdict;
    std::vector<std::pair<std::string, std::string>> fates; // data store -> fate
    std::string why; // the settings that imply it
};

class CorpusVerdicts : public testing::TestWithParam<CorpusVerdictRow>
{ };

TEST_P(CorpusVerdicts, giveTheVerdictTheirSettingsImply)
{
    const auto path = std::filesystem::path(BLASTLINE_TEST_CORPUS) / "tfstate" / GetParam().file;
    if (!std::filesystem::exists(path))
        GTEST_SKIP() << "shared corpus not found at " << path << "; corpus verdicts skipped";
    const CliRun run = runInProcess({"destroy", path.string(), "--format", "json", "--as-of", "2026-02-26"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto document = nlohmann::json::parse(run.out);
    EXPECT_EQ(document["verdict"], GetParam().verdict) << GetParam().why;
    ASSERT_EQ(document["data_stores"].size(), GetParam().fates.size()) << GetParam().why;
    for (const auto& [address, fate] : GetParam().fates) {
        bool found = false;
        for (const auto& store : document["data_stores"]) {
            if (store["address"] == address) {
                EXPECT_EQ(store["fate"], fate) << address << ": " << GetParam().why;
                found = true;
            }
        }
        EXPECT_TRUE(found) << address;
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusVerdicts,
    testing::Values(
        CorpusVerdictRow {"driftctl_aws_db_instance.tfstate", "no-data-loss", {{"aws_db_instance.default", "intact"}},
            "skip_final_snapshot is false but final_snapshot_identifier is null: the provider refuses the delete"},
        CorpusVerdictRow {"driftctl_aws_rds_cluster.tfstate", "no-data-loss",
            {{"aws_rds_cluster.postgresql", "intact"}},
            "the same for a cluster: skip_final_snapshot false without an identifier"},
        CorpusVerdictRow {"driftctl_aws_dynamodb_table.tfstate", "data-loss",
            {{"aws_dynamodb_table.basic-dynamodb-table", "lost"}, {"aws_dynamodb_table.example", "lost"}},
            "point-in-time recovery is off: no system backup is made, and nothing else protects the tables"},
        CorpusVerdictRow {"driftctl_aws_s3_full.tfstate", "no-data-loss",
            {{"aws_s3_bucket.bucket", "intact"}, {"aws_s3_bucket.bucket2", "intact"},
                {"aws_s3_bucket.bucket3", "intact"}},
            "force_destroy is false: a bucket with objects refuses the delete, an empty one loses nothing"},
        CorpusVerdictRow {"driftctl_aws_kms_key.tfstate", "no-data-loss", {}, "keys are not data stores"},
        CorpusVerdictRow {"driftctl_aws_lb_listener.tfstate", "no-data-loss", {}, "load balancers hold no data"}));

TEST(Cli, theLockFileGivesTheProviderVersionThatDecidesTerminationProtection)
{
    // A protected EC2 instance: before AWS provider 4.16.0 the destroy fails on it, from 4.16.0 it goes.
    const auto dir = std::filesystem::temp_directory_path() / "blastline-cli-test-lockfile";
    std::filesystem::create_directories(dir / "config");
    std::ofstream(dir / "terraform.tfstate") << R"({"version": 4, "terraform_version": "1.2.0", "serial": 3,
        "lineage": "0f5a2b9e-4a3c-4b7e-9d2f-1c2b3a4d5e6f", "outputs": {}, "resources": [
        {"mode": "managed", "type": "aws_instance", "name": "bastion",
         "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
         "instances": [{"schema_version": 1, "attributes": {"id": "i-0abc", "disable_api_termination": true,
           "root_block_device": [{"delete_on_termination": true, "volume_id": "vol-0abc"}]}}]}]})";
    std::ofstream(dir / "config" / "main.tf") << "resource \"aws_instance\" \"bastion\" {}\n";
    std::ofstream(dir / "config" / ".terraform.lock.hcl")
        << "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = \"4.15.1\"\n}\n";
    const auto fateWith = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"destroy", (dir / "terraform.tfstate").string(), "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliRun run = runInProcess(args);
        EXPECT_EQ(run.exitCode, 0) << run.err;
        return nlohmann::json::parse(run.out)["data_stores"][0]["fate"].get<std::string>();
    };
    EXPECT_EQ(fateWith({"--config", (dir / "config").string()}), "intact") << "4.15.1 refuses to terminate";
    EXPECT_EQ(fateWith({"--config", (dir / "config").string(), "--aws-provider-version", "5.31.0"}), "lost")
        << "the option overrides the lock file";
    EXPECT_EQ(fateWith({}), "unknown") << "no version known: the failure is only possible";
    std::filesystem::remove_all(dir);
}

TEST(Cli, realExecutableReportsVersionAndExitCodes)
{
    const std::string executable = BLASTLINE_EXECUTABLE;
    EXPECT_EQ(WEXITSTATUS(std::system((executable + " --version >/dev/null").c_str())), 0);
    EXPECT_EQ(WEXITSTATUS(std::system((executable + " destroy /nonexistent 2>/dev/null").c_str())), 2);
}

TEST(Cli, corpusStatesSimulateWithoutError)
{
    const std::filesystem::path corpus = std::filesystem::path(BLASTLINE_TEST_CORPUS) / "tfstate";
    if (!std::filesystem::exists(corpus))
        GTEST_SKIP() << "shared corpus not found at " << corpus << "; conformance checks skipped";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        const CliRun destroy = runInProcess({"destroy", entry.path().string(), "--format", "json"});
        EXPECT_EQ(destroy.exitCode, 0) << entry.path() << ": " << destroy.err;
        const CliRun graph = runInProcess({"graph", entry.path().string()});
        EXPECT_EQ(graph.exitCode, 0) << entry.path() << ": " << graph.err;
        ++files;
    }
    EXPECT_GT(files, 0);
}

} // namespace
