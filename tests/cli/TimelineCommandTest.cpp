// SPDX-License-Identifier: MIT
#include "../importers/CloudTrailTestSupport.h"
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>

namespace blastline::test {
namespace {

using testing::cloudTrailRecord;
using testing::gzipped;
using testing::TemporaryDirectory;

// A small state: a VPC, a subnet in it, and a database.
constexpr const char* kState = R"({"version": 4, "terraform_version": "1.7.4", "serial": 12,
  "lineage": "0f1e2d3c-aaaa-bbbb-cccc-000000000001", "outputs": {}, "resources": [
  {"mode": "managed", "type": "aws_vpc", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"schema_version": 1, "attributes": {"id": "vpc-1", "arn": "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1"}}]},
  {"mode": "managed", "type": "aws_subnet", "name": "a", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"schema_version": 1, "attributes": {"id": "subnet-1", "vpc_id": "vpc-1"}, "dependencies": ["aws_vpc.main"]}]},
  {"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"schema_version": 2, "attributes": {"id": "db-ABCDEF", "identifier": "courses",
     "password": "PLANTED-DB-PASSWORD", "arn": "arn:aws:rds:eu-west-1:123456789012:db:courses"}}]},
  {"mode": "managed", "type": "aws_s3_bucket", "name": "untouched", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
   "instances": [{"schema_version": 0, "attributes": {"id": "keep-me", "bucket": "keep-me"}}]}
]})";

/** The destroy of that state, plus a create the state never saw and a failed first try at the subnet. */
std::string destroyTrail()
{
    return R"({"Records":[)" + cloudTrailRecord("DeleteVpc", "2026-02-26T22:02:30Z", "e-5", R"({"vpcId":"vpc-1"})")
        + ","
        + cloudTrailRecord("DeleteDBInstance", "2026-02-26T22:02:04Z", "e-2",
            R"({"dBInstanceIdentifier":"courses","skipFinalSnapshot":true,"deleteAutomatedBackups":true})")
        + ","
        + cloudTrailRecord("DeleteSubnet", "2026-02-26T22:02:10Z", "e-3", R"({"subnetId":"subnet-1"})",
            R"(,"errorCode":"DependencyViolation","errorMessage":"has dependencies")")
        + "," + cloudTrailRecord("DeleteSubnet", "2026-02-26T22:02:20Z", "e-4", R"({"subnetId":"subnet-1"})") + ","
        + cloudTrailRecord("CreateVpc", "2026-02-26T21:10:00Z", "e-1", R"({"cidrBlock":"10.0.0.0/16"})",
            R"(,"additionalEventData":{"sessionToken":"PLANTED-SESSION-TOKEN"})", R"({"vpc":{"vpcId":"vpc-NEW"}})")
        + "]}";
}

std::vector<std::string> strings(const nlohmann::json& array)
{
    return array.get<std::vector<std::string>>();
}

TEST(TimelineCommand, tiesTheDestroyToTheStateInOrderWithItsBackups)
{
    const TemporaryDirectory dir;
    const auto state = dir.write("prod.tfstate", kState);
    const auto trail =
        dir.write("AWSLogs/123456789012/CloudTrail/eu-west-1/2026/02/26/a.json.gz", gzipped(destroyTrail()));
    const CliRun run = runInProcess(
        {"timeline", dir.path().string() + "/AWSLogs", "--state", state.string(), "--only", "all", "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc["schema"], "blastline.timeline/1");
    const nlohmann::json& events = doc["events"];
    ASSERT_EQ(events.size(), 5U);
    std::vector<std::string> order;
    for (const auto& event : events)
        order.push_back(event["event_name"].get<std::string>() + ":" + event["acted_on"].dump());
    EXPECT_EQ(order,
        (std::vector<std::string> {R"(CreateVpc:[])", R"(DeleteDBInstance:["aws_db_instance.main"])",
            R"(DeleteSubnet:["aws_subnet.a"])", R"(DeleteSubnet:["aws_subnet.a"])", R"(DeleteVpc:["aws_vpc.main"])"}));
    EXPECT_EQ(events[2]["error_code"], "DependencyViolation");
    EXPECT_EQ(events[1]["tool_kind"], "terraform");
    EXPECT_EQ(events[1]["provider_version"], "5.38.0");
    EXPECT_EQ(events[1]["backups"][0]["fate"], "deleted");
    EXPECT_EQ(events[1]["backups"][1]["kind"], "final-snapshot");
    EXPECT_EQ(events[1]["backups"][1]["fate"], "not-taken");

    const nlohmann::json& summary = doc["summary"];
    EXPECT_EQ(summary["first_destructive"]["event_name"], "DeleteDBInstance");
    EXPECT_EQ(strings(summary["deleted_addresses"]),
        (std::vector<std::string> {"aws_db_instance.main", "aws_subnet.a", "aws_vpc.main"}));
    EXPECT_EQ(strings(summary["untouched_addresses"]), (std::vector<std::string> {"aws_s3_bucket.untouched"}));
    ASSERT_EQ(summary["failed_destructive"].size(), 1U);
    EXPECT_EQ(summary["failed_destructive"][0]["error_code"], "DependencyViolation");

    std::vector<std::string> disagreements;
    for (const auto& disagreement : doc["state_comparison"]["disagreements"])
        disagreements.push_back(
            disagreement["kind"].get<std::string>() + ":" + disagreement["event_name"].get<std::string>());
    EXPECT_EQ(disagreements,
        (std::vector<std::string> {"created-not-in-state:CreateVpc", "deleted-still-in-state:DeleteDBInstance",
            "deleted-still-in-state:DeleteSubnet", "deleted-still-in-state:DeleteVpc"}));
}

TEST(TimelineCommand, textShowsWhatWhoAndWhichBackupsInOrder)
{
    const TemporaryDirectory dir;
    const auto state = dir.write("prod.tfstate", kState);
    const auto trail = dir.write("trail.json", destroyTrail());
    const CliRun run = runInProcess({"timeline", trail.string(), "--state", state.string(), "--only", "destructive"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::size_t events = run.out.find("\nEvents (4)\n");
    ASSERT_NE(events, std::string::npos) << run.out;
    const std::size_t db =
        run.out.find("DeleteDBInstance courses -> aws_db_instance.main  by user/alexey (Terraform 1.7.4", events);
    const std::size_t vpc = run.out.find("DeleteVpc vpc-1 -> aws_vpc.main", events);
    ASSERT_NE(db, std::string::npos) << run.out;
    ASSERT_NE(vpc, std::string::npos) << run.out;
    EXPECT_LT(db, vpc);
    EXPECT_NE(run.out.find("backup: automated-backups deleted (deleteAutomatedBackups is true"), std::string::npos);
    EXPECT_NE(run.out.find("FAILED DependencyViolation: has dependencies"), std::string::npos);
    EXPECT_EQ(run.out.find("CreateVpc"), std::string::npos) << "a create is not destructive";
}

TEST(TimelineCommand, anUnreadableFileIsNamedAndTheRestStillCounts)
{
    const TemporaryDirectory dir;
    dir.write("a.json", destroyTrail());
    dir.write("b.json.gz", gzipped(R"({"Records":[{"eventName":)"));
    const CliRun run = runInProcess({"timeline", dir.path().string(), "--only", "all", "--format", "jsonl"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("b.json.gz: byte 25 of the inflated content: invalid JSON"), std::string::npos) << run.err;
    std::istringstream lines(run.out);
    std::string line;
    std::size_t count = 0;
    while (std::getline(lines, line)) {
        EXPECT_TRUE(nlohmann::json::accept(line)) << line;
        ++count;
    }
    EXPECT_EQ(count, 5U);
}

TEST(TimelineCommand, aGzipBombIsRefusedByItsRatioAndTheFlagCanLiftIt)
{
    // Real records padded with 4 MiB of spaces (valid JSON whitespace): about 1,000 times smaller gzipped.
    std::string padded = destroyTrail();
    padded.insert(padded.size() - 1, std::string(4 << 20, ' '));
    const TemporaryDirectory dir;
    const auto bomb = dir.write("bomb.json.gz", gzipped(padded));
    const CliRun refused = runInProcess({"timeline", bomb.string(), "--only", "all", "--format", "jsonl"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("inflates to more than 100 times its compressed size"), std::string::npos)
        << refused.err;
    EXPECT_EQ(refused.out, "");
    const CliRun lifted =
        runInProcess({"timeline", bomb.string(), "--only", "all", "--format", "jsonl", "--max-inflation-ratio", "0"});
    EXPECT_EQ(lifted.exitCode, 0) << lifted.err;
    EXPECT_EQ(std::count(lifted.out.begin(), lifted.out.end(), '\n'), 5);
    EXPECT_EQ(runInProcess({"timeline", bomb.string(), "--max-inflation-ratio", "2000"}).exitCode, 2)
        << "deflate cannot pass 1,032:1, so a larger ratio is a usage error";
}

TEST(TimelineCommand, timesketchAndCsvCarryTheirRequiredFields)
{
    const TemporaryDirectory dir;
    const auto trail = dir.write("trail.json", destroyTrail());
    const CliRun sketch = runInProcess({"timeline", trail.string(), "--format", "timesketch"});
    ASSERT_EQ(sketch.exitCode, 0) << sketch.err;
    const nlohmann::json first = nlohmann::json::parse(sketch.out.substr(0, sketch.out.find('\n')));
    EXPECT_EQ(first["datetime"], "2026-02-26T21:10:00.000Z");
    EXPECT_EQ(first["timestamp"], 1772140200000000LL);
    EXPECT_EQ(first["timestamp_desc"], "Event Time");
    EXPECT_EQ(
        first["message"], "CreateVpc vpc-NEW by user/alexey with Terraform 1.7.4 with terraform-provider-aws 5.38.0");

    const CliRun csv = runInProcess({"timeline", trail.string(), "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("time,event_id,event_source,event_name,", 0), 0U);
    EXPECT_NE(csv.out.find(R"("DependencyViolation",delete,true,"subnet-1")"), std::string::npos) << csv.out;
}

TEST(TimelineCommand, plantedSecretsReachNoOutput)
{
    const TemporaryDirectory dir;
    const auto state = dir.write("prod.tfstate", kState);
    const auto trail = dir.write("trail.json", destroyTrail());
    for (const char* format : {"text", "json", "jsonl", "csv", "timesketch"}) {
        const CliRun run = runInProcess(
            {"timeline", trail.string(), "--state", state.string(), "--only", "all", "--records", "--format", format});
        ASSERT_EQ(run.exitCode, 0) << run.err;
        EXPECT_EQ(run.out.find("PLANTED"), std::string::npos) << format << ":\n" << run.out;
        EXPECT_EQ(run.err.find("PLANTED"), std::string::npos) << format;
    }
}

TEST(TimelineCommand, usageErrorsExitTwo)
{
    const TemporaryDirectory dir;
    const auto trail = dir.write("trail.json", destroyTrail());
    const CliRun missing = runInProcess({"timeline", (dir.path() / "nope").string()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("nope: no such file or directory"), std::string::npos) << missing.err;
    const CliRun badTime = runInProcess({"timeline", trail.string(), "--from", "yesterday"});
    EXPECT_EQ(badTime.exitCode, 2);
    EXPECT_NE(badTime.err.find("--from yesterday: expected an ISO 8601 time"), std::string::npos) << badTime.err;
    const CliRun badScope = runInProcess({"timeline", trail.string(), "--only", "deletes"});
    EXPECT_EQ(badScope.exitCode, 2);
}

} // namespace
} // namespace blastline::test
