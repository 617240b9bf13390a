// SPDX-License-Identifier: MIT
// Nothing that was redacted at import reaches a case: distinctive secrets planted in a state, a plan and a trail
// appear neither in the case file's bytes nor in what the case commands print, unless --embed asks for the files.
#include "../importers/CloudTrailTestSupport.h"
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace blastline::test {
namespace {

namespace fs = std::filesystem;
using testing::TemporaryDirectory;

// A `password` attribute, an attribute marked by sensitive_attributes, and a sensitive output.
constexpr const char* kState = R"({"version": 4, "terraform_version": "1.7.4", "serial": 3, "lineage": "secrets-test",
  "outputs": {"db_url": {"value": "postgres://admin:PLANTED-OUTPUT-9c41@db:5432/orders", "type": "string",
                         "sensitive": true}},
  "resources": [{"mode": "managed", "type": "aws_db_instance", "name": "orders",
    "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
    "instances": [{"schema_version": 2,
      "attributes": {"id": "db-ORDERS", "identifier": "orders", "arn": "arn:aws:rds:eu-west-1:123456789012:db:orders",
                     "password": "PLANTED-STATE-PASSWORD-4b7e", "connection_note": "PLANTED-SENSITIVE-PATH-e02d"},
      "sensitive_attributes": [[{"type": "get_attr", "value": "connection_note"}]]}]}]})";

// Sensitive values in clear in `after` (marked by after_sensitive), as Terraform writes them, and a password in
// the prior state.
constexpr const char* kPlan = R"({"format_version": "1.2", "terraform_version": "1.7.5",
  "planned_values": {"root_module": {"resources": [{"address": "aws_db_instance.orders", "mode": "managed",
    "type": "aws_db_instance", "name": "orders", "provider_name": "registry.terraform.io/hashicorp/aws",
    "schema_version": 2,
    "values": {"identifier": "orders", "password": "PLANTED-PLAN-AFTER-31d8", "tags": {"Note": "PLANTED-PLAN-TAG-77a0"}},
    "sensitive_values": {"password": true, "tags": {"Note": true}}}]}},
  "resource_changes": [{"address": "aws_db_instance.orders", "mode": "managed", "type": "aws_db_instance",
    "name": "orders", "provider_name": "registry.terraform.io/hashicorp/aws",
    "change": {"actions": ["update"],
      "before": {"identifier": "orders", "password": "PLANTED-PLAN-PRIOR-5e62", "tags": {"Note": "old"}},
      "after": {"identifier": "orders", "password": "PLANTED-PLAN-AFTER-31d8", "tags": {"Note": "PLANTED-PLAN-TAG-77a0"}},
      "after_unknown": {}, "before_sensitive": {"password": true, "tags": {}},
      "after_sensitive": {"password": true, "tags": {"Note": true}}}}],
  "prior_state": {"format_version": "1.0", "terraform_version": "1.7.5", "values": {"root_module": {"resources": [
    {"address": "aws_db_instance.orders", "mode": "managed", "type": "aws_db_instance", "name": "orders",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 2,
     "values": {"id": "db-ORDERS", "identifier": "orders", "password": "PLANTED-PLAN-PRIOR-5e62", "tags": {"Note": "old"}},
     "sensitive_values": {"password": true, "tags": {}}}]}}}})";

// What AWS does not hide: an AssumeRole response's session token.
constexpr const char* kAssumeRole = R"({"eventVersion": "1.08", "userIdentity": {"type": "IAMUser",
  "principalId": "AIDAEXAMPLE", "arn": "arn:aws:iam::123456789012:user/alexey", "accountId": "123456789012",
  "accessKeyId": "AKIAEXAMPLE", "userName": "alexey"}, "eventTime": "2026-02-26T22:01:00Z",
  "eventSource": "sts.amazonaws.com", "eventName": "AssumeRole", "awsRegion": "eu-west-1",
  "sourceIPAddress": "203.0.113.10", "userAgent": "aws-cli/2.15.30 Python/3.11.8",
  "requestParameters": {"roleArn": "arn:aws:iam::123456789012:role/deployer", "roleSessionName": "run"},
  "responseElements": {"credentials": {"accessKeyId": "ASIAEXAMPLE", "sessionToken": "PLANTED-SESSION-TOKEN-c5f1",
    "expiration": "Feb 26, 2026, 11:01:00 PM"}, "assumedRoleUser": {"assumedRoleId": "AROAEXAMPLE:run",
    "arn": "arn:aws:sts::123456789012:assumed-role/deployer/run"}},
  "requestID": "r-2", "eventID": "e-2", "readOnly": true, "eventType": "AwsApiCall", "managementEvent": true,
  "recipientAccountId": "123456789012", "eventCategory": "Management"})";

const std::vector<std::string> kSecrets {"PLANTED-OUTPUT-9c41", "PLANTED-STATE-PASSWORD-4b7e",
    "PLANTED-SENSITIVE-PATH-e02d", "PLANTED-PLAN-AFTER-31d8", "PLANTED-PLAN-TAG-77a0", "PLANTED-PLAN-PRIOR-5e62",
    "PLANTED-MASTER-PASSWORD-a96b", "PLANTED-SESSION-TOKEN-c5f1"};

/** The state, plan and trail, each small enough that an embedded copy lies in one database page, unsplit. */
struct Evidence
{
    explicit Evidence(const TemporaryDirectory& folder)
        : state(folder.write("prod.tfstate", kState).string())
        , plan(folder.write("plan.json", kPlan).string())
        , trail(
              folder
                  .write("trail.json",
                      R"({"Records":[)"
                          + testing::cloudTrailRecord("ModifyDBInstance", "2026-02-26T22:00:00Z", "e-1",
                              R"({"dBInstanceIdentifier":"orders","masterUserPassword":"PLANTED-MASTER-PASSWORD-a96b"})")
                          + "," + kAssumeRole + "]}")
                  .string())
    { }

    std::string state;
    std::string plan;
    std::string trail;
};

/** The planted secrets found in `text`. */
std::vector<std::string> secretsIn(const std::string& text)
{
    std::vector<std::string> found;
    for (const std::string& secret : kSecrets) {
        if (text.find(secret) != std::string::npos)
            found.push_back(secret);
    }
    return found;
}

/** The bytes of the case and of the WAL files SQLite may have left next to it. */
std::string caseBytes(const fs::path& casePath)
{
    std::string bytes;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const fs::path file = casePath.string() + suffix;
        if (fs::exists(file))
            bytes += readFile(file);
    }
    return bytes;
}

TEST(CaseSecrets, noPlantedSecretReachesTheCaseOrAnyOutput)
{
    const TemporaryDirectory folder;
    const Evidence evidence(folder);
    for (const std::string& path : {evidence.state, evidence.plan, evidence.trail})
        ASSERT_FALSE(secretsIn(readFile(path)).empty()) << path << " holds no planted secret";
    const std::string casePath = (folder.path() / "incident.blcase").string();

    const std::vector<std::vector<std::string>> commands {
        {"case", "import", casePath, evidence.state, evidence.plan, evidence.trail},
        {"case", "show", casePath, "--format", "json"}, {"case", "show", casePath}, {"case", "verify", casePath},
        {"case", "events", casePath, "--address", "aws_db_instance.orders", "--format", "jsonl"},
        {"timeline", evidence.trail, "--records", "--format", "json", "--only", "all"}};
    for (const std::vector<std::string>& command : commands) {
        const CliRun run = runInProcess(command);
        ASSERT_EQ(run.exitCode, 0) << command[0] << " " << command[1] << ": " << run.err;
        EXPECT_EQ(secretsIn(run.out), std::vector<std::string> {}) << command[0] << " " << command[1];
        EXPECT_EQ(secretsIn(run.err), std::vector<std::string> {}) << command[0] << " " << command[1];
    }
    // The import did keep what the files hold: both events and both states (the plan's prior state) are there.
    const nlohmann::json counts =
        nlohmann::json::parse(runInProcess({"case", "show", casePath, "--format", "json"}).out)["counts"];
    EXPECT_EQ(counts["events"], 2);
    EXPECT_EQ(counts["states"], 2);
    EXPECT_EQ(secretsIn(caseBytes(casePath)), std::vector<std::string> {});
}

TEST(CaseSecrets, embeddedEvidenceHoldsWhatTheFilesHold)
{
    // The documented trade-off of --embed, and proof that the search above finds a secret that is there.
    const TemporaryDirectory folder;
    const Evidence evidence(folder);
    const std::string casePath = (folder.path() / "embedded.blcase").string();
    const CliRun run =
        runInProcess({"case", "import", casePath, evidence.state, evidence.plan, evidence.trail, "--embed"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(secretsIn(caseBytes(casePath)), kSecrets);
    EXPECT_EQ(secretsIn(run.out + run.err), std::vector<std::string> {});
}

} // namespace
} // namespace blastline::test
