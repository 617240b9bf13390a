// SPDX-License-Identifier: MIT
// Bad inputs: every message names the file, the place (line:column or JSON pointer) and what was expected.
#include "blastline/core/Error.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace blastline;
using importers::StateReader;

namespace {

struct ErrorRow
{
    const char* name;
    std::string json;
    std::vector<std::string> expected; // substrings of the message
};

// Names rows in failure messages instead of dumping their bytes.
void PrintTo(const ErrorRow& row, std::ostream* out)
{
    *out << row.name;
}

class StateReaderErrors : public testing::TestWithParam<ErrorRow>
{ };

TEST_P(StateReaderErrors, refusesWithAClearMessage)
{
    const ErrorRow& row = GetParam();
    try {
        StateReader::readText(row.json, "bad.tfstate");
        FAIL() << "read without error";
    } catch (const core::InputError& error) {
        const std::string message = error.what();
        EXPECT_TRUE(message.starts_with("bad.tfstate")) << message;
        for (const std::string& part : row.expected) {
            EXPECT_NE(message.find(part), std::string::npos) << "missing \"" << part << "\" in: " << message;
        }
    }
}

std::string oneInstance(const std::string& instance, const std::string& header = R"("mode": "managed")")
{
    return R"({"version": 4, "resources": [{)" + header
        + R"(, "type": "aws_vpc", "name": "v", "provider": "provider.aws", "instances": [)" + instance + "]}]}";
}

std::vector<ErrorRow> errorRows()
{
    return {
        {"empty", "", {"empty"}},
        {"blank", "  \n\t ", {"empty"}},
        {"notJson", "resource \"aws_vpc\" {}", {"bad.tfstate:1:1: syntax error", "not JSON"}},
        {"syntaxLineColumn", "{\n  \"version\": 4,\n  \"x\": }", {"bad.tfstate:3:8: syntax error", "unexpected '}'"}},
        {"syntaxNonAsciiColumn", "{\"é\": 1,\n \"ü\": 2 3}", {"bad.tfstate:2:9: syntax error"}},
        {"truncated", "{\"version\": 4, \"resources\": [", {"bad.tfstate:1:", "syntax error", "end of input"}},
        {"topLevelArray", "[1, 2]", {"top level", "found an array"}},
        {"topLevelNumber", "42", {"top level", "found a number"}},
        {"unsupportedVersion", R"({"version": 5, "resources": []})", {"unsupported state format version 5"}},
        {"versionNotNumber", R"({"version": "4"})", {"at /version:", "found a string"}},
        {"unknownShape", R"({"hello": "world"})", {"not a Terraform state", "\"version\": 4"}},
        {"encrypted",
            R"({"meta": {"key_provider.pbkdf2.k": "e30="}, "encrypted_data": "AAAA", "encryption_version": "v0"})",
            {"OpenTofu-encrypted", "key", "tofu state pull"}},
        {"plan", R"({"format_version": "1.2", "planned_values": {}, "resource_changes": []})", {"is a plan"}},
        {"indexKeyObject", oneInstance(R"({"index_key": {"a": 1}})"),
            {"at /resources/0/instances/0/index_key: expected a string or a whole number that fits 64 bits, found an "
             "object"}},
        // fuzz_state: a whole float past int64 was converted anyway (undefined behaviour, caught by UBSan).
        {"indexKeyHugeFloat", oneInstance(R"({"index_key": 7.77778e51})"),
            {"at /resources/0/instances/0/index_key: expected a string or a whole number that fits 64 bits"}},
        {"indexKeyJustPastInt64", oneInstance(R"({"index_key": 9223372036854775808.0})"),
            {"at /resources/0/instances/0/index_key:"}},
        {"indexKeyAfterOkInstance", oneInstance(R"({"index_key": 0}, {"index_key": true})"),
            {"at /resources/0/instances/1/index_key:", "found a boolean"}},
        {"badMode", oneInstance("{}", R"("mode": "ephemeral")"), {"at /resources/0/mode:", "invalid resource mode"}},
        {"badStatus", oneInstance(R"({"status": "broken"})"), {"/resources/0/instances/0/status", "invalid status"}},
        {"badDeposed", oneInstance(R"({"deposed": "abc"})"), {"/instances/0/deposed", "deposed key \"abc\""}},
        {"duplicateCurrent", oneInstance(R"({"index_key": 1}, {"index_key": 1})"),
            {"at /resources/0/instances/1:", "aws_vpc.v[1] appears multiple times"}},
        {"badProvider",
            R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "aws",
             "instances": []}]})",
            {"at /resources/0/provider:", "invalid provider configuration address"}},
        {"badModule", oneInstance("{}", R"("mode": "managed", "module": "modul.x")"), {"at /resources/0/module:"}},
        {"badSensitiveStep", oneInstance(R"({"sensitive_attributes": [[{"type": "splat", "value": 1}]]})"),
            {"/sensitive_attributes/0/0/type", "unsupported path step type"}},
        {"resourcesNotArray", R"({"version": 4, "resources": {}})", {"at /resources: expected an array"}},
        {"versionLast", R"({"resources": [{"instances": [{"index_key": []}]}], "version": 4})",
            {"at /resources/0/instances/0/index_key"}},
        {"versionLastAndUnsupported", R"({"resources": [{"instances": [{"index_key": []}]}], "version": 9})",
            {"unsupported state format version 9"}},
        {"v3BadKey", R"({"version": 3, "modules": [{"path": ["root"], "resources": {"justone": {}}}]})",
            {"at /modules/0/resources/justone:", "invalid resource key"}},
        {"v3BadPath", R"({"version": 3, "modules": [{"path": ["child"]}]})", {"at /modules/0/path:"}},
        {"showJsonBadAddress",
            R"({"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "not an address"}]}}})",
            {"at /values/root_module/resources/0/address:"}},
        {"showJsonNestedDuplicate",
            R"({"format_version": "1.0", "values": {"root_module": {"child_modules": [{"resources": [
             {"address": "module.a.aws_vpc.v", "values": {}}, {"address": "module.a.aws_vpc.v", "values": {}}]}]}}})",
            {"at /values/root_module/child_modules/0/resources/1:", "appears multiple times"}},
    };
}

INSTANTIATE_TEST_SUITE_P(BadInputs, StateReaderErrors, testing::ValuesIn(errorRows()),
    [](const testing::TestParamInfo<ErrorRow>& row) { return row.param.name; });

TEST(StateReaderFile, missingFileNamesIt)
{
    try {
        StateReader::readFile("/nonexistent/dir/x.tfstate");
        FAIL() << "read a missing file";
    } catch (const core::InputError& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/dir/x.tfstate"), std::string::npos);
    }
}

// A format-4 state whose one instance has the attribute `a` = `value`.
std::string v4StateWithAttribute(const std::string& value)
{
    return R"({"version":4,"terraform_version":"1.7.0","serial":1,"lineage":"l","resources":[{"mode":"managed",)"
           R"("type":"aws_x","name":"y","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",)"
           R"("instances":[{"schema_version":0,"attributes":{"id":"i","a":)"
        + value + "}}]}]}";
}

// Fuzzing regression (docs/reliability.md): deeply nested attribute values overflowed the stack in the fast
// path's flattener (format 4) and in the reference path's DOM walks (`terraform show -json`).
TEST(StateReaderLimits, deeplyNestedValuesAreRefusedNotAStackOverflow)
{
    const std::string deep = std::string(50000, '[') + std::string(50000, ']');
    const std::string show = R"({"format_version":"1.0","terraform_version":"1.7.0","values":{"root_module":)"
                             R"({"resources":[{"address":"aws_x.y","mode":"managed","type":"aws_x","name":"y",)"
                             R"("provider_name":"aws","schema_version":0,"values":{"id":"i"},"sensitive_values":)"
        + deep + "}]}}}";
    for (const std::string& json : {v4StateWithAttribute(deep), show}) {
        try {
            StateReader::readText(json, "deep.tfstate");
            FAIL() << "read 50000 nested levels";
        } catch (const core::InputError& error) {
            EXPECT_NE(std::string(error.what()).find("nested more than 256 levels"), std::string::npos) << error.what();
        }
    }
}

TEST(StateReaderLimits, nestingWithinTheBoundIsRead)
{
    const auto state = StateReader::readText(
        v4StateWithAttribute(std::string(200, '[') + "1" + std::string(200, ']')), "nested.tfstate");
    EXPECT_EQ(state.instances.size(), 1U);
}

} // namespace
