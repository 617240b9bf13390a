// SPDX-License-Identifier: MIT
#include "PlanConfiguration.h"

#include "JsonLocation.h"

#include <array>

namespace blastline::importers {

using nlohmann::json;

namespace {

// Reference roots that name no object of the configuration (hashicorp/hcl + terraform/addrs).
constexpr std::array<std::string_view, 7> kNonObjectRoots {
    "var", "local", "each", "count", "path", "terraform", "self"};

bool isIdentifier(std::string_view text)
{
    return !text.empty() && text.find_first_of("\"[]") == std::string_view::npos;
}

// Splits off the first `count` dot-separated names; the instance key ("[0]", "[\"k\"]") may only
// follow the last of them, since `aws_x[0].y` is no Terraform reference.
std::optional<std::vector<std::string_view>> leadingNames(std::string_view text, std::size_t count)
{
    std::vector<std::string_view> names;
    std::size_t start = 0;
    while (names.size() < count) {
        const std::size_t end = text.find_first_of(".[", start);
        const std::string_view name = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (!isIdentifier(name)) {
            return std::nullopt;
        }
        names.push_back(name);
        if (names.size() == count) {
            break;
        }
        if (end == std::string_view::npos || text[end] != '.') {
            return std::nullopt;
        }
        start = end + 1;
    }
    return names;
}

std::string joined(const std::vector<std::string_view>& names)
{
    std::string text;
    for (const std::string_view name : names) {
        if (!text.empty()) {
            text += '.';
        }
        text += name;
    }
    return text;
}

} // namespace

std::optional<std::string> PlanConfiguration::referencedObject(std::string_view reference)
{
    const std::string_view root = reference.substr(0, reference.find_first_of(".["));
    for (const std::string_view nonObject : kNonObjectRoots) {
        if (root == nonObject) {
            return std::nullopt;
        }
    }
    const std::size_t parts = (root == "data") ? 3 : 2; // data.TYPE.NAME, module.NAME, TYPE.NAME
    auto names = leadingNames(reference, parts);
    if (!names) {
        return std::nullopt;
    }
    return joined(*names);
}

std::vector<core::ConfigurationEdge> PlanConfiguration::readEdges(const json& configuration)
{
    expectObject(configuration, "", true);
    PlanConfiguration reader;
    if (const json* root = findField(configuration, "root_module"); root != nullptr && !root->is_null()) {
        reader.module(*root, "", "/root_module");
    }
    return std::move(reader.m_edges);
}

void PlanConfiguration::module(const json& body, const std::string& prefix, const std::string& pointer)
{
    expectObject(body, pointer, true);
    if (const json* resources = findField(body, "resources"); resources != nullptr && !resources->is_null()) {
        if (!resources->is_array()) {
            throw StructureError(
                pointer + "/resources", std::string("expected an array, found ").append(describeJson(*resources)));
        }
        for (std::size_t i = 0; i < resources->size(); ++i) {
            resource((*resources)[i], prefix, pointer + "/resources/" + std::to_string(i));
        }
    }
    const json* calls = findField(body, "module_calls");
    if (calls == nullptr || calls->is_null()) {
        return;
    }
    expectObject(*calls, pointer + "/module_calls", false);
    for (const auto& [name, call] : calls->items()) {
        const std::string callPointer = pointer + "/module_calls/" + pointerToken(name);
        expectObject(call, callPointer, false);
        std::string callAddress = prefix;
        callAddress.append("module.").append(name);
        moduleCall(call, callAddress, prefix, callPointer);
        if (const json* child = findField(call, "module"); child != nullptr && !child->is_null()) {
            module(*child, callAddress + ".", callPointer + "/module");
        }
    }
}

void PlanConfiguration::resource(const json& body, const std::string& prefix, const std::string& pointer)
{
    expectObject(body, pointer, false);
    const std::string from = prefix + stringField(body, "address", pointer, true);
    // Every place an expression can stand in a resource block; `references` is looked for inside each.
    for (const char* field : {"expressions", "count_expression", "for_each_expression", "provisioners"}) {
        if (const json* value = findField(body, field)) {
            references(*value, from, prefix, pointer + "/" + field);
        }
    }
    dependsOn(body, from, prefix, pointer);
}

void PlanConfiguration::moduleCall(
    const json& call, const std::string& from, const std::string& prefix, const std::string& pointer)
{
    // The call's arguments are expressions of the calling module: relative to `prefix`, not to `from`.
    for (const char* field : {"expressions", "count_expression", "for_each_expression"}) {
        if (const json* value = findField(call, field)) {
            references(*value, from, prefix, pointer + "/" + field);
        }
    }
    dependsOn(call, from, prefix, pointer);
}

// An expression is {"constant_value": ..., "references": [...]}; nested blocks are maps (single) or
// arrays of maps (list, set) of expressions, so the walk goes through any container and takes each
// `references` array it meets. Constant values are data, never references, and are not entered.
void PlanConfiguration::references(
    const json& value, const std::string& from, const std::string& prefix, const std::string& pointer)
{
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            references(value[i], from, prefix, pointer + "/" + std::to_string(i));
        }
        return;
    }
    if (!value.is_object()) {
        return;
    }
    for (const auto& [key, item] : value.items()) {
        const std::string itemPointer = pointer + "/" + pointerToken(key);
        if (key == "constant_value") {
            continue;
        }
        if (key != "references" || !item.is_array()) {
            references(item, from, prefix, itemPointer); // a block, or an argument named "references"
            continue;
        }
        for (std::size_t i = 0; i < item.size(); ++i) {
            if (!item[i].is_string()) {
                throw StructureError(itemPointer + "/" + std::to_string(i),
                    std::string("expected a reference string, found ").append(describeJson(item[i])));
            }
            if (auto object = referencedObject(item[i].get_ref<const std::string&>())) {
                add(from, prefix + *object, false);
            }
        }
    }
}

void PlanConfiguration::dependsOn(
    const json& object, const std::string& from, const std::string& prefix, const std::string& pointer)
{
    for (const std::string& entry : stringListField(object, "depends_on", pointer)) {
        if (auto target = referencedObject(entry)) {
            add(from, prefix + *target, true);
        }
    }
}

void PlanConfiguration::add(const std::string& from, const std::string& to, bool isDependsOn)
{
    // References list each traversal step ("aws_vpc.main.id" and "aws_vpc.main"): one edge for all.
    if (from == to || !m_seen.emplace(from, to, isDependsOn).second) {
        return;
    }
    m_edges.push_back({from, to, isDependsOn});
}

} // namespace blastline::importers
