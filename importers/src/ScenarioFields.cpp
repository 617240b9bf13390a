// SPDX-License-Identifier: MIT
#include "ScenarioFields.h"

#include "blastline/core/UtcTime.h"

#include <algorithm>

namespace blastline::importers::scenario {

using nlohmann::json;

void checkKeys(const json& object, const std::string& pointer, std::initializer_list<const char*> allowed)
{
    for (const auto& [key, value] : object.items()) {
        const bool known =
            // An init-capture: clang 14 (the fuzz preset) cannot capture a structured binding itself.
            std::any_of(allowed.begin(), allowed.end(), [&given = key](const char* name) { return given == name; });
        if (known)
            continue;
        std::string list;
        for (const char* name : allowed) {
            list.append(list.empty() ? "" : ", ").append(name);
        }
        throw StructureError(
            pointer + "/" + pointerToken(key), "unknown key " + json(key).dump() + "; expected one of: " + list);
    }
}

const json& objectAt(const json& value, const std::string& pointer)
{
    expectObject(value, pointer, false);
    return value;
}

const json& arrayField(const json& object, const char* key, const std::string& pointer, bool required)
{
    static const json kEmpty = json::array();
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        if (required)
            throw StructureError(pointer, std::string("missing \"") + key + "\"; expected an array");
        return kEmpty;
    }
    if (!value->is_array())
        throw StructureError(pointer + "/" + pointerToken(key), "expected an array, found " + describeJson(*value));
    return *value;
}

std::string textField(const json& object, const char* key, const std::string& pointer)
{
    std::string text = stringField(object, key, pointer, true);
    if (text.empty())
        throw StructureError(pointer + "/" + pointerToken(key), "expected a non-empty string");
    return text;
}

std::int64_t timeField(const json& object, const char* key, const std::string& pointer, bool dateOk)
{
    const json* value = findField(object, key);
    const std::string expected =
        dateOk ? "a date or an ISO 8601 time with a zone" : "an ISO 8601 time with a zone (\"2026-02-26T22:02:04Z\")";
    if (value == nullptr || value->is_null())
        throw StructureError(pointer, std::string("missing \"") + key + "\"; expected " + expected);
    const std::string fieldPointer = pointer + "/" + pointerToken(key);
    if (!value->is_string())
        throw StructureError(fieldPointer, "expected " + expected + ", found " + describeJson(*value));
    const std::string& text = value->get_ref<const std::string&>();
    const auto time = core::UtcTime::parse(text);
    // A bare date is midnight UTC to UtcTime; on a timeline that would place the event hours away from the truth.
    const bool bareDate = text.find_first_of("T ") == std::string::npos;
    if (!time || (bareDate && !dateOk))
        throw StructureError(fieldPointer, "expected " + expected + ", found " + describeJson(*value));
    return *time;
}

std::vector<std::string> sourceList(const json& object, const std::string& pointer, const ScenarioContext& context)
{
    std::vector<std::string> ids = stringListField(object, "sources", pointer);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!context.sourceIds.contains(ids[i])) {
            throw StructureError(pointer + "/sources/" + std::to_string(i),
                "unknown source " + json(ids[i]).dump() + "; expected an id declared in /metadata/sources");
        }
    }
    return ids;
}

void declareId(std::map<std::string, std::string>& ids, const std::string& id, const std::string& pointer)
{
    const auto [it, added] = ids.emplace(id, pointer);
    if (!added)
        throw StructureError(pointer + "/id", "duplicate id " + json(id).dump() + "; the first is at " + it->second);
}

void expectSourcedOrReconstructed(
    const std::vector<std::string>& sources, bool reconstructed, const std::string& pointer)
{
    if (sources.empty() && !reconstructed) {
        throw StructureError(pointer, "no \"sources\"; expected at least one source id, or \"reconstructed\": true");
    }
}

} // namespace blastline::importers::scenario
