// SPDX-License-Identifier: MIT
// Format 3 upgrade, `terraform show -json`, and progress/cancellation of the reader.
#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/core/TerraformState.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace blastline;
using core::AttributeValue;
using core::ResourceInstance;
using core::TerraformState;
using importers::StateReader;

namespace {

std::vector<std::string> names(const TerraformState& state)
{
    std::vector<std::string> result;
    for (const ResourceInstance& instance : state.instances) {
        result.push_back(instance.displayName());
    }
    return result;
}

const char* kStateV3 = R"({
  "version": 3, "terraform_version": "0.11.14", "serial": 8, "lineage": "v3-lineage",
  "modules": [
    {"path": ["root"],
     "outputs": {"ip": {"sensitive": false, "type": "string", "value": "10.0.0.1"},
                 "key": {"sensitive": true, "type": "string", "value": "v3-secret-out"}},
     "resources": {
       "aws_instance.web.0": {"type": "aws_instance", "depends_on": ["aws_security_group.sg", "aws_subnet.a.*"],
         "primary": {"id": "i-0", "attributes": {"id": "i-0", "tags.%": "1", "tags.Name": "web",
                     "password": "v3-secret-attr"}, "meta": {"schema_version": "1"}, "tainted": true},
         "deposed": [{"id": "i-old", "attributes": {"id": "i-old"}}],
         "provider": "provider.aws"},
       "aws_instance.web.1": {"type": "aws_instance", "primary": {"id": "i-1", "attributes": {}}, "provider": ""},
       "data.aws_ami.ubuntu": {"type": "aws_ami", "primary": {"id": "ami-1", "attributes": {"id": "ami-1"}},
         "provider": "provider.aws.west"}
     }},
    {"path": ["root", "network"],
     "resources": {"aws_vpc.main": {"type": "aws_vpc", "depends_on": ["aws_eip.x.0"],
                    "primary": {"id": "vpc-1", "attributes": {"id": "vpc-1"}}, "provider": "aws"}}}
  ]})";

TEST(StateReaderV3, upgradesModulesKeysDeposedAndDependencies)
{
    const TerraformState state = StateReader::readText(kStateV3, "old.tfstate");
    EXPECT_EQ(state.source, core::StateSource::StateV3);
    EXPECT_EQ(state.formatVersion, 3);
    EXPECT_EQ(state.serial, 8u);
    ASSERT_EQ(state.warnings.size(), 1u);
    EXPECT_NE(state.warnings[0].find("format 3"), std::string::npos);
    EXPECT_EQ(names(state),
        (std::vector<std::string> {"aws_instance.web[0]", "aws_instance.web[0] (deposed object 00000001)",
            "aws_instance.web[1]", "data.aws_ami.ubuntu", "module.network.aws_vpc.main"}));
    const ResourceInstance& web = state.instances[0];
    EXPECT_TRUE(web.tainted);
    EXPECT_EQ(web.schemaVersion, 1u);
    EXPECT_EQ(web.provider, "registry.terraform.io/-/aws");
    EXPECT_EQ(web.dependencies, (std::vector<std::string> {"aws_security_group.sg", "aws_subnet.a"}));
    EXPECT_EQ(web.attributes.getString("tags.Name"), "web");
    EXPECT_FALSE(web.attributes.contains("tags.%"));
    EXPECT_EQ(web.attributes.find("password")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(state.instances[2].attributes.getString("id"), "i-1"); // from primary.id
    EXPECT_EQ(state.instances[2].providerConfig, "provider.aws"); // implied by the type
    EXPECT_EQ(state.instances[3].providerConfig, "provider.aws.west");
    const ResourceInstance& vpc = state.instances[4];
    EXPECT_EQ(vpc.providerConfig, "module.network.provider.aws");
    EXPECT_EQ(vpc.dependencies, std::vector<std::string> {"module.network.aws_eip.x"});
    ASSERT_EQ(state.outputs.size(), 2u);
    for (const auto& output : state.outputs) {
        EXPECT_EQ(output.valueText.find("v3-secret"), std::string::npos);
    }
}

const char* kShowJson = R"({
  "format_version": "1.0", "terraform_version": "1.9.5",
  "values": {
    "outputs": {"pw": {"sensitive": true, "value": "sj-secret-out", "type": "string"},
                "name": {"sensitive": false, "value": "n", "type": "string"}},
    "root_module": {
      "resources": [
        {"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
         "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 2,
         "values": {"id": "db-1", "conn": {"user": "u", "pw": "sj-secret-attr"}, "list": ["a", "b"]},
         "sensitive_values": {"conn": {"pw": true}, "list": []}, "depends_on": ["aws_vpc.main"], "tainted": true},
        {"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
         "provider_name": "registry.terraform.io/hashicorp/aws", "deposed_key": "deadbeef", "values": {"id": "db-0"}}
      ],
      "child_modules": [
        {"resources": [
           {"address": "module.app[\"blue\"].data.aws_ami.x", "mode": "data", "type": "aws_ami", "name": "x",
            "provider_name": "aws", "values": {"id": "ami-1"}, "sensitive_values": {}}],
         "address": "module.app[\"blue\"]",
         "child_modules": [
           {"address": "module.app[\"blue\"].module.db[1]",
            "resources": [{"address": "module.app[\"blue\"].module.db[1].aws_vpc.v[0]", "mode": "managed",
                           "type": "aws_vpc", "name": "v", "index": 0,
                           "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"id": "vpc-1"}}]}]}
      ]}}})";

TEST(StateReaderShowJson, readsNestedModulesMasksAndDeposedObjects)
{
    const TerraformState state = StateReader::readText(kShowJson, "show.json");
    EXPECT_EQ(state.source, core::StateSource::ShowJson);
    EXPECT_EQ(state.formatVersion, 0);
    EXPECT_EQ(names(state),
        (std::vector<std::string> {"aws_db_instance.main", "aws_db_instance.main (deposed object deadbeef)",
            R"(module.app["blue"].data.aws_ami.x)", R"(module.app["blue"].module.db[1].aws_vpc.v[0])"}));
    const ResourceInstance& db = state.instances[0];
    EXPECT_TRUE(db.tainted);
    EXPECT_EQ(db.schemaVersion, 2u);
    EXPECT_EQ(db.dependencies, std::vector<std::string> {"aws_vpc.main"});
    EXPECT_EQ(db.attributes.find("conn.pw")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(db.attributes.getString("conn.user"), "u");
    EXPECT_EQ(db.attributes.getString("list.1"), "b");
    EXPECT_EQ(db.provider, "registry.terraform.io/hashicorp/aws");
    EXPECT_EQ(state.instances[2].provider, "registry.terraform.io/-/aws");
    ASSERT_EQ(state.outputs.size(), 2u);
    for (const auto& output : state.outputs) {
        EXPECT_EQ(output.valueText.find("sj-secret"), std::string::npos);
    }
    for (const ResourceInstance& instance : state.instances) {
        for (const auto& [path, value] : instance.attributes.entries()) {
            EXPECT_EQ(value.text.find("sj-secret"), std::string::npos) << path;
        }
    }
}

TEST(StateReaderShowJson, emptyStateHasOnlyAFormatVersion)
{
    const TerraformState state = StateReader::readText(R"({"format_version": "1.0"})", "show.json");
    EXPECT_EQ(state.source, core::StateSource::ShowJson);
    EXPECT_TRUE(state.instances.empty());
}

class RecordingSink : public core::ProgressSink
{
public:
    void progress(std::string_view phase, std::uint64_t done, std::uint64_t total) override
    {
        EXPECT_EQ(phase, "Reading state");
        m_calls.push_back({done, total});
    }
    bool isCancelled() const override { return m_cancelAfter != 0 && m_calls.size() >= m_cancelAfter; }

    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_calls;
    std::size_t m_cancelAfter = 0;
};

std::string bigState(std::size_t instances)
{
    std::string text = R"({"version": 4, "serial": 1, "lineage": "x", "resources": [)";
    for (std::size_t i = 0; i < instances; ++i) {
        text += (i == 0 ? "" : ",");
        text += R"({"mode": "managed", "type": "aws_vpc", "name": "v)" + std::to_string(i)
            + R"(", "provider": "provider.aws", "instances": [{"attributes": {"id": "vpc-)" + std::string(200, 'x')
            + R"("}}]})";
    }
    return text + "]}";
}

TEST(StateReaderProgress, reportsAboutEveryMegabyteAndFinishes)
{
    const std::string text = bigState(15000); // about 4 MB
    RecordingSink sink;
    const TerraformState state = StateReader::readText(text, "big.tfstate", &sink);
    EXPECT_EQ(state.instances.size(), 15000u);
    ASSERT_GE(sink.m_calls.size(), 3u);
    EXPECT_EQ(sink.m_calls.back().first, text.size());
    for (const auto& [done, total] : sink.m_calls) {
        EXPECT_EQ(total, text.size());
        EXPECT_LE(done, total);
    }
}

TEST(StateReaderProgress, stopsWhenCancelled)
{
    const std::string text = bigState(15000);
    RecordingSink sink;
    sink.m_cancelAfter = 1;
    EXPECT_THROW(StateReader::readText(text, "big.tfstate", &sink), core::OperationCancelled);
    EXPECT_EQ(sink.m_calls.size(), 1u);
}

} // namespace
