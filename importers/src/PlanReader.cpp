// SPDX-License-Identifier: MIT
#include "blastline/importers/PlanReader.h"

#include "JsonLocation.h"
#include "LimitedReaders.h"
#include "MappedFile.h"
#include "PlanConfiguration.h"
#include "PlanPriorState.h"
#include "PlanResourceChange.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"

#include <nlohmann/json.hpp>

namespace blastline::importers {

using core::InputError;
using nlohmann::json;

namespace {

constexpr const char* kExpected = "expected `terraform show -json PLANFILE` output";

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

json parseJson(std::string_view text, const std::string& name, std::size_t maxStringBytes)
{
    if (isBlank(text)) {
        throw InputError(name + ": the file is empty; " + kExpected + " (JSON)");
    }
    return parseJsonDocument(text, name, maxStringBytes);
}

bool isPlanKey(const std::string& key)
{
    return key == "resource_changes" || key == "planned_values" || key == "prior_state" || key == "configuration"
        || key == "resource_drift" || key == "output_changes" || key == "errored" || key == "applyable";
}

// Says what the document is when it is not a plan, since the commonest mistake is the wrong file.
std::string whatItIs(const json& root)
{
    if (root.is_array()) {
        const bool records = !root.empty() && root[0].is_object() && root[0].contains("eventName");
        return records ? "found an array of CloudTrail records" : "found an array";
    }
    if (!root.is_object()) {
        return std::string("found ").append(describeJson(root));
    }
    if (root.contains("Records")) {
        return "this looks like a CloudTrail log ({\"Records\": [...]}), not a plan";
    }
    if (root.contains("version")
        && (root.contains("resources") || root.contains("modules") || root.contains("lineage"))) {
        return "this looks like a Terraform state, not a plan; use blastline destroy to read a state";
    }
    bool planKeys = false;
    for (const auto& [key, value] : root.items()) {
        planKeys = planKeys || isPlanKey(key);
    }
    if (root.contains("values") && !planKeys) {
        return "this looks like `terraform show -json` of a state, not of a plan; use blastline destroy to read a "
               "state";
    }
    if (root.empty()) {
        return "found an empty object";
    }
    std::string keys;
    std::size_t shown = 0;
    for (const auto& [key, value] : root.items()) {
        if (shown++ == 5) {
            keys.append(", ...");
            break;
        }
        keys.append(keys.empty() ? "" : ", ").append(json(key).dump());
    }
    return std::string("found an object without \"format_version\" (keys ").append(keys).append(")");
}

void checkIsPlan(const json& root)
{
    const json* format = findField(root, "format_version");
    const bool state = root.is_object() && !root.contains("resource_changes") && !root.contains("planned_values")
        && (root.contains("values") || root.contains("version"));
    if (format == nullptr || state) {
        throw StructureError("", std::string(kExpected).append(": ").append(whatItIs(root)));
    }
    if (!format->is_string()) {
        throw StructureError(
            "/format_version", std::string("expected a string such as \"1.2\", found ").append(describeJson(*format)));
    }
    const std::string& version = format->get_ref<const std::string&>();
    // Consumers are told to check the major version only: minor versions only add fields.
    if (!version.starts_with("0.") && !version.starts_with("1.")) {
        throw StructureError("/format_version",
            std::string("unsupported plan format_version ").append(format->dump()).append("; expected 0.x or 1.x"));
    }
}

std::vector<core::ResourceChange> readChanges(
    const json& root, const char* field, std::size_t limit, core::ProgressSink* progress)
{
    std::vector<core::ResourceChange> changes;
    const json* entries = findField(root, field);
    if (entries == nullptr || entries->is_null()) {
        return changes;
    }
    const std::string pointer = std::string("/").append(field);
    if (!entries->is_array()) {
        throw StructureError(pointer, std::string("expected an array, found ").append(describeJson(*entries)));
    }
    if (entries->size() > limit) {
        throw tooManyRecords(pointer + "/" + std::to_string(limit), limit, recordKinds::kResourceChanges);
    }
    changes.reserve(entries->size());
    for (std::size_t i = 0; i < entries->size(); ++i) {
        if (progress != nullptr && progress->isCancelled()) {
            throw core::OperationCancelled();
        }
        try {
            changes.push_back(readResourceChange((*entries)[i]));
        } catch (const StructureError& error) {
            throw error.within(pointer + "/" + std::to_string(i));
        }
    }
    return changes;
}

core::TerraformPlan readPlan(
    const json& root, const std::string& name, core::ProgressSink* progress, const RecordLimits& limits)
{
    checkIsPlan(root);
    if (boolField(root, "errored", "")) {
        throw InputError(name
            + ": the plan is errored (terraform could not finish planning); Blastline reads only complete plans. "
              "Fix the errors `terraform plan` reports and save the plan again");
    }
    core::TerraformPlan plan;
    plan.path = name;
    plan.formatVersion = stringField(root, "format_version", "", true);
    plan.terraformVersion = stringField(root, "terraform_version", "", false);
    plan.timestamp = stringField(root, "timestamp", "", false);
    // 0.x outputs have neither field; their plans were always applyable and complete.
    plan.applyable = root.contains("applyable") ? boolField(root, "applyable", "") : true;
    plan.complete = root.contains("complete") ? boolField(root, "complete", "") : true;
    plan.resourceChanges = readChanges(root, "resource_changes", limits.resourceChanges, progress);
    plan.resourceDrift = readChanges(root, "resource_drift", limits.resourceChanges, progress);
    if (const json* prior = findField(root, "prior_state"); prior != nullptr && !prior->is_null()) {
        try {
            plan.priorState = readPriorState(*prior, name, limits);
        } catch (const StructureError& error) {
            throw error.within("/prior_state");
        }
    }
    if (const json* configuration = findField(root, "configuration")) {
        try {
            plan.configurationEdges = PlanConfiguration::readEdges(*configuration);
        } catch (const StructureError& error) {
            throw error.within("/configuration");
        }
    }
    if (!plan.complete) {
        plan.warnings.push_back("the plan is incomplete (\"complete\": false): more changes may follow once "
                                "deferred or targeted work is planned");
    }
    if (const json* deferred = findField(root, "deferred_changes");
        deferred != nullptr && deferred->is_array() && !deferred->empty()) {
        plan.warnings.push_back(
            std::to_string(deferred->size()).append(" deferred change(s) not read: Terraform could not plan them yet"));
    }
    return plan;
}

} // namespace

core::TerraformPlan readPlanText(
    std::string_view text, const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits)
{
    if (progress != nullptr) {
        progress->progress("Reading plan", 0, text.size());
    }
    const json root = parseJson(text, displayName, limits.stringBytes);
    core::TerraformPlan plan;
    try {
        plan = readPlan(root, displayName, progress, limits);
    } catch (const StructureError& error) {
        throw InputError(structureErrorMessage(displayName, error));
    } catch (const json::exception& error) {
        // A shape the readers did not anticipate; still the input's fault, still no partial plan.
        throw InputError(std::string(displayName).append(": unexpected content: ").append(error.what()));
    }
    if (progress != nullptr) {
        progress->progress("Reading plan", text.size(), text.size());
    }
    return plan;
}

core::TerraformPlan PlanReader::readText(
    std::string_view text, const std::string& displayName, core::ProgressSink* progress)
{
    return readPlanText(text, displayName, progress, RecordLimits {});
}

core::TerraformPlan PlanReader::readFile(const std::string& path, core::ProgressSink* progress)
{
    const MappedFile file(path, fileLimits::kPlan);
    return readText(file.text(), path, progress);
}

} // namespace blastline::importers
