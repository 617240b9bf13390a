// SPDX-License-Identifier: MIT
#include "PlanResourceChange.h"

#include "AttributeFlattener.h"
#include "JsonLocation.h"
#include "ProviderAddress.h"
#include "StateRecord.h"
#include "StateV4Handler.h"

#include <array>
#include <string_view>
#include <utility>

namespace blastline::importers {

using core::PlanAction;
using core::ResourceChange;
using nlohmann::json;

namespace {

// Every list `actionString()` in terraform/internal/command/jsonplan can produce, in its order.
constexpr std::array<std::pair<std::string_view, PlanAction>, 9> kActionLists {{
    {"no-op", PlanAction::NoOp},
    {"create", PlanAction::Create},
    {"read", PlanAction::Read},
    {"update", PlanAction::Update},
    {"delete,create", PlanAction::DeleteThenCreate},
    {"create,delete", PlanAction::CreateThenDelete},
    {"delete", PlanAction::Delete},
    {"forget", PlanAction::Forget},
    {"create,forget", PlanAction::CreateThenForget},
}};

std::string expectedActionLists()
{
    std::string text;
    for (const auto& [list, action] : kActionLists) {
        if (!text.empty()) {
            text += ", ";
        }
        text += '[';
        text += list;
        text += ']';
    }
    return text;
}

core::ResourceAddress readAddress(const json& entry, const std::string& text)
{
    std::string error;
    if (!text.empty()) {
        auto address = core::ResourceAddress::parse(text, &error);
        if (!address) {
            throw StructureError("/address", "invalid resource address \"" + text + "\": " + error);
        }
        return std::move(*address);
    }
    // Terraform 1.0's resource_drift entries have no `address` (nor `index`): rebuild it from its parts.
    core::ResourceAddress address;
    const std::string module = stringField(entry, "module_address", "", false);
    auto modules = core::ResourceAddress::parseModulePath(module, &error);
    if (!modules) {
        throw StructureError("/module_address", "invalid module address \"" + module + "\": " + error);
    }
    address.modules = std::move(*modules);
    address.mode = readResourceMode(entry, "mode");
    address.type = stringField(entry, "type", "", true);
    address.name = stringField(entry, "name", "", true);
    address.key = readInstanceKey(entry, "index");
    return address;
}

std::string readProvider(const json& entry)
{
    const std::string name = stringField(entry, "provider_name", "", false);
    if (name.empty()) {
        return name;
    }
    // 0.12-era plans name the provider by its type alone ("aws"), which meant the legacy namespace.
    return name.find('/') == std::string::npos ? legacyProviderSource(name) : completeProviderSource(name);
}

std::vector<std::string> readMask(const json& change, const char* field)
{
    std::vector<std::string> paths;
    if (const json* mask = findField(change, field)) {
        std::string prefix;
        maskPrefixes(*mask, prefix, paths);
    }
    return paths;
}

std::optional<core::Attributes> readValues(
    const json& change, const char* field, const std::vector<std::string>& sensitivePrefixes)
{
    const json* value = findField(change, field);
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        throw StructureError(
            std::string("/") + field, std::string("expected an object or null, found ").append(describeJson(*value)));
    }
    FlatEntries entries;
    std::string prefix;
    flattenJson(*value, prefix, entries);
    return makeAttributes(std::move(entries), sensitivePrefixes);
}

void readChange(const json& change, ResourceChange& result)
{
    expectObject(change, "", false);
    const json* actions = findField(change, "actions");
    if (actions == nullptr) {
        throw StructureError("", "missing \"actions\"; expected a list such as [\"delete\"]");
    }
    try {
        result.action = readPlanAction(*actions);
    } catch (const StructureError& error) {
        throw error.within("/actions");
    }
    // A value sensitive on one side only is rare (a sensitivity change) and would leak on the other
    // side if the masks were applied separately, so both sides get the union.
    std::vector<std::string> sensitive = readMask(change, "before_sensitive");
    for (std::string& path : readMask(change, "after_sensitive")) {
        sensitive.push_back(std::move(path));
    }
    result.before = readValues(change, "before", sensitive);
    result.after = readValues(change, "after", sensitive);
    result.afterUnknown = readMask(change, "after_unknown");
    if (const json* paths = findField(change, "replace_paths")) {
        // The steps are attribute names and index keys, as in a state's sensitive_attributes.
        result.replacePaths = sensitivePathPrefixes(*paths, "/replace_paths");
    }
    if (const json* importing = findField(change, "importing"); importing != nullptr && !importing->is_null()) {
        expectObject(*importing, "/importing", false);
        result.importing = true;
    }
}

} // namespace

PlanAction readPlanAction(const json& actions)
{
    if (!actions.is_array() || actions.empty()) {
        throw StructureError(
            "", std::string("expected a non-empty array of action names, found ").append(describeJson(actions)));
    }
    std::string joined;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        if (!actions[i].is_string()) {
            throw StructureError(std::string("/").append(std::to_string(i)),
                std::string("expected an action name, found ").append(describeJson(actions[i])));
        }
        if (i > 0) {
            joined += ',';
        }
        joined += actions[i].get_ref<const std::string&>();
    }
    for (const auto& [list, action] : kActionLists) {
        if (joined == list) {
            return action;
        }
    }
    throw StructureError("",
        std::string("unknown action list ")
            .append(actions.dump())
            .append("; expected one of ")
            .append(expectedActionLists()));
}

ResourceChange readResourceChange(const json& entry)
{
    expectObject(entry, "", false);
    ResourceChange result;
    result.addressText = stringField(entry, "address", "", false);
    result.address = readAddress(entry, result.addressText);
    if (result.addressText.empty()) {
        result.addressText = result.address.toString();
    }
    result.previousAddress = stringField(entry, "previous_address", "", false);
    result.deposedKey = readDeposedKey(entry, "deposed");
    result.provider = readProvider(entry);
    // Kept whatever it says: Terraform adds reasons over time and an unknown one is still worth showing.
    result.actionReason = stringField(entry, "action_reason", "", false);
    const json* change = findField(entry, "change");
    if (change == nullptr) {
        throw StructureError("", "missing \"change\"; expected an object with \"actions\"");
    }
    try {
        readChange(*change, result);
    } catch (const StructureError& error) {
        throw error.within("/change");
    }
    return result;
}

} // namespace blastline::importers
