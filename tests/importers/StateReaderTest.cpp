// SPDX-License-Identifier: MIT
// What the reader makes of each feature of the state formats; errors are in StateReaderErrorTest.cpp.
#include "blastline/importers/StateReader.h"

#include "blastline/core/ProgressSink.h"
#include "blastline/core/TerraformState.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

using namespace blastline;
using core::AttributeValue;
using core::ResourceInstance;
using core::TerraformState;
using importers::StateReader;

namespace {

std::string v4(const std::string& resources, const std::string& extra = "")
{
    return R"({"version": 4, "terraform_version": "1.9.5", "serial": 7, "lineage": "l-1", )" + extra
        + R"("resources": [)" + resources + "]}";
}

std::string resource(const std::string& header, const std::string& instances)
{
    return "{" + header + R"(, "instances": [)" + instances + "]}";
}

const char* kAws = R"("provider": "provider[\"registry.terraform.io/hashicorp/aws\"]")";

const ResourceInstance& only(const TerraformState& state)
{
    EXPECT_EQ(state.instances.size(), 1u);
    return state.instances.at(0);
}

// Nothing under the secret string anywhere a consumer could look.
void expectNowhere(const TerraformState& state, const std::string& secret)
{
    for (const ResourceInstance& instance : state.instances) {
        for (const auto& [path, value] : instance.attributes.entries()) {
            EXPECT_EQ(value.text.find(secret), std::string::npos) << instance.addressText << " " << path;
        }
    }
    for (const auto& output : state.outputs) {
        EXPECT_EQ(output.valueText.find(secret), std::string::npos) << output.name;
    }
}

struct FeatureRow
{
    const char* name;
    std::string json;
    std::vector<std::string> objects; // displayName() of every object, in file order
    std::function<void(const TerraformState&)> check;
};

// Names rows in failure messages instead of dumping their bytes.
void PrintTo(const FeatureRow& row, std::ostream* out)
{
    *out << row.name;
}

class StateReaderFeatures : public testing::TestWithParam<FeatureRow>
{ };

TEST_P(StateReaderFeatures, readsTheFeature)
{
    const FeatureRow& row = GetParam();
    const TerraformState state = StateReader::readText(row.json, "test.tfstate");
    std::vector<std::string> names;
    for (const ResourceInstance& instance : state.instances) {
        names.push_back(instance.displayName());
        EXPECT_EQ(instance.addressText, instance.address.toString());
    }
    EXPECT_EQ(names, row.objects);
    if (row.check) {
        row.check(state);
    }
}

std::vector<FeatureRow> featureRows()
{
    const std::string aws = kAws;
    return {
        {"moduleKeys",
            v4(resource(R"("module": "module.env[\"prod\"].module.db[0]", "mode": "managed", "type": "aws_db_instance",
                        "name": "main", )"
                    + aws,
                R"({"schema_version": 2, "attributes": {"id": "db-1"}})")),
            {R"(module.env["prod"].module.db[0].aws_db_instance.main)"},
            [](const TerraformState& s) {
                const auto& i = only(s);
                ASSERT_EQ(i.address.modules.size(), 2u);
                EXPECT_EQ(i.address.modules[0].key, core::InstanceKey::string("prod"));
                EXPECT_EQ(i.address.modules[1].key, core::InstanceKey::index(0));
                EXPECT_EQ(i.schemaVersion, 2u);
                EXPECT_EQ(s.source, core::StateSource::StateV4);
                EXPECT_EQ(s.serial, 7u);
                EXPECT_EQ(s.lineage, "l-1");
                EXPECT_EQ(s.terraformVersion, "1.9.5");
            }},
        {"countAndForEachKeys",
            v4(resource(R"("mode": "managed", "type": "aws_subnet", "name": "a", )" + aws,
                   R"({"index_key": 0, "attributes": {}}, {"index_key": 1, "attributes": {}})")
                + ","
                + resource(R"("mode": "managed", "type": "aws_s3_bucket", "name": "b", "each": "map", )" + aws,
                    R"({"index_key": "logs", "attributes": {}})")),
            {"aws_subnet.a[0]", "aws_subnet.a[1]", R"(aws_s3_bucket.b["logs"])"}, nullptr},
        {"headerAfterInstances",
            R"({"resources": [{"instances": [{"index_key": 3, "attributes": {"id": "x"}}], "name": "n",
             "type": "aws_vpc", "mode": "managed", "provider": "provider.aws"}], "version": 4})",
            {"aws_vpc.n[3]"}, nullptr},
        {"deposedAndTainted",
            v4(resource(R"("mode": "managed", "type": "aws_instance", "name": "web", )" + aws,
                R"({"status": "tainted", "attributes": {"id": "i-new"}, "create_before_destroy": true},
                        {"deposed": "1a2b3c4d", "attributes": {"id": "i-old"}, "dependencies": ["aws_vpc.main"]})")),
            {"aws_instance.web", "aws_instance.web (deposed object 1a2b3c4d)"},
            [](const TerraformState& s) {
                EXPECT_TRUE(s.instances[0].tainted);
                EXPECT_TRUE(s.instances[0].createBeforeDestroy);
                EXPECT_FALSE(s.instances[1].tainted);
                EXPECT_EQ(s.instances[1].attributes.getString("id"), "i-old");
                EXPECT_EQ(s.instances[1].dependencies, std::vector<std::string> {"aws_vpc.main"});
            }},
        {"providerForms",
            v4(resource(R"("mode": "managed", "type": "aws_vpc", "name": "a", "provider": "provider.aws")", "{}") + ","
                + resource(
                    R"("mode": "managed", "type": "aws_vpc", "name": "b", "provider": "provider.aws.west")", "{}")
                + ","
                + resource(R"("module": "module.foo", "mode": "managed", "type": "aws_vpc", "name": "c",
                          "provider": "module.foo.provider.aws")",
                    "{}")
                + ","
                + resource(R"("mode": "managed", "type": "aws_vpc", "name": "d",
                          "provider": "provider[\"registry.terraform.io/hashicorp/aws\"].west")",
                    "{}")
                + ","
                + resource(R"("mode": "managed", "type": "aws_vpc", "name": "e",
                          "provider": "module.x.provider[\"registry.opentofu.org/hashicorp/aws\"]")",
                    "{}")),
            {"aws_vpc.a", "aws_vpc.b", "module.foo.aws_vpc.c", "aws_vpc.d", "aws_vpc.e"},
            [](const TerraformState& s) {
                EXPECT_EQ(s.instances[0].provider, "registry.terraform.io/-/aws");
                EXPECT_EQ(s.instances[1].provider, "registry.terraform.io/-/aws");
                EXPECT_EQ(s.instances[1].providerConfig, "provider.aws.west");
                EXPECT_EQ(s.instances[2].provider, "registry.terraform.io/-/aws");
                EXPECT_EQ(s.instances[3].provider, "registry.terraform.io/hashicorp/aws");
                EXPECT_EQ(s.instances[3].providerConfig, R"(provider["registry.terraform.io/hashicorp/aws"].west)");
                EXPECT_EQ(s.instances[4].provider, "registry.opentofu.org/hashicorp/aws");
            }},
        {"dataSource",
            v4(resource(R"("mode": "data", "type": "aws_ami", "name": "ubuntu", )" + aws,
                R"({"attributes": {"id": "ami-1"}})")),
            {"data.aws_ami.ubuntu"}, [](const TerraformState& s) { EXPECT_FALSE(only(s).isManaged()); }},
        {"attributesNested",
            v4(resource(R"("mode": "managed", "type": "aws_security_group", "name": "sg", )" + aws,
                R"({"attributes": {"ingress": [{"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]}],
                        "tags": {"Name": "x"}, "empty": {}, "nothing": null, "ratio": 1.50, "on": true}})")),
            {"aws_security_group.sg"},
            [](const TerraformState& s) {
                const auto& a = only(s).attributes;
                EXPECT_EQ(a.getString("ingress.0.from_port"), "22");
                EXPECT_EQ(a.getString("ingress.0.cidr_blocks.0"), "10.0.0.0/8");
                EXPECT_EQ(a.getString("tags.Name"), "x");
                EXPECT_EQ(a.find("ratio")->text, "1.50");
                EXPECT_EQ(a.find("nothing")->kind, AttributeValue::Kind::Null);
                EXPECT_EQ(a.getBool("on"), true);
                EXPECT_FALSE(a.contains("empty"));
                EXPECT_EQ(a.size(), 6u);
            }},
        {"attributesFlat",
            v4(resource(R"("mode": "managed", "type": "aws_instance", "name": "old", "provider": "provider.aws")",
                R"({"attributes_flat": {"id": "i-1", "tags.%": "1", "tags.Name": "web", "sg.#": "1",
                        "sg.0": "sg-1"}})")),
            {"aws_instance.old"},
            [](const TerraformState& s) {
                const auto& a = only(s).attributes;
                EXPECT_EQ(a.getString("tags.Name"), "web");
                EXPECT_EQ(a.getString("sg.0"), "sg-1");
                EXPECT_FALSE(a.contains("tags.%"));
                EXPECT_FALSE(a.contains("sg.#"));
            }},
        {"sensitiveAttributes",
            v4(resource(R"("mode": "managed", "type": "aws_db_instance", "name": "db", )" + aws,
                R"({"attributes": {"conn": [{"host": "h", "pw": "hunter2-xyz"}], "note": "hunter2-xyz",
                        "blob": {"k": "hunter2-xyz"}, "keep": "visible"},
                        "sensitive_attributes": [
                          [{"type": "get_attr", "value": "conn"}, {"type": "index", "value": {"value": 0, "type": "number"}},
                           {"type": "get_attr", "value": "pw"}],
                          [{"type": "get_attr", "value": "note"}], "blob"],
                        "private": "aHVudGVyMi14eXo="})")),
            {"aws_db_instance.db"},
            [](const TerraformState& s) {
                const auto& a = only(s).attributes;
                EXPECT_EQ(a.find("conn.0.pw")->kind, AttributeValue::Kind::Redacted);
                EXPECT_EQ(a.find("note")->kind, AttributeValue::Kind::Redacted);
                EXPECT_EQ(a.find("blob.k")->kind, AttributeValue::Kind::Redacted);
                EXPECT_EQ(a.getString("conn.0.host"), "h");
                EXPECT_EQ(a.getString("keep"), "visible");
                expectNowhere(s, "hunter2");
            }},
        {"secretNames",
            v4(resource(R"("mode": "managed", "type": "aws_rds_cluster", "name": "c", )" + aws,
                R"({"attributes": {"master_password": "s3cr3t-1", "auth": [{"token": "s3cr3t-2"}],
                        "environment": {"DB_PASSWORD": "s3cr3t-3"}, "access_key": "AKIAEXAMPLE",
                        "manage_master_user_password": true, "password_wo": null, "secret_string": "s3cr3t-4"}})")),
            {"aws_rds_cluster.c"},
            [](const TerraformState& s) {
                const auto& a = only(s).attributes;
                EXPECT_EQ(a.find("master_password")->kind, AttributeValue::Kind::Redacted);
                EXPECT_EQ(a.find("auth.0.token")->kind, AttributeValue::Kind::Redacted);
                EXPECT_EQ(a.getString("access_key"), "AKIAEXAMPLE");
                EXPECT_EQ(a.getBool("manage_master_user_password"), true);
                EXPECT_EQ(a.find("password_wo")->kind, AttributeValue::Kind::Null);
                expectNowhere(s, "s3cr3t");
            }},
        {"checkResultsIdentityOutputs",
            v4(resource(R"("mode": "managed", "type": "aws_s3_bucket", "name": "b", )" + aws,
                   R"({"attributes": {"id": "b"}, "identity_schema_version": 0,
                        "identity": {"bucket": "b", "account_id": "123456789012"}})"),
                R"("outputs": {"db_password": {"value": "out-secret-1", "type": "string"},
                           "conn": {"value": {"host": "h", "password": "out-secret-2"}, "type": "dynamic"},
                           "hidden": {"value": "out-secret-3", "type": "string", "sensitive": true},
                           "plain": {"value": [1, "a"], "type": "dynamic"}},
               "check_results": [
                 {"object_kind": "resource", "config_addr": "aws_s3_bucket.b", "status": "fail",
                  "objects": [{"object_addr": "aws_s3_bucket.b", "status": "fail", "failure_messages": ["no"]}]},
                 {"object_kind": "future_kind", "config_addr": "x", "status": "pass"}], )"),
            {"aws_s3_bucket.b"},
            [](const TerraformState& s) {
                EXPECT_EQ(only(s).identity.getString("account_id"), "123456789012");
                ASSERT_EQ(s.checkResults.size(), 1u);
                EXPECT_EQ(s.checkResults[0].configAddress, "aws_s3_bucket.b");
                ASSERT_EQ(s.checkResults[0].objects.size(), 1u);
                EXPECT_EQ(s.checkResults[0].objects[0].failureMessages, std::vector<std::string> {"no"});
                ASSERT_EQ(s.outputs.size(), 4u);
                for (const auto& output : s.outputs) {
                    if (output.name == "plain") {
                        EXPECT_EQ(output.valueText, R"([1,"a"])");
                    }
                    if (output.name == "hidden") {
                        EXPECT_TRUE(output.sensitive);
                        EXPECT_EQ(output.valueText, core::kRedactedMarker);
                    }
                }
                expectNowhere(s, "out-secret");
            }},
        {"emptyState", R"({"version": 4, "serial": 1, "lineage": "x", "outputs": {}, "resources": []})", {}, nullptr},
    };
}

INSTANTIATE_TEST_SUITE_P(StateV4, StateReaderFeatures, testing::ValuesIn(featureRows()),
    [](const testing::TestParamInfo<FeatureRow>& row) { return row.param.name; });

} // namespace
