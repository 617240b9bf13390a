// SPDX-License-Identifier: MIT
// Inputs PlanReader refuses: each message names the file, the place and what was expected or found.
#include "blastline/core/Error.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/PlanReader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace blastline;
using importers::CatalogueReader;
using importers::InventoryReader;
using importers::PlanReader;

namespace {

struct ErrorRow
{
    const char* name;
    std::string json;
    std::vector<std::string> expected; // substrings of the message
};

void PrintTo(const ErrorRow& row, std::ostream* out)
{
    *out << row.name;
}

class PlanReaderErrors : public testing::TestWithParam<ErrorRow>
{ };

TEST_P(PlanReaderErrors, refusesWithAClearMessage)
{
    const ErrorRow& row = GetParam();
    try {
        PlanReader::readText(row.json, "bad.plan.json");
        FAIL() << "read without error";
    } catch (const core::InputError& error) {
        const std::string message = error.what();
        EXPECT_TRUE(message.starts_with("bad.plan.json")) << message;
        for (const std::string& part : row.expected) {
            EXPECT_NE(message.find(part), std::string::npos) << "missing \"" << part << "\" in: " << message;
        }
    }
}

std::string oneChange(const std::string& fields, const std::string& change)
{
    return R"({"format_version": "1.2", "resource_changes": [{"address": "aws_vpc.a", "mode": "managed",
        "type": "aws_vpc", "name": "a", "change": {"actions": ["no-op"]}}, {)"
        + fields + R"("change": )" + change + "}]}";
}

const std::string kVpc = R"("address": "aws_vpc.b", "mode": "managed", "type": "aws_vpc", "name": "b", )";

std::vector<ErrorRow> errorRows()
{
    return {
        {"empty", "", {"empty", "terraform show -json PLANFILE"}},
        {"notJson", "Plan: 1 to add, 0 to change, 0 to destroy.", {"bad.plan.json:1:1: syntax error", "not JSON"}},
        {"syntaxLineColumn", "{\n  \"format_version\": \"1.2\",\n  \"x\": }",
            {"bad.plan.json:3:8: syntax error", "unexpected '}'"}},
        {"truncated", "{\"format_version\": \"1.2\", \"resource_changes\": [", {"bad.plan.json:1:", "syntax error"}},
        {"errored", R"({"format_version": "1.2", "planned_values": {}, "errored": true, "applyable": false})",
            {"bad.plan.json: the plan is errored", "terraform could not finish planning",
                "Blastline reads only complete plans"}},
        {"stateV4", R"({"version": 4, "terraform_version": "1.5.0", "serial": 3, "lineage": "x", "resources": []})",
            {"expected `terraform show -json PLANFILE` output", "Terraform state", "blastline destroy"}},
        {"showJsonState", R"({"format_version": "1.0", "terraform_version": "1.5.0", "values": {"root_module": {}}})",
            {"expected `terraform show -json PLANFILE` output", "of a state", "blastline destroy"}},
        {"emptyObject", "{}", {"expected `terraform show -json PLANFILE` output", "empty object"}},
        {"otherObject", R"({"kind": "x", "items": []})", {"without \"format_version\"", "\"items\""}},
        {"array", "[]", {"expected `terraform show -json PLANFILE` output", "found an array"}},
        {"cloudTrail", R"({"Records": [{"eventVersion": "1.08", "eventName": "DeleteBucket"}]})",
            {"expected `terraform show -json PLANFILE` output", "CloudTrail"}},
        {"cloudTrailRecords", R"([{"eventVersion": "1.08", "eventName": "DeleteBucket"}])", {"CloudTrail records"}},
        {"scalar", "42", {"found a number (42)"}},
        {"formatNotString", R"({"format_version": 1.2})", {"at /format_version", "expected a string"}},
        {"formatMajor2", R"({"format_version": "2.0", "resource_changes": []})",
            {"at /format_version", "unsupported plan format_version \"2.0\"", "0.x or 1.x"}},
        {"unknownActionList", oneChange(kVpc, R"({"actions": ["delete", "update"]})"),
            {"at /resource_changes/1/change/actions", "unknown action list [\"delete\",\"update\"]",
                "[delete,create]"}},
        {"emptyActionList", oneChange(kVpc, R"({"actions": []})"), {"at /resource_changes/1/change/actions"}},
        {"actionNotString", oneChange(kVpc, R"({"actions": ["delete", 1]})"),
            {"at /resource_changes/1/change/actions/1", "expected an action name"}},
        {"missingActions", oneChange(kVpc, R"({"before": null})"),
            {"at /resource_changes/1/change", "missing \"actions\""}},
        {"missingChange", R"({"format_version": "1.2", "resource_changes": [{"address": "aws_vpc.b"}]})",
            {"at /resource_changes/0", "missing \"change\""}},
        {"badAddress", oneChange(R"("address": "aws_vpc", )", R"({"actions": ["create"]})"),
            {"at /resource_changes/1/address", "invalid resource address \"aws_vpc\""}},
        {"noAddressNoType", oneChange(R"("mode": "managed", )", R"({"actions": ["create"]})"),
            {"at /resource_changes/1", "missing \"type\""}},
        {"badDeposed", oneChange(kVpc + R"("deposed": "abc", )", R"({"actions": ["delete"]})"),
            {"at /resource_changes/1/deposed", "8 characters"}},
        {"beforeNotObject", oneChange(kVpc, R"({"actions": ["update"], "before": "x"})"),
            {"at /resource_changes/1/change/before", "expected an object or null"}},
        {"reasonNotString", oneChange(kVpc + R"("action_reason": 3, )", R"({"actions": ["update"]})"),
            {"at /resource_changes/1/action_reason", "expected a string"}},
        {"replacePathBad", oneChange(kVpc, R"({"actions": ["update"], "replace_paths": [["a", 1.5]]})"),
            {"at /resource_changes/1/change/replace_paths/0/1"}},
        {"changesNotArray", R"({"format_version": "1.2", "resource_changes": {}})",
            {"at /resource_changes", "expected an array"}},
        {"driftBad",
            R"({"format_version": "1.2", "resource_drift": [{"address": "x.y", "change": {"actions": ["x"]}}]})",
            {"at /resource_drift/0/change/actions", "unknown action list"}},
        {"priorStateBadAddress", R"({"format_version": "1.2", "prior_state": {"values": {"root_module": {
            "child_modules": [{"resources": [{"address": "module.m.", "mode": "managed"}]}]}}}})",
            {"at /prior_state/values/root_module/child_modules/0/resources/0/address", "invalid resource address"}},
        {"priorStateDuplicate", R"({"format_version": "1.2", "prior_state": {"values": {"root_module": {
            "resources": [{"address": "aws_vpc.a", "values": {}}, {"address": "aws_vpc.a", "values": {}}]}}}})",
            {"at /prior_state/values/root_module/resources/1", "appears multiple times"}},
        {"priorStateValuesNotObject", R"({"format_version": "1.2", "prior_state": {"values": {"root_module": {
            "resources": [{"address": "aws_vpc.a", "values": [1]}]}}}})",
            {"at /prior_state/values/root_module/resources/0/values", "expected an object"}},
        {"configurationBadReferences", R"({"format_version": "1.2", "configuration": {"root_module": {"resources": [
            {"address": "aws_vpc.a", "expressions": {"cidr": {"references": [7]}}}]}}})",
            {"at /configuration/root_module/resources/0/expressions/cidr/references/0", "expected a reference string"}},
        {"configurationDependsOnBad", R"({"format_version": "1.2", "configuration": {"root_module": {"module_calls":
            {"m": {"depends_on": "aws_vpc.a"}}}}})",
            {"at /configuration/root_module/module_calls/m/depends_on", "expected an array of strings"}},
    };
}

INSTANTIATE_TEST_SUITE_P(PlanReader, PlanReaderErrors, testing::ValuesIn(errorRows()),
    [](const testing::TestParamInfo<ErrorRow>& row) { return std::string(row.param.name); });

TEST(PlanReader, refusesAMissingFile)
{
    EXPECT_THROW(PlanReader::readFile("/nonexistent/blastline/plan.json"), core::InputError);
}

// Fuzzing regression (docs/reliability.md): a deeply nested `before` overflowed the stack while flattened.
TEST(PlanReader, refusesDeeplyNestedValuesNotAStackOverflow)
{
    const std::string json = R"({"format_version":"1.2","terraform_version":"1.7.0","resource_changes":[)"
                             R"({"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b",)"
                             R"("provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["delete"],)"
                             R"("before":{"a":)"
        + std::string(50000, '[') + std::string(50000, ']') + R"(},"after":null}}]})";
    try {
        PlanReader::readText(json, "deep.plan.json");
        FAIL() << "read 50000 nested levels";
    } catch (const core::InputError& error) {
        EXPECT_NE(
            // Five containers enclose the run of '[' (root, resource_changes, the change, change, before); its 252nd
            // opens the 257th level.
            std::string(error.what())
                .find("deep.plan.json:1:" + std::to_string(json.find("[[") + 252)
                    + ": values nested more than 256 levels"),
            std::string::npos)
            << error.what();
    }
}

// Fuzzing regression (fuzz_plan, fuzz_catalogue, docs/reliability.md): a number past a double's range made the JSON
// parser throw an exception no reader caught, and the process ended.
TEST(PlanReader, refusesANumberTooLargeForADoubleWithItsPlace)
{
    const std::string json = "{\"format_version\": \"1.2\",\n \"terraform_version\": 18811118E488}";
    try {
        PlanReader::readText(json, "huge.plan.json");
        FAIL() << "read a number past a double's range";
    } catch (const core::InputError& error) {
        EXPECT_EQ(std::string(error.what()), "huge.plan.json:2:23: a number too large for a double: 18811118E488");
    }
    core::DeletionCatalogue catalogue;
    EXPECT_THROW(CatalogueReader::readText("{\"schema\": 30000000012E30192}", "c.json", catalogue), core::InputError);
    EXPECT_THROW((void)InventoryReader::readText("{\"DBSnapshots\": [1e400]}", "i.json"), core::InputError);
}

} // namespace
