// SPDX-License-Identifier: MIT
// The simdjson fast path against the nlohmann reference path: same state, field by field, or no
// answer at all (nullopt) so that the reference decides.
#include "StateReaderPaths.h"

#include "blastline/core/Error.h"
#include "blastline/core/TerraformState.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using blastline::core::Attributes;
using blastline::core::ResourceInstance;
using blastline::core::TerraformState;
using blastline::importers::readStateReference;
using blastline::importers::readStateV4Fast;

namespace {

std::string readWhole(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void expectSameAttributes(const Attributes& fast, const Attributes& reference, const std::string& where)
{
    ASSERT_EQ(fast.size(), reference.size()) << where;
    for (std::size_t i = 0; i < fast.size(); ++i) {
        const auto& [fastPath, fastValue] = fast.entries()[i];
        const auto& [referencePath, referenceValue] = reference.entries()[i];
        EXPECT_EQ(fastPath, referencePath) << where << " entry " << i;
        EXPECT_EQ(static_cast<int>(fastValue.kind), static_cast<int>(referenceValue.kind))
            << where << " " << referencePath;
        EXPECT_EQ(fastValue.text, referenceValue.text) << where << " " << referencePath;
    }
}

void expectSameInstance(const ResourceInstance& fast, const ResourceInstance& reference)
{
    const std::string& where = reference.addressText;
    EXPECT_EQ(fast.address, reference.address) << where;
    EXPECT_EQ(fast.addressText, reference.addressText);
    EXPECT_EQ(fast.deposedKey, reference.deposedKey) << where;
    EXPECT_EQ(fast.tainted, reference.tainted) << where;
    EXPECT_EQ(fast.provider, reference.provider) << where;
    EXPECT_EQ(fast.providerConfig, reference.providerConfig) << where;
    EXPECT_EQ(fast.schemaVersion, reference.schemaVersion) << where;
    EXPECT_EQ(fast.dependencies, reference.dependencies) << where;
    EXPECT_EQ(fast.createBeforeDestroy, reference.createBeforeDestroy) << where;
    expectSameAttributes(fast.attributes, reference.attributes, where + " attributes");
    expectSameAttributes(fast.identity, reference.identity, where + " identity");
}

void expectSameState(const TerraformState& fast, const TerraformState& reference)
{
    EXPECT_EQ(fast.path, reference.path);
    EXPECT_EQ(fast.source, reference.source);
    EXPECT_EQ(fast.formatVersion, reference.formatVersion);
    EXPECT_EQ(fast.terraformVersion, reference.terraformVersion);
    EXPECT_EQ(fast.serial, reference.serial);
    EXPECT_EQ(fast.lineage, reference.lineage);
    EXPECT_EQ(fast.warnings, reference.warnings);
    ASSERT_EQ(fast.instances.size(), reference.instances.size());
    for (std::size_t i = 0; i < fast.instances.size(); ++i) {
        expectSameInstance(fast.instances[i], reference.instances[i]);
    }
    ASSERT_EQ(fast.outputs.size(), reference.outputs.size());
    for (std::size_t i = 0; i < fast.outputs.size(); ++i) {
        EXPECT_EQ(fast.outputs[i].name, reference.outputs[i].name);
        EXPECT_EQ(fast.outputs[i].sensitive, reference.outputs[i].sensitive) << reference.outputs[i].name;
        EXPECT_EQ(fast.outputs[i].valueText, reference.outputs[i].valueText) << reference.outputs[i].name;
    }
    ASSERT_EQ(fast.checkResults.size(), reference.checkResults.size());
    for (std::size_t i = 0; i < fast.checkResults.size(); ++i) {
        const auto& a = fast.checkResults[i];
        const auto& b = reference.checkResults[i];
        EXPECT_EQ(a.objectKind, b.objectKind);
        EXPECT_EQ(a.configAddress, b.configAddress);
        EXPECT_EQ(a.status, b.status);
        ASSERT_EQ(a.objects.size(), b.objects.size()) << b.configAddress;
        for (std::size_t j = 0; j < a.objects.size(); ++j) {
            EXPECT_EQ(a.objects[j].objectAddress, b.objects[j].objectAddress);
            EXPECT_EQ(a.objects[j].status, b.objects[j].status);
            EXPECT_EQ(a.objects[j].failureMessages, b.objects[j].failureMessages);
        }
    }
}

// The fast path must answer, and answer exactly what the reference path does.
void expectFastMatchesReference(const std::string& text, const std::string& name)
{
    SCOPED_TRACE(name);
    const TerraformState reference = readStateReference(text, name, nullptr);
    const auto fast = readStateV4Fast(text, name, nullptr);
    ASSERT_TRUE(fast.has_value()) << "the fast path declined " << name;
    expectSameState(*fast, reference);
}

std::vector<fs::path> stateFiles(const fs::path& dir)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string file = entry.path().filename().string();
        if (entry.is_regular_file() && (file.ends_with(".tfstate") || file.ends_with(".tfstate.json"))) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(StateFastPath, matchesReferenceOnCorpus)
{
    const auto files = stateFiles(fs::path(BLASTLINE_TEST_CORPUS) / "tfstate");
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        expectFastMatchesReference(readWhole(file), file.string());
    }
}

TEST(StateFastPath, matchesReferenceOnSampleData)
{
    const auto files = stateFiles(fs::path(BLASTLINE_SOURCE_DIR) / "sample-data");
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        expectFastMatchesReference(readWhole(file), file.string());
    }
}

// One document per feature; each is also read whole by the reference, so a difference anywhere shows.
const char* const kFeatureStates[] = {
    // Modules with keys, count and for_each keys, data sources, dependencies, legacy providers.
    R"({"version": 4, "terraform_version": "1.9.0", "serial": 7, "lineage": "l-1", "outputs": {},
        "resources": [
          {"module": "module.net[\"eu\"].module.sub[2]", "mode": "managed", "type": "aws_subnet", "name": "a",
           "provider": "module.net.provider[\"registry.terraform.io/hashicorp/aws\"].west",
           "instances": [
             {"index_key": 0, "schema_version": 1, "attributes": {"id": "s-0", "cidr": "10.0.0.0/24"},
              "dependencies": ["module.net.aws_vpc.main"], "create_before_destroy": true},
             {"index_key": 1, "attributes": {"id": "s-1"}, "dependencies": null}]},
          {"mode": "managed", "type": "aws_iam_user", "name": "u", "provider": "provider.aws",
           "instances": [{"index_key": "alice", "attributes": {"id": "alice"}},
                         {"index_key": "b\u00e9\"b", "attributes": {"id": "bob"}}]},
          {"mode": "data", "type": "aws_caller_identity", "name": "me", "provider": "provider.aws.east",
           "instances": [{"attributes": {"account_id": "123"}}]},
          {"module": "", "mode": "managed", "type": "null_resource", "name": "n",
           "provider": "provider[\"hashicorp/null\"]", "instances": []},
          {"mode": "managed", "type": "random_id", "name": "r", "provider": "provider[\"random\"]", "instances": null,
           "each": "list"}]})",
    // Deposed and tainted objects, status null, private blobs, unknown fields.
    R"({"version": 4, "serial": 1, "resources": [
          {"mode": "managed", "type": "aws_instance", "name": "web", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
           "instances": [
             {"status": "tainted", "attributes": {"id": "i-1"}, "private": "eyJzY2hlbWEiOjF9", "sensitive_values": {"x": true}},
             {"deposed": "1a2b3c4d", "attributes": {"id": "i-0"}, "private": null}]},
          {"mode": "managed", "type": "aws_instance", "name": "web2", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
           "instances": [
             {"deposed": "", "status": null, "index_key": null, "attributes": {"id": "i-2"}, "identity_schema_version": 0}]}],
        "check_results": null, "future_field": {"nested": [1, {"a": null}, "s\n"]}})",
    // attributes_flat (legacy flatmap), attributes winning over it, null attributes, identity.
    R"({"version": 4, "resources": [
          {"mode": "managed", "type": "aws_vpc", "name": "flat", "provider": "provider.aws",
           "instances": [
             {"attributes_flat": {"id": "vpc-1", "tags.%": "1", "tags.Name": "x", "cidr.#": "0", "password": "p"}},
             {"index_key": 1, "attributes": {"id": "wins"}, "attributes_flat": {"id": "loses"}},
             {"index_key": 2, "attributes": null, "identity": {"account_id": "1", "region": "eu", "token": "t"}},
             {"index_key": 3, "attributes_flat": null, "identity": null}]}]})",
    // Redaction: sensitive_attributes (get_attr, index by number/string, bare strings, cty-typed
    // values, a set element), secret names, and an empty path meaning everything.
    R"({"version": 4, "resources": [
          {"mode": "managed", "type": "aws_db_instance", "name": "db", "provider": "provider.aws",
           "instances": [
             {"attributes": {"id": "db-1", "password": "hunter2", "manage_master_user_password": true,
                             "master_password": null, "port": 5432, "api_key": 12,
                             "conn": [{"uri": "x", "pw": "y"}, {"uri": "z", "pw": "w"}],
                             "env": {"DB_PASSWORD": "s", "creation_token": "ok", "client_secret": "c"},
                             "nested": {"a": {"b": "c"}, "list": ["p", "q"]}, "set": ["m", "n"]},
              "sensitive_attributes": [
                [{"type": "get_attr", "value": "conn"}, {"type": "index", "value": {"value": 1, "type": "number"}},
                 {"type": "get_attr", "value": "pw"}],
                [{"type": "get_attr", "value": "nested"}, {"type": "index", "value": {"value": "a", "type": "string"}}],
                [{"type": "get_attr", "value": "set"}, {"type": "index", "value": {"value": "m", "type": ["set", "string"]}}],
                "nested.list",
                [{"type": "get_attr", "value": "env"}, {"type": "index", "value": 3}]]},
             {"index_key": 1, "attributes": {"id": "db-2", "plain": "visible"}, "sensitive_attributes": [[]]},
             {"index_key": 2, "attributes": {"id": "db-3"}, "sensitive_attributes": [ ]}]}]})",
    // Outputs (sorted by the reference, sensitive, secret names, nested secret keys) and check_results.
    R"({"version": 4, "outputs": {
          "z_plain": {"value": {"b": 1.50, "a": [1e3, -0, 12345678901234567890], "password": "x"}, "type": "dynamic"},
          "db_password": {"value": "p", "type": "string"},
          "hidden": {"value": "h", "type": "string", "sensitive": true},
          "nothing": {"type": "string"},
          "escaped": {"value": "\u00e9\ud83d\ude00\t\"", "type": "string"}},
        "check_results": [
          {"object_kind": "resource", "config_addr": "aws_s3_bucket.b", "status": "pass",
           "objects": [{"object_addr": "aws_s3_bucket.b", "status": "pass"},
                       {"object_addr": "aws_s3_bucket.c", "status": "fail", "failure_messages": ["no", "never"]}]},
          {"object_kind": "new_kind", "config_addr": "x"},
          {"object_kind": "output", "config_addr": "output.o", "status": "unknown", "objects": null}],
        "resources": []})",
    // Numbers and strings as leaves: every number form, escapes, empty containers, nulls, nesting.
    R"({"version": 4, "serial": 12345678901234567890, "resources": [
          {"mode": "managed", "type": "t_x", "name": "n", "provider": "provider.t",
           "instances": [{"schema_version": 3, "attributes": {
             "ints": [0, -0, 7, -7, 9223372036854775807, -9223372036854775808, 12345678901234567890],
             "floats": [1e3, 1E3, 1.0, -0.0, 1.5e-7, 2.5E+10, 0.1, 123456789012.125],
             "strings": ["", "\"quoted\"", "tab\there", "\u0041\u00e9\u4e2d\ud83d\ude00", "slash\/back\\", "\u0000x"],
             "empty_object": {}, "empty_array": [], "nothing": null, "flag": false, "on": true,
             "deep": {"a": [{"b": [[], {}, [null]]}], "": {"k": 1}},
             "k.with.dots": "v", "key\u00e9": 1, "list": [0,1,2,3,4,5,6,7,8,9,10,11],
             "dup": 1, "dup": 2}}]}]})",
    // Whitespace everywhere, keys in unusual orders (instances before the resource header, version last).
    " \n\t{ \"resources\" : [ { \"instances\" : [ { \"attributes\" : { \"id\" : \"x\" } , \"index_key\" : 5 } ] ,"
    " \"provider\" : \"provider.aws\" , \"name\" : \"b\" , \"type\" : \"aws_s3_bucket\" , \"mode\" : \"managed\" } ] ,"
    " \"lineage\" : null , \"terraform_version\" : null , \"serial\" : null , \"version\" : 4 } \r\n ",
    // The smallest state.
    R"({"version": 4})",
};

TEST(StateFastPath, matchesReferenceOnEveryFeature)
{
    int index = 0;
    for (const char* text : kFeatureStates) {
        expectFastMatchesReference(text, "feature-" + std::to_string(index++) + ".tfstate");
    }
}

TEST(StateFastPath, matchesReferenceOnALargeGeneratedState)
{
    std::string text = R"({"version": 4, "serial": 3, "resources": [)";
    for (int i = 0; i < 3000; ++i) {
        text += (i == 0 ? "" : ",");
        text += R"({"module": "module.m[)" + std::to_string(i % 7)
            + R"(]", "mode": "managed", "type": "aws_vpc", "name": "v)" + std::to_string(i)
            + R"(", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]", "instances": [)"
            + R"({"index_key": 0, "attributes": {"id": "vpc-)" + std::to_string(i)
            + R"(", "tags": {"Name": "n", "b": "x"}, "list": [1, 2.5, "s", null, true]}, "sensitive_attributes": []}]})";
    }
    expectFastMatchesReference(text + "]}", "generated.tfstate");
}

// Every input the reference rejects: the fast path declines, so the reference's message is the one shown.
TEST(StateFastPath, declinesWhatTheReferenceRejects)
{
    const std::vector<std::string> broken = {
        "",
        "   ",
        "[]",
        "4",
        R"({"version": 4)",
        R"({"version": 4} x)",
        R"({"version": 4}})",
        R"({"version": 4} {})",
        R"({"version": 4,})",
        R"({"version": 4 "serial": 1})",
        R"({"version": 4, "x": [1,]})",
        R"({"version": 4, "x": [1 2]})",
        R"({"version": 4, "x": tru})",
        R"({"version": 4, "x": nul})",
        R"({"version": 4, "x": 01})",
        R"({"version": 4, "x": 1.})",
        R"({"version": 4, "x": -})",
        R"({"version": 4, "x": 1e400})",
        R"({"version": 4, "x": 1e99999})",
        R"({"version": 4, "x": "\q"})",
        R"({"version": 4, "x": "\ud800"})",
        R"({"version": 4, "x": "\udc00"})",
        R"({"version": 4, "x": "\u12"})",
        "{\"version\": 4, \"x\": \"\x01\"}",
        "{\"version\": 4, \"x\": \"\xff\"}",
        "{\"version\": 4, \"x\": \"\xed\xa0\x80\"}",
        R"({"version": 4, "private": "\x"})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"attributes": {"a": 1e400}}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"attributes": {"a": "\udc00"}, "private": "x"}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"attributes": {"\q": 1}}]}]})",
        R"({"version": 4, "outputs": {"o": {"value": [1,]}}})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"sensitive_attributes": [[{"type": "get_attr", "value": "a"},]]}]}]})",
        // Structure the reference refuses.
        R"({"version": 5})",
        R"({"version": "4"})",
        R"({"version": 4, "serial": -1})",
        R"({"version": 4, "serial": 1.5})",
        R"({"version": 4, "resources": {}})",
        R"({"version": 4, "resources": [{"mode": "weird", "type": "t", "name": "n", "provider": "provider.a"}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "nope"}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n"}]})",
        R"({"version": 4, "resources": [{"module": "module.", "mode": "managed", "type": "t", "name": "n", "provider": "provider.a"}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"index_key": true}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"status": "gone"}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"deposed": "short"}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"attributes": "x"}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"sensitive_attributes": [[{"type": "splat", "value": "a"}]]}]}]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{}, {}]}]})",
        R"({"version": 4, "resources": [
            {"mode": "managed", "type": "t", "name": "n", "provider": "provider.a", "instances": [{"deposed": "abcdefgh"}]},
            {"mode": "managed", "type": "t", "name": "n", "provider": "provider.a", "instances": [{"deposed": "abcdefgh"}]}]})",
        R"({"version": 4, "outputs": {"o": "x"}})",
        R"({"version": 4, "check_results": [{"object_kind": "resource"}]})",
        R"({"version": 4, "encryption_version": "v0", "encrypted_data": "xx"})",
    };
    for (const std::string& text : broken) {
        SCOPED_TRACE(text);
        EXPECT_THROW(readStateReference(text, "broken.tfstate", nullptr), blastline::core::InputError);
        EXPECT_FALSE(readStateV4Fast(text, "broken.tfstate", nullptr).has_value());
    }
}

// Other shapes are the reference's: format 3, `terraform show -json`, and v4 documents it reads
// differently from the common shape (version 4.0, whole-float keys, null resources).
TEST(StateFastPath, declinesOtherFormats)
{
    const std::vector<std::string> others = {
        R"({"version": 3, "serial": 1, "modules": [{"path": ["root"], "resources": {}}]})",
        R"({"format_version": "1.0", "values": {"root_module": {"resources": []}}})",
        R"({"version": 4.0})",
        R"({"version": 4, "resources": [null]})",
        R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "provider.a",
            "instances": [{"index_key": 1.0, "attributes": {}}]}]})",
        R"({"version": 4, "serial": 1, "serial": 2})",
    };
    for (const std::string& text : others) {
        SCOPED_TRACE(text);
        EXPECT_NO_THROW(readStateReference(text, "other.tfstate", nullptr));
        EXPECT_FALSE(readStateV4Fast(text, "other.tfstate", nullptr).has_value());
    }
}

} // namespace
