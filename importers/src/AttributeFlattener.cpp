// SPDX-License-Identifier: MIT
#include "AttributeFlattener.h"

#include "JsonLocation.h"
#include "StateRecord.h"

#include "blastline/importers/SecretPolicy.h"

#include <algorithm>

namespace blastline::importers {

using core::AttributeValue;
using nlohmann::json;

void AttributeFlattener::reset()
{
    m_path.clear();
    m_key.clear();
    m_levels.clear();
    m_entries.clear();
}

void AttributeFlattener::appendStep()
{
    if (m_levels.empty()) {
        return; // the outermost object itself has no step
    }
    Level& parent = m_levels.back();
    if (!m_path.empty()) {
        m_path += '.';
    }
    if (parent.isArray) {
        m_path += std::to_string(parent.nextIndex++);
    } else {
        m_path += m_key;
    }
}

void AttributeFlattener::startContainer(bool isArray)
{
    const std::size_t saved = m_path.size();
    appendStep();
    m_levels.push_back({saved, isArray, 0});
}

void AttributeFlattener::endContainer()
{
    m_path.resize(m_levels.back().savedLength);
    m_levels.pop_back();
}

void AttributeFlattener::leaf(AttributeValue value)
{
    const std::size_t saved = m_path.size();
    appendStep();
    m_entries.emplace_back(m_path, std::move(value));
    m_path.resize(saved);
}

void flattenJson(const json& value, std::string& prefix, FlatEntries& out)
{
    const std::size_t saved = prefix.size();
    const auto child = [&](const std::string& step, const json& item) {
        if (!prefix.empty()) {
            prefix += '.';
        }
        prefix += step;
        flattenJson(item, prefix, out);
        prefix.resize(saved);
    };
    switch (value.type()) {
    case json::value_t::object:
        for (const auto& [name, item] : value.items()) {
            child(name, item);
        }
        return;
    case json::value_t::array:
        for (std::size_t i = 0; i < value.size(); ++i) {
            child(std::to_string(i), value[i]);
        }
        return;
    case json::value_t::null:
        out.emplace_back(prefix, AttributeValue::null());
        return;
    case json::value_t::boolean:
        out.emplace_back(prefix, AttributeValue::boolean(value.get<bool>()));
        return;
    case json::value_t::string:
        out.emplace_back(prefix, AttributeValue::string(value.get<std::string>()));
        return;
    default:
        out.emplace_back(prefix, AttributeValue::number(value.dump()));
        return;
    }
}

void dropFlatmapCounts(FlatEntries& entries)
{
    const auto isCount = [](const core::Attributes::Entry& entry) {
        const std::string& path = entry.first;
        return path == "#" || path == "%" || path.ends_with(".#") || path.ends_with(".%");
    };
    entries.erase(std::remove_if(entries.begin(), entries.end(), isCount), entries.end());
}

namespace {

// One step of a cty path as a flatmap step; empty when the step cannot be expressed (a set element,
// whose identity is its value), in which case the caller redacts the whole parent.
std::string indexStepText(const json& value)
{
    // cty JSON with explicit type: {"value": 0, "type": "number"}; tolerate a bare value too.
    const json* inner = &value;
    if (value.is_object() && value.contains("value")) {
        inner = &value["value"];
    }
    if (inner->is_string()) {
        return inner->get<std::string>();
    }
    if (inner->is_number_integer()) {
        return inner->dump();
    }
    return {};
}

std::string pathPrefix(const json& path, const std::string& pointer)
{
    if (path.is_string()) {
        return path.get<std::string>(); // older hand-written form: "password" or "a.b"
    }
    if (!path.is_array()) {
        throw StructureError(pointer, "expected a path (an array of steps), found " + describeJson(path));
    }
    std::string prefix;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const json& step = path[i];
        const std::string stepPointer = pointer + "/" + std::to_string(i);
        std::string text;
        if (step.is_string()) {
            text = step.get<std::string>();
        } else if (step.is_number_integer()) {
            text = step.dump();
        } else if (step.is_object()) {
            const std::string type = stringField(step, "type", stepPointer, true);
            const json* value = findField(step, "value");
            if (value == nullptr) {
                throw StructureError(stepPointer, "missing \"value\" in path step");
            }
            if (type == "get_attr") {
                if (!value->is_string()) {
                    throw StructureError(stepPointer + "/value", "expected a string, found " + describeJson(*value));
                }
                text = value->get<std::string>();
            } else if (type == "index") {
                text = indexStepText(*value);
                if (text.empty()) {
                    return prefix;
                }
            } else {
                throw StructureError(
                    stepPointer + "/type", "unsupported path step type \"" + type + "\"; expected get_attr or index");
            }
        } else {
            throw StructureError(stepPointer, "expected a path step object, found " + describeJson(step));
        }
        if (!prefix.empty()) {
            prefix += '.';
        }
        prefix += text;
    }
    return prefix;
}

bool isUnder(const std::string& path, const std::string& prefix)
{
    if (prefix.empty()) {
        return true; // an empty path means the whole object is sensitive
    }
    return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '.');
}

} // namespace

std::vector<std::string> sensitivePathPrefixes(const json& paths, const std::string& pointer)
{
    std::vector<std::string> prefixes;
    if (paths.is_null()) {
        return prefixes;
    }
    if (!paths.is_array()) {
        throw StructureError(pointer, "expected an array of paths, found " + describeJson(paths));
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
        prefixes.push_back(pathPrefix(paths[i], pointer + "/" + std::to_string(i)));
    }
    return prefixes;
}

void maskPrefixes(const json& mask, std::string& prefix, std::vector<std::string>& out)
{
    if (mask.is_boolean()) {
        if (mask.get<bool>()) {
            out.push_back(prefix);
        }
        return;
    }
    const std::size_t saved = prefix.size();
    const auto child = [&](const std::string& step, const json& item) {
        if (!prefix.empty()) {
            prefix += '.';
        }
        prefix += step;
        maskPrefixes(item, prefix, out);
        prefix.resize(saved);
    };
    if (mask.is_object()) {
        for (const auto& [name, item] : mask.items()) {
            child(name, item);
        }
    } else if (mask.is_array()) {
        for (std::size_t i = 0; i < mask.size(); ++i) {
            child(std::to_string(i), mask[i]);
        }
    }
}

void redactSecrets(FlatEntries& entries, const std::vector<std::string>& sensitivePrefixes)
{
    for (auto& [path, value] : entries) {
        if (value.kind == AttributeValue::Kind::Redacted) {
            continue;
        }
        const bool sensitive = std::any_of(sensitivePrefixes.begin(), sensitivePrefixes.end(),
            // Init-capture, not [&path]: Clang before 16 cannot capture a structured binding (fuzz preset: clang 14).
            [&entryPath = path](const std::string& prefix) { return isUnder(entryPath, prefix); });
        // By name, only strings and numbers: a null or a boolean (manage_master_user_password) says
        // nothing secret, and the simulation may need it.
        const bool namedSecret =
            (value.kind == AttributeValue::Kind::String || value.kind == AttributeValue::Kind::Number)
            && SecretPolicy::isSecretAttributePath(path);
        if (sensitive || namedSecret) {
            value = AttributeValue::redacted();
        } else if (value.kind == AttributeValue::Kind::String && value.text.find("://") != std::string::npos) {
            // A password inside a connection URL is a secret whatever the attribute is called.
            SecretPolicy::redactUrlCredentials(value.text);
        }
    }
}

void redactSecretKeys(json& value)
{
    if (value.is_object()) {
        for (auto& [name, item] : value.items()) {
            if ((item.is_string() || item.is_number() || item.is_structured())
                && SecretPolicy::isSecretAttributePath(name)) {
                item = core::kRedactedMarker;
            } else {
                redactSecretKeys(item);
            }
        }
    } else if (value.is_array()) {
        for (json& item : value) {
            redactSecretKeys(item);
        }
    }
}

core::Attributes makeAttributes(FlatEntries entries, const std::vector<std::string>& sensitivePrefixes)
{
    redactSecrets(entries, sensitivePrefixes);
    core::Attributes attributes;
    attributes.assign(std::move(entries));
    return attributes;
}

} // namespace blastline::importers
