// SPDX-License-Identifier: MIT
// What PlanReader reads of `terraform show -json PLANFILE`, on plans written here for the purpose.
#include "blastline/importers/PlanReader.h"

#include "PlanConfiguration.h"

#include "blastline/core/TerraformPlan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace blastline;
using core::AttributeValue;
using core::PlanAction;
using core::TerraformPlan;
using importers::PlanReader;

namespace {

TerraformPlan readPlan(const std::string& text)
{
    return PlanReader::readText(text, "test.plan.json");
}

// One resource change with the given `change` object, in an otherwise minimal 1.2 plan.
TerraformPlan readChange(const std::string& change, const std::string& extraFields = "")
{
    return readPlan(R"({"format_version": "1.2", "resource_changes": [{"address": "aws_db_instance.main",
        "mode": "managed", "type": "aws_db_instance", "name": "main",
        "provider_name": "registry.terraform.io/hashicorp/aws", )"
        + extraFields + R"("change": )" + change + "}]}");
}

std::string actionsChange(const std::string& actions)
{
    return R"({"actions": )" + actions + R"(, "before": {"id": "db-1"}, "after": {"id": "db-1"}})";
}

struct ActionRow
{
    const char* actions;
    PlanAction action;
    const char* text;
    bool deletes;
};

class PlanActions : public testing::TestWithParam<ActionRow>
{ };

TEST_P(PlanActions, everyActionListIsItsOwnAction)
{
    const ActionRow& row = GetParam();
    const TerraformPlan plan = readChange(actionsChange(row.actions));
    ASSERT_EQ(plan.resourceChanges.size(), 1u);
    EXPECT_EQ(plan.resourceChanges[0].action, row.action);
    EXPECT_STREQ(core::toString(plan.resourceChanges[0].action), row.text);
    EXPECT_EQ(core::deletesObject(plan.resourceChanges[0].action), row.deletes);
}

INSTANTIATE_TEST_SUITE_P(PlanReader, PlanActions,
    testing::Values(ActionRow {R"(["no-op"])", PlanAction::NoOp, "no-op", false},
        ActionRow {R"(["create"])", PlanAction::Create, "create", false},
        ActionRow {R"(["read"])", PlanAction::Read, "read", false},
        ActionRow {R"(["update"])", PlanAction::Update, "update", false},
        ActionRow {R"(["delete"])", PlanAction::Delete, "delete", true},
        ActionRow {R"(["delete", "create"])", PlanAction::DeleteThenCreate, "replace", true},
        ActionRow {R"(["create", "delete"])", PlanAction::CreateThenDelete, "replace", true},
        ActionRow {R"(["forget"])", PlanAction::Forget, "forget", false},
        ActionRow {R"(["create", "forget"])", PlanAction::CreateThenForget, "forget", false}));

TEST(PlanReader, keepsEveryActionReasonIncludingUnknownOnes)
{
    for (const std::string reason :
        {"replace_because_cannot_update", "replace_by_triggers", "delete_because_no_resource_config",
            "delete_because_count_index", "read_because_config_unknown", "replace_because_the_moon_is_full"}) {
        SCOPED_TRACE(reason);
        const TerraformPlan plan =
            readChange(actionsChange(R"(["delete"])"), R"("action_reason": ")" + reason + "\", ");
        EXPECT_EQ(plan.resourceChanges.at(0).actionReason, reason);
    }
    EXPECT_EQ(readChange(actionsChange(R"(["update"])")).resourceChanges.at(0).actionReason, "");
}

TEST(PlanReader, flattensReplacePathsToAttributePaths)
{
    const TerraformPlan plan = readChange(R"({"actions": ["delete", "create"], "before": {}, "after": {},
        "replace_paths": [["identifier"], ["ingress", 0, "from_port"], ["tags", "Name"]]})");
    EXPECT_EQ(plan.resourceChanges.at(0).replacePaths,
        (std::vector<std::string> {"identifier", "ingress.0.from_port", "tags.Name"}));
}

TEST(PlanReader, readsAddressPartsOfAChange)
{
    const TerraformPlan plan = readPlan(R"({"format_version": "1.1", "resource_changes": [
        {"address": "module.db[\"eu\"].aws_db_instance.main[\"a\"]", "module_address": "module.db[\"eu\"]",
         "mode": "managed", "type": "aws_db_instance", "name": "main", "index": "a", "provider_name": "aws",
         "previous_address": "aws_db_instance.main", "deposed": "1a2b3c4d",
         "change": {"actions": ["delete"], "before": {"id": "x"}, "after": null}},
        {"address": "data.aws_ami.base[2]", "mode": "data", "type": "aws_ami", "name": "base", "index": 2,
         "provider_name": "registry.terraform.io/hashicorp/aws",
         "change": {"actions": ["read"], "before": null, "after": {}, "importing": {"id": "ami-1"}}}]})");
    ASSERT_EQ(plan.resourceChanges.size(), 2u);
    const core::ResourceChange& moved = plan.resourceChanges[0];
    EXPECT_EQ(moved.addressText, "module.db[\"eu\"].aws_db_instance.main[\"a\"]");
    EXPECT_EQ(moved.address.moduleInstanceString(), "module.db[\"eu\"]");
    EXPECT_EQ(moved.address.key, core::InstanceKey::string("a"));
    EXPECT_EQ(moved.previousAddress, "aws_db_instance.main");
    EXPECT_EQ(moved.deposedKey, "1a2b3c4d");
    EXPECT_EQ(moved.provider, "registry.terraform.io/-/aws"); // 0.12-era short names meant the legacy namespace
    EXPECT_FALSE(moved.importing);
    ASSERT_TRUE(moved.before.has_value());
    EXPECT_FALSE(moved.after.has_value());
    const core::ResourceChange& data = plan.resourceChanges[1];
    EXPECT_EQ(data.address.mode, core::ResourceMode::Data);
    EXPECT_EQ(data.address.key, core::InstanceKey::index(2));
    EXPECT_EQ(data.provider, "registry.terraform.io/hashicorp/aws");
    EXPECT_TRUE(data.importing);
    EXPECT_FALSE(data.before.has_value());
}

TEST(PlanReader, flattensValuesAndCollectsUnknownPaths)
{
    const TerraformPlan plan = readChange(R"({"actions": ["update"],
        "before": {"id": "db-1", "allocated_storage": 20, "tags": {"Name": "main"}, "ingress": [{"from_port": 5432}]},
        "after": {"id": "db-1", "allocated_storage": 40.5, "tags": {"Name": "main"}, "ingress": [], "note": null},
        "after_unknown": {"arn": true, "ingress": [{"cidr": true}], "tags": {}}})");
    const core::ResourceChange& change = plan.resourceChanges.at(0);
    ASSERT_TRUE(change.before && change.after);
    EXPECT_EQ(change.before->getString("tags.Name"), "main");
    EXPECT_EQ(change.before->getNumber("ingress.0.from_port"), 5432.0);
    EXPECT_EQ(change.after->getNumber("allocated_storage"), 40.5);
    ASSERT_NE(change.after->find("note"), nullptr);
    EXPECT_EQ(change.after->find("note")->kind, AttributeValue::Kind::Null);
    EXPECT_FALSE(change.after->contains("ingress")); // an empty list leaves no leaf, as in states
    EXPECT_EQ(change.afterUnknown, (std::vector<std::string> {"arn", "ingress.0.cidr"}));
}

TEST(PlanReader, readsTopLevelFieldsOfEveryFormatVersion)
{
    for (const std::string version : {"0.1", "0.2", "1.0", "1.1", "1.2"}) {
        SCOPED_TRACE(version);
        const TerraformPlan plan = readPlan(R"({"format_version": ")" + version
            + R"(", "terraform_version": "1.5.7", "planned_values": {}, "resource_changes": []})");
        EXPECT_EQ(plan.formatVersion, version);
        EXPECT_EQ(plan.terraformVersion, "1.5.7");
        EXPECT_TRUE(plan.applyable); // absent: 0.x plans were always applyable and complete
        EXPECT_TRUE(plan.complete);
        EXPECT_EQ(plan.path, "test.plan.json");
        EXPECT_FALSE(plan.priorState.has_value());
        EXPECT_TRUE(plan.warnings.empty());
    }
    const TerraformPlan later = readPlan(R"({"format_version": "1.2", "timestamp": "2024-05-01T10:00:00Z",
        "applyable": false, "complete": false, "errored": false, "deferred_changes": [{"reason": "unknown"}]})");
    EXPECT_EQ(later.timestamp, "2024-05-01T10:00:00Z");
    EXPECT_FALSE(later.applyable);
    EXPECT_FALSE(later.complete);
    EXPECT_EQ(later.warnings.size(), 2u);
}

TEST(PlanReader, readsPriorStateAsAShowJsonState)
{
    const TerraformPlan plan = readPlan(R"({"format_version": "1.2", "prior_state": {"format_version": "1.0",
        "terraform_version": "1.6.0", "values": {"outputs": {"endpoint": {"sensitive": false, "value": "db:5432"}},
        "root_module": {"resources": [{"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc",
            "name": "main", "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
            "values": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}, "sensitive_values": {}}],
          "child_modules": [{"address": "module.db", "resources": [{"address": "module.db.aws_db_instance.main[0]",
            "mode": "managed", "type": "aws_db_instance", "name": "main", "index": 0,
            "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"identifier": "main"},
            "depends_on": ["aws_vpc.main"], "tainted": true}]}]}}}})");
    ASSERT_TRUE(plan.priorState.has_value());
    const core::TerraformState& state = *plan.priorState;
    EXPECT_EQ(state.path, "test.plan.json");
    EXPECT_EQ(state.source, core::StateSource::ShowJson);
    EXPECT_EQ(state.terraformVersion, "1.6.0");
    ASSERT_EQ(state.instances.size(), 2u);
    EXPECT_EQ(state.instances[0].addressText, "aws_vpc.main");
    EXPECT_EQ(state.instances[0].schemaVersion, 1u);
    EXPECT_EQ(state.instances[0].attributes.getString("cidr_block"), "10.0.0.0/16");
    EXPECT_EQ(state.instances[1].addressText, "module.db.aws_db_instance.main[0]");
    EXPECT_TRUE(state.instances[1].tainted);
    EXPECT_EQ(state.instances[1].dependencies, (std::vector<std::string> {"aws_vpc.main"}));
    ASSERT_EQ(state.outputs.size(), 1u);
    EXPECT_EQ(state.outputs[0].valueText, "\"db:5432\"");

    const TerraformPlan empty = readPlan(R"({"format_version": "1.2", "prior_state": {"format_version": "1.0"}})");
    ASSERT_TRUE(empty.priorState.has_value());
    EXPECT_TRUE(empty.priorState->instances.empty());
}

TEST(PlanReader, completesModuleRelativePriorStateAddressesOfTerraform012)
{
    const TerraformPlan plan = readPlan(R"({"format_version": "0.1", "prior_state": {"values": {"root_module": {
        "resources": [{"address": "aws_eip.ip", "mode": "managed", "type": "aws_eip", "name": "ip", "index": 0,
                       "values": {}}],
        "child_modules": [{"address": "module.a[\"x\"]", "resources": [
          {"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "index": 0, "values": {}},
          {"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "index": 1, "values": {}},
          {"address": "module.a[\"x\"].aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v",
           "values": {}}]}]}}}})");
    ASSERT_TRUE(plan.priorState.has_value());
    std::vector<std::string> addresses;
    for (const core::ResourceInstance& instance : plan.priorState->instances) {
        addresses.push_back(instance.addressText);
    }
    EXPECT_EQ(addresses,
        (std::vector<std::string> {"aws_eip.ip[0]", "module.a[\"x\"].aws_subnet.s[0]",
            "module.a[\"x\"].aws_subnet.s[1]", "module.a[\"x\"].aws_vpc.v"}));
    EXPECT_EQ(plan.priorState->warnings.size(), 1u);
}

TEST(PlanReader, keepsDriftAndRebuildsAddressesTerraform10LeftOut)
{
    const TerraformPlan plan = readPlan(R"({"format_version": "0.1", "resource_drift": [
        {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
         "change": {"actions": ["update"], "before": {"versioning": [{"enabled": true}]},
                    "after": {"versioning": [{"enabled": false}]}}},
        {"module_address": "module.app", "mode": "data", "type": "aws_iam_policy_document", "name": "p",
         "index": 1, "change": {"actions": ["delete"], "before": {}, "after": null}}], "resource_changes": []})");
    ASSERT_EQ(plan.resourceDrift.size(), 2u);
    EXPECT_TRUE(plan.resourceChanges.empty());
    EXPECT_EQ(plan.resourceDrift[0].addressText, "aws_s3_bucket.logs");
    EXPECT_EQ(plan.resourceDrift[0].after->getBool("versioning.0.enabled"), false);
    EXPECT_EQ(plan.resourceDrift[1].addressText, "module.app.data.aws_iam_policy_document.p[1]");
    EXPECT_EQ(plan.resourceDrift[1].action, PlanAction::Delete);
}

std::vector<std::string> edgeTexts(const TerraformPlan& plan)
{
    std::vector<std::string> texts;
    for (const core::ConfigurationEdge& edge : plan.configurationEdges) {
        texts.push_back(edge.from + (edge.dependsOn ? " =depends_on=> " : " -> ") + edge.to);
    }
    std::sort(texts.begin(), texts.end());
    return texts;
}

TEST(PlanReader, turnsConfigurationReferencesAndDependsOnIntoEdges)
{
    const TerraformPlan plan = readPlan(R"({"format_version": "1.2", "configuration": {"root_module": {
        "outputs": {"id": {"expression": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}}},
        "resources": [
          {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
           "expressions": {"cidr_block": {"references": ["var.cidr"]}, "tags": {"constant_value": {"a": "b"}}}},
          {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a",
           "expressions": {"vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]},
                           "ami": {"references": ["data.aws_ami.base.id", "data.aws_ami.base"]}},
           "count_expression": {"references": ["local.count", "module.net.count", "module.net"]},
           "depends_on": ["aws_internet_gateway.gw", "module.net"]},
          {"address": "aws_security_group.db", "mode": "managed", "type": "aws_security_group", "name": "db",
           "expressions": {"ingress": [{"cidr_blocks": {"references": ["aws_subnet.a[0].cidr_block", "aws_subnet.a[0]",
               "aws_subnet.a"]}, "references": {"constant_value": "an argument named references"}}],
             "timeouts": {"create": {"references": ["each.value", "self.id"]}}},
           "provisioners": [{"type": "local-exec", "expressions": {"command": {"references": ["aws_vpc.main.arn"]}}}]}],
        "module_calls": {"net": {"source": "./net", "expressions": {"vpc_id": {"references": ["aws_vpc.main.id"]}},
          "depends_on": ["aws_vpc.main"],
          "module": {"resources": [{"address": "aws_route_table.rt", "mode": "managed", "type": "aws_route_table",
               "name": "rt", "expressions": {"vpc_id": {"references": ["var.vpc_id"]},
               "gateway_id": {"references": ["aws_nat_gateway.nat.id"]}}, "depends_on": ["module.inner"]}],
            "module_calls": {"inner": {"source": "./inner", "module": {"resources": [
              {"address": "data.aws_iam_policy_document.p", "mode": "data", "type": "aws_iam_policy_document",
               "name": "p", "expressions": {"statement": [{"resources": {"references": ["aws_kms_key.k[\"a\"].arn"]}}]}}]}}}}}}
      }}})");
    EXPECT_EQ(edgeTexts(plan),
        (std::vector<std::string> {
            "aws_security_group.db -> aws_subnet.a",
            "aws_security_group.db -> aws_vpc.main",
            "aws_subnet.a -> aws_vpc.main",
            "aws_subnet.a -> data.aws_ami.base",
            "aws_subnet.a -> module.net",
            "aws_subnet.a =depends_on=> aws_internet_gateway.gw",
            "aws_subnet.a =depends_on=> module.net",
            "module.net -> aws_vpc.main",
            "module.net =depends_on=> aws_vpc.main",
            "module.net.aws_route_table.rt -> module.net.aws_nat_gateway.nat",
            "module.net.aws_route_table.rt =depends_on=> module.net.module.inner",
            "module.net.module.inner.data.aws_iam_policy_document.p -> module.net.module.inner.aws_kms_key.k",
        }));
}

TEST(PlanReader, namesTheObjectAReferenceStandsFor)
{
    using importers::PlanConfiguration;
    EXPECT_EQ(PlanConfiguration::referencedObject("aws_vpc.main.id"), "aws_vpc.main");
    EXPECT_EQ(PlanConfiguration::referencedObject("aws_vpc.main"), "aws_vpc.main");
    EXPECT_EQ(PlanConfiguration::referencedObject("aws_subnet.a[0].id"), "aws_subnet.a");
    EXPECT_EQ(PlanConfiguration::referencedObject("aws_subnet.a[\"x.y\"]"), "aws_subnet.a");
    EXPECT_EQ(PlanConfiguration::referencedObject("data.x.y.z"), "data.x.y");
    EXPECT_EQ(PlanConfiguration::referencedObject("module.m[\"k\"].out"), "module.m");
    EXPECT_EQ(PlanConfiguration::referencedObject("module.m"), "module.m");
    for (const char* none : {"var.a", "local.b", "each.key", "count.index", "path.module", "terraform.workspace",
             "self.id", "aws_vpc", "data.x", "module", "aws_x[0].y", ""}) {
        EXPECT_EQ(PlanConfiguration::referencedObject(none), std::nullopt) << none;
    }
}

// Every text the plan holds, so that a test can say a value appears nowhere in it.
std::string everyText(const TerraformPlan& plan)
{
    std::string all;
    const auto attributes = [&all](const std::optional<core::Attributes>& values) {
        for (const auto& [path, value] : values ? values->entries() : std::vector<core::Attributes::Entry> {}) {
            all.append(path).append("=").append(value.text).append("\n");
        }
    };
    for (const auto* changes : {&plan.resourceChanges, &plan.resourceDrift}) {
        for (const core::ResourceChange& change : *changes) {
            all.append(change.addressText).append(change.previousAddress).append(change.actionReason);
            attributes(change.before);
            attributes(change.after);
            for (const auto& path : change.afterUnknown) {
                all.append(path);
            }
            for (const auto& path : change.replacePaths) {
                all.append(path);
            }
        }
    }
    if (plan.priorState) {
        for (const core::ResourceInstance& instance : plan.priorState->instances) {
            attributes(instance.attributes);
            attributes(instance.identity);
        }
        for (const core::RootOutput& output : plan.priorState->outputs) {
            all.append(output.name).append(output.valueText);
        }
    }
    for (const auto& edge : plan.configurationEdges) {
        all.append(edge.from).append(edge.to);
    }
    for (const auto& warning : plan.warnings) {
        all.append(warning);
    }
    return all;
}

TEST(PlanReader, redactsSecretsEverywhereAsForStates)
{
    constexpr const char* kSecret = "Xyzzy-S3cret-4242";
    std::string text = R"({"format_version": "1.2",
      "variables": {"db_password": {"value": "SECRET"}},
      "resource_changes": [{"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance",
        "name": "main", "change": {"actions": ["update"],
          "before": {"engine": "postgres", "connection_info": "SECRET", "password": "SECRET", "note": "SECRET",
                     "endpoint": "postgres://admin:SECRET@db.example.com:5432/app"},
          "after": {"engine": "postgres", "connection_info": "SECRET", "password": "SECRET", "note": "SECRET",
                    "settings": {"a": "SECRET", "b": ["SECRET"], "c": {"d": "SECRET"}},
                    "endpoint": "postgres://admin:SECRET@db.example.com:5432/app"},
          "before_sensitive": {"connection_info": true, "note": true},
          "after_sensitive": {"connection_info": true, "settings": true},
          "importing": {"id": "SECRET"}, "generated_config": "password = \"SECRET\""}},
        {"address": "aws_ssm_parameter.p", "mode": "managed", "type": "aws_ssm_parameter", "name": "p",
         "change": {"actions": ["create"], "before": null, "after": {"value": "SECRET", "nested": {"x": "SECRET"}},
                    "before_sensitive": false, "after_sensitive": true}}],
      "resource_drift": [{"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance",
        "name": "main", "change": {"actions": ["update"], "before": {"connection_info": "SECRET"},
          "after": {"connection_info": "SECRET"}, "before_sensitive": {"connection_info": true},
          "after_sensitive": {"connection_info": true}}}],
      "output_changes": {"pw": {"actions": ["create"], "before": null, "after": "SECRET", "after_sensitive": true}},
      "prior_state": {"format_version": "1.0", "values": {
        "outputs": {"pw": {"sensitive": true, "value": "SECRET"}, "db": {"sensitive": false,
                    "value": {"master_password": "SECRET", "host": "db.example.com"}}},
        "root_module": {"resources": [{"address": "aws_db_instance.main", "mode": "managed",
          "type": "aws_db_instance", "name": "main", "values": {"engine": "postgres", "connection_info": "SECRET",
          "master_password": "SECRET", "url": "mysql://u:SECRET@h/db"}, "sensitive_values": {"connection_info": true}}]}}},
      "configuration": {"root_module": {"resources": [{"address": "aws_db_instance.main", "mode": "managed",
        "type": "aws_db_instance", "name": "main", "expressions": {"password": {"constant_value": "SECRET"}}}]}}})";
    for (std::size_t at = text.find("SECRET"); at != std::string::npos; at = text.find("SECRET", at)) {
        text.replace(at, 6, kSecret);
    }
    const TerraformPlan plan = readPlan(text);

    const std::string all = everyText(plan);
    EXPECT_EQ(all.find(kSecret), std::string::npos) << all;
    EXPECT_EQ(all.find("Xyzzy"), std::string::npos);
    // What is not secret survives, so the redaction is not simply "drop everything".
    const core::ResourceChange& change = plan.resourceChanges.at(0);
    EXPECT_EQ(change.after->getString("engine"), "postgres");
    EXPECT_NE(change.after->getString("endpoint")->find("db.example.com"), std::string::npos);
    EXPECT_EQ(change.after->find("settings.c.d")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(change.after->find("note")->kind, AttributeValue::Kind::Redacted); // masked on the before side only
    EXPECT_EQ(plan.resourceChanges.at(1).after->find("nested.x")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(plan.priorState->instances.at(0).attributes.getString("engine"), "postgres");
    EXPECT_TRUE(change.importing);
}

} // namespace
