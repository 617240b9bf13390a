// SPDX-License-Identifier: MIT
// Real plans that nobody on this project wrote (../shared/corpus/plan, see its README).
#include "blastline/core/TerraformPlan.h"
#include "blastline/importers/PlanReader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using blastline::core::PlanAction;
using blastline::core::ResourceChange;
using blastline::core::TerraformPlan;
using blastline::importers::PlanReader;

namespace {

fs::path corpusDir()
{
    return fs::path(BLASTLINE_TEST_CORPUS) / "plan";
}

nlohmann::json parseFile(const fs::path& file)
{
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

using ActionCounts = std::map<std::string, std::size_t>;

// Counted from the JSON alone: the action lists as written, joined with ",".
ActionCounts countActionLists(const nlohmann::json& changes)
{
    ActionCounts counts;
    for (const auto& change : changes) {
        std::string list;
        for (const auto& action : change["change"]["actions"]) {
            list.append(list.empty() ? "" : ",").append(action.get<std::string>());
        }
        ++counts[list];
    }
    return counts;
}

// The reader's actions written back as the lists Terraform uses for them (formats.md B.3).
ActionCounts countActions(const std::vector<ResourceChange>& changes)
{
    static const std::map<PlanAction, std::string> kLists {{PlanAction::NoOp, "no-op"}, {PlanAction::Create, "create"},
        {PlanAction::Read, "read"}, {PlanAction::Update, "update"}, {PlanAction::Delete, "delete"},
        {PlanAction::DeleteThenCreate, "delete,create"}, {PlanAction::CreateThenDelete, "create,delete"},
        {PlanAction::Forget, "forget"}, {PlanAction::CreateThenForget, "create,forget"}};
    ActionCounts counts;
    for (const ResourceChange& change : changes) {
        ++counts[kLists.at(change.action)];
    }
    return counts;
}

std::size_t countStateResources(const nlohmann::json& module)
{
    std::size_t count = module.value("resources", nlohmann::json::array()).size();
    for (const auto& child : module.value("child_modules", nlohmann::json::array())) {
        count += countStateResources(child);
    }
    return count;
}

TerraformPlan readCorpusFile(const std::string& name)
{
    return PlanReader::readFile((corpusDir() / name).string());
}

TEST(PlanCorpus, everyPlanImportsWithTheActionsItWrites)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(corpusDir())) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        ++files;
        SCOPED_TRACE(entry.path().filename().string());
        TerraformPlan plan;
        ASSERT_NO_THROW(plan = PlanReader::readFile(entry.path().string()));
        const nlohmann::json raw = parseFile(entry.path());
        EXPECT_EQ(plan.formatVersion, raw["format_version"].get<std::string>());
        const auto changes = raw.value("resource_changes", nlohmann::json::array());
        const auto drift = raw.value("resource_drift", nlohmann::json::array());
        EXPECT_GT(plan.resourceChanges.size(), 0u);
        EXPECT_EQ(countActions(plan.resourceChanges), countActionLists(changes));
        EXPECT_EQ(countActions(plan.resourceDrift), countActionLists(drift));
        for (std::size_t i = 0; i < changes.size(); ++i) {
            if (changes[i].contains("address")) {
                EXPECT_EQ(plan.resourceChanges[i].addressText, changes[i]["address"].get<std::string>());
            }
        }
        EXPECT_EQ(plan.priorState.has_value(), raw.contains("prior_state"));
        if (plan.priorState) {
            EXPECT_EQ(plan.priorState->path, entry.path().string());
            EXPECT_EQ(
                plan.priorState->instances.size(), countStateResources(raw["prior_state"]["values"]["root_module"]));
        }
        // Every edge joins objects the configuration declares: resources by "name", module calls by key.
        const std::string configuration = raw["configuration"].dump();
        const auto declared = [&configuration](const std::string& address) {
            return configuration.find("\"" + address.substr(address.rfind('.') + 1) + "\"") != std::string::npos;
        };
        for (const auto& edge : plan.configurationEdges) {
            EXPECT_TRUE(declared(edge.from)) << edge.from;
            EXPECT_TRUE(declared(edge.to)) << edge.to;
        }
    }
    EXPECT_GE(files, 8u);
}

TEST(PlanCorpus, actionReasonPlanReplacesATaintedObject)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    const TerraformPlan plan = readCorpusFile("terraform-json_action_reason.plan.json");
    EXPECT_EQ(plan.formatVersion, "1.2");
    EXPECT_EQ(plan.terraformVersion, "1.15.0");
    EXPECT_EQ(plan.timestamp, "2026-06-16T10:21:47Z");
    EXPECT_TRUE(plan.complete);
    ASSERT_EQ(plan.resourceChanges.size(), 1u);
    const ResourceChange& change = plan.resourceChanges[0];
    EXPECT_EQ(change.addressText, "null_resource.example");
    EXPECT_EQ(change.action, PlanAction::DeleteThenCreate);
    EXPECT_TRUE(blastline::core::deletesObject(change.action));
    EXPECT_EQ(change.actionReason, "replace_because_tainted");
    EXPECT_EQ(change.provider, "registry.terraform.io/hashicorp/null");
    EXPECT_EQ(change.before->getString("id"), "8868159889619753631");
    EXPECT_EQ(change.afterUnknown, (std::vector<std::string> {"id"}));
    ASSERT_TRUE(plan.priorState.has_value());
    ASSERT_EQ(plan.priorState->instances.size(), 1u);
    EXPECT_TRUE(plan.priorState->instances[0].tainted);
}

TEST(PlanCorpus, issue522DeletesTheFirstCountInstances)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    const TerraformPlan plan = readCorpusFile("terraform-compliance_test_issue_522.plan.json");
    std::vector<std::string> deleted;
    for (const ResourceChange& change : plan.resourceChanges) {
        if (change.action == PlanAction::Delete) {
            deleted.push_back(change.addressText);
            EXPECT_EQ(change.address.key, blastline::core::InstanceKey::index(0)) << change.addressText;
            EXPECT_TRUE(change.before.has_value());
            EXPECT_FALSE(change.after.has_value());
        }
    }
    EXPECT_EQ(deleted,
        (std::vector<std::string> {"aws_cloudwatch_event_rule.Metricos_custom_alert_schedule_frequent[0]",
            "aws_cloudwatch_event_target.Metricos_custom_alert_event_target_frequent[0]"}));
    // Terraform 1.0 wrote drift without addresses; they are rebuilt from module, mode, type and name.
    ASSERT_EQ(plan.resourceDrift.size(), 15u);
    EXPECT_EQ(plan.resourceDrift[0].addressText, "aws_cloudwatch_event_rule.metrics_schedule");
    const auto& edges = plan.configurationEdges;
    EXPECT_NE(std::find_if(edges.begin(), edges.end(),
                  [](const auto& edge) {
                      return edge.from == "aws_cloudwatch_event_target.metric_event_target"
                          && edge.to == "aws_cloudwatch_event_rule.metrics_schedule" && !edge.dependsOn;
                  }),
        edges.end());
}

TEST(PlanCorpus, issue249PriorStateOfTerraform012GetsFullAddresses)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    const TerraformPlan plan = readCorpusFile("terraform-compliance_test_issue-249.plan.json");
    ASSERT_TRUE(plan.priorState.has_value());
    const auto& instances = plan.priorState->instances;
    const auto has = [&instances](const std::string& address) {
        return std::any_of(instances.begin(), instances.end(),
            [&address](const auto& instance) { return instance.addressText == address; });
    };
    EXPECT_TRUE(has("module.myapp-asg.module.iam.module.data-utils.data.null_data_source.tags_as_list_of_maps[3]"));
    EXPECT_TRUE(has("module.alb.module.data-tags.data.aws_route53_zone.public[0]"));
    EXPECT_TRUE(has("aws_iam_role.lambda_role"));
    EXPECT_FALSE(has("aws_lambda_function.lambda")); // only inside module.lambda_TFUpgradeTest
    EXPECT_FALSE(plan.priorState->warnings.empty());
}

TEST(PlanCorpus, sensitiveValuesPlanRedactsTheSensitiveOutput)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    const TerraformPlan plan = readCorpusFile("terraform-json_110_sensitive_values.plan.json");
    ASSERT_TRUE(plan.priorState.has_value());
    const auto& outputs = plan.priorState->outputs;
    const auto foo =
        std::find_if(outputs.begin(), outputs.end(), [](const auto& output) { return output.name == "foo"; });
    ASSERT_NE(foo, outputs.end());
    EXPECT_EQ(foo->valueText, blastline::core::kRedactedMarker);
    const auto& changes = plan.resourceChanges;
    const auto moduleFoo = std::find_if(changes.begin(), changes.end(),
        [](const ResourceChange& change) { return change.addressText == "module.foo.null_resource.foo"; });
    ASSERT_NE(moduleFoo, changes.end());
    EXPECT_EQ(moduleFoo->address.moduleInstanceString(), "module.foo");
    EXPECT_EQ(moduleFoo->after->getString("triggers.foo"), "bar");
    std::vector<std::string> edges;
    for (const auto& edge : plan.configurationEdges) {
        edges.push_back(edge.from + " -> " + edge.to);
    }
    EXPECT_EQ(edges,
        (std::vector<std::string> {
            "null_resource.bar -> null_resource.foo", "null_resource.baz -> null_resource.foo"}));
}

} // namespace
