// SPDX-License-Identifier: MIT
#include "blastline/importers/CatalogueReader.h"

#include "JsonLocation.h"
#include "MappedFile.h"
#include "RecordLimits.h"

#include "blastline/core/Condition.h"
#include "blastline/core/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <set>

namespace blastline::importers {

namespace detail {
// Defined in the BuiltinCatalogue.cpp that importers/CMakeLists.txt generates from rules/aws-deletion-catalogue.json.
std::string builtinCatalogueText();
} // namespace detail

using core::InputError;
using nlohmann::json;

namespace {

constexpr const char* kSchema = "blastline.deletion-catalogue/1";
constexpr const char* kBuiltinName = "built-in catalogue (importers/rules/aws-deletion-catalogue.json)";

/** The file being read and the entry within it, for messages. */
struct Context
{
    const std::string& name;
    std::string type;
};

// Unknown fields are refused: a misspelt "retention_day" would otherwise silently mean "not bounded".
void expectOnlyFields(const json& object, std::initializer_list<const char*> known, const std::string& pointer)
{
    for (const auto& [key, value] : object.items()) {
        // Init-capture: Clang before 16 cannot capture a structured binding (the fuzz preset uses clang 14).
        const auto isField = [&field = key](const char* k) { return field == k; };
        if (std::find_if(known.begin(), known.end(), isField) != known.end())
            continue;
        std::string list;
        for (const char* k : known)
            list += (list.empty() ? "\"" : ", \"") + std::string(k) + "\"";
        throw StructureError(
            pointer + "/" + pointerToken(key), "unknown field \"" + key + "\"; expected one of " + list);
    }
}

std::string nonEmptyString(const json& object, const char* key, const std::string& pointer)
{
    std::string value = stringField(object, key, pointer, true);
    if (value.empty())
        throw StructureError(pointer + "/" + pointerToken(key), "expected a non-empty string, found \"\"");
    return value;
}

const json& arrayField(const json& object, const char* key, const std::string& pointer)
{
    static const json empty = json::array();
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null())
        return empty;
    if (!value->is_array())
        throw StructureError(pointer + "/" + pointerToken(key), "expected an array, found " + describeJson(*value));
    return *value;
}

core::AttributeValue literal(const json& value, const std::string& pointer)
{
    switch (value.type()) {
    case json::value_t::null:
        return core::AttributeValue::null();
    case json::value_t::boolean:
        return core::AttributeValue::boolean(value.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return core::AttributeValue::number(value.dump());
    case json::value_t::string:
        return core::AttributeValue::string(value.get<std::string>());
    default:
        throw StructureError(pointer, "expected true, false, null, a number or a string, found " + describeJson(value));
    }
}

std::map<std::string, core::AttributeValue> literalMap(const json& object, const char* key, const std::string& pointer)
{
    std::map<std::string, core::AttributeValue> result;
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null())
        return result;
    const std::string fieldPointer = pointer + "/" + pointerToken(key);
    expectObject(*value, fieldPointer, false);
    for (const auto& [path, item] : value->items())
        result.emplace(path, literal(item, fieldPointer + "/" + pointerToken(path)));
    return result;
}

/** Compiles a condition now so that a broken catalogue fails at load, not in the middle of a simulation. */
void checkCondition(
    const std::string& text, const Context& context, const std::string& ruleId, const std::string& pointer)
{
    try {
        core::Condition::parse(text, context.name + ": " + context.type + "." + ruleId);
    } catch (const InputError& error) {
        throw InputError(std::string(error.what()) + " (at " + pointer + ")");
    }
}

/** "${attr}" placeholders must be closed and name something; "$${" writes a literal "${". */
void checkTemplate(const json& object, const char* key, const std::string& pointer)
{
    const json* value = findField(object, key);
    if (value == nullptr || !value->is_string())
        return;
    const std::string& text = value->get_ref<const std::string&>();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "$${") == 0) {
            i += 2;
        } else if (text.compare(i, 2, "${") == 0) {
            const std::size_t close = text.find('}', i + 2);
            if (close == std::string::npos || text.find_first_not_of(" \t", i + 2) == close)
                throw StructureError(pointer + "/" + pointerToken(key),
                    "expected \"${attribute}\" placeholders, found an unclosed or empty one at character "
                        + std::to_string(i + 1));
            i = close;
        }
    }
}

bool isAttributePath(std::string_view text)
{
    if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos)
        return false;
    if (!(std::isalpha(static_cast<unsigned char>(text.front())) || text.front() == '_'))
        return false;
    return std::all_of(text.begin(), text.end(),
        [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; });
}

std::string retentionDays(const json& point, const std::string& pointer)
{
    const json* value = findField(point, "retention_days");
    if (value == nullptr || value->is_null())
        return {};
    const std::string fieldPointer = pointer + "/retention_days";
    const std::string expected = "expected a number of days, an attribute path or a $fact";
    if (value->is_number()) {
        if (value->get<double>() < 0)
            throw StructureError(fieldPointer, expected + ", found " + describeJson(*value));
        return value->dump();
    }
    if (!value->is_string())
        throw StructureError(fieldPointer, expected + ", found " + describeJson(*value));
    const std::string text = value->get<std::string>();
    double days = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    const bool isNumber = !text.empty() && ec == std::errc() && end == text.data() + text.size();
    const bool isFact = text.size() > 1 && text.front() == '$' && isAttributePath(std::string_view(text).substr(1));
    if (text.empty() || (isNumber && days >= 0) || isFact || (!isNumber && isAttributePath(text)))
        return text;
    throw StructureError(fieldPointer, expected + ", found " + describeJson(*value));
}

/** Rule ids name failures and recovery points in messages and overrides, so they must be unique per entry. */
void checkUniqueId(std::set<std::string>& seen, const std::string& id, const std::string& pointer)
{
    if (!seen.insert(id).second)
        throw StructureError(pointer + "/id", "the rule id \"" + id + "\" appears more than once in this entry");
}

core::CatalogueFailure readFailure(const json& item, const Context& context, const std::string& pointer)
{
    expectObject(item, pointer, false);
    expectOnlyFields(item, {"id", "when", "error", "source"}, pointer);
    core::CatalogueFailure failure;
    failure.id = nonEmptyString(item, "id", pointer);
    failure.when = stringField(item, "when", pointer, false);
    failure.error = nonEmptyString(item, "error", pointer);
    failure.source = nonEmptyString(item, "source", pointer);
    checkTemplate(item, "error", pointer);
    checkCondition(failure.when, context, failure.id, pointer + "/when");
    return failure;
}

core::CatalogueRecoveryPoint::Effect effect(const json& item, const std::string& pointer)
{
    const std::string text = nonEmptyString(item, "effect", pointer);
    if (text == "created")
        return core::CatalogueRecoveryPoint::Effect::Created;
    if (text == "deleted")
        return core::CatalogueRecoveryPoint::Effect::Deleted;
    if (text == "survives")
        return core::CatalogueRecoveryPoint::Effect::Survives;
    throw StructureError(pointer + "/effect",
        "expected \"created\", \"deleted\" or \"survives\", found " + describeJson(item["effect"]));
}

core::CatalogueRecoveryPoint readRecoveryPoint(const json& item, const Context& context, const std::string& pointer)
{
    expectObject(item, pointer, false);
    expectOnlyFields(
        item, {"id", "kind", "effect", "when", "retention_days", "identifier", "explanation", "source"}, pointer);
    core::CatalogueRecoveryPoint point;
    point.id = nonEmptyString(item, "id", pointer);
    point.kind = nonEmptyString(item, "kind", pointer);
    point.effect = effect(item, pointer);
    point.when = stringField(item, "when", pointer, false);
    point.retentionDays = retentionDays(item, pointer);
    point.identifier = stringField(item, "identifier", pointer, false);
    point.explanation = stringField(item, "explanation", pointer, false);
    point.source = nonEmptyString(item, "source", pointer);
    checkTemplate(item, "identifier", pointer);
    checkTemplate(item, "explanation", pointer);
    checkCondition(point.when, context, point.id, pointer + "/when");
    return point;
}

core::CatalogueManagedRecoveryPoint readManagedRecoveryPoint(const json& item, const std::string& pointer)
{
    expectObject(item, pointer, false);
    expectOnlyFields(item, {"kind", "protects_attribute", "identifier_attribute", "kms_key_attribute"}, pointer);
    core::CatalogueManagedRecoveryPoint managed;
    managed.kind = nonEmptyString(item, "kind", pointer);
    managed.protectsAttribute = nonEmptyString(item, "protects_attribute", pointer);
    managed.identifierAttribute = nonEmptyString(item, "identifier_attribute", pointer);
    managed.kmsKeyAttribute = stringField(item, "kms_key_attribute", pointer, false);
    return managed;
}

// Only the safeguards that work by setting attributes on the resource are described per type.
constexpr std::initializer_list<const char*> kAttributeSafeguards = {
    "deletion-protection", "final-snapshot", "retain-automated-backups"};

std::map<std::string, std::map<std::string, core::AttributeValue>> readSafeguards(
    const json& entry, const std::string& pointer)
{
    std::map<std::string, std::map<std::string, core::AttributeValue>> result;
    const json* value = findField(entry, "safeguards");
    if (value == nullptr || value->is_null())
        return result;
    const std::string fieldPointer = pointer + "/safeguards";
    expectObject(*value, fieldPointer, false);
    expectOnlyFields(*value, kAttributeSafeguards, fieldPointer);
    for (const auto& [name, attributes] : value->items()) {
        const std::string safeguardPointer = fieldPointer + "/" + pointerToken(name);
        expectObject(attributes, safeguardPointer, false);
        if (attributes.empty())
            throw StructureError(safeguardPointer, "expected the attributes the safeguard sets, found an empty object");
        for (const auto& [path, setting] : attributes.items())
            checkTemplate(attributes, path.c_str(), safeguardPointer);
        result.emplace(name, literalMap(*value, name.c_str(), fieldPointer));
    }
    return result;
}

core::CatalogueEntry readEntry(const json& item, const std::string& name, const std::string& pointer)
{
    expectObject(item, pointer, false);
    expectOnlyFields(item,
        {"type", "aliases", "description", "data_store", "holds_data_when", "documentation", "defaults",
            "identity_attributes", "kms_key_attribute", "failures", "recovery_points", "managed_recovery_point",
            "delete_actions", "safeguards", "independent_backup", "caveats"},
        pointer);
    core::CatalogueEntry entry;
    entry.type = nonEmptyString(item, "type", pointer);
    const Context context {name, entry.type};
    entry.aliases = stringListField(item, "aliases", pointer);
    entry.description = nonEmptyString(item, "description", pointer);
    if (findField(item, "data_store") == nullptr)
        throw StructureError(pointer, "missing \"data_store\"; expected true or false");
    entry.dataStore = boolField(item, "data_store", pointer);
    entry.holdsDataWhen = stringField(item, "holds_data_when", pointer, false);
    checkCondition(entry.holdsDataWhen, context, "holds_data_when", pointer + "/holds_data_when");
    entry.documentation = stringListField(item, "documentation", pointer);
    // Every claim about AWS needs a source; a data store is where a wrong claim loses data.
    if (entry.dataStore && entry.documentation.empty())
        throw StructureError(pointer + "/documentation", "a data store needs at least one documentation URL");
    entry.defaults = literalMap(item, "defaults", pointer);
    entry.identityAttributes = stringListField(item, "identity_attributes", pointer);
    entry.kmsKeyAttribute = stringField(item, "kms_key_attribute", pointer, false);

    std::set<std::string> ids;
    const json& failures = arrayField(item, "failures", pointer);
    for (std::size_t i = 0; i < failures.size(); ++i) {
        const std::string itemPointer = pointer + "/failures/" + std::to_string(i);
        entry.failures.push_back(readFailure(failures[i], context, itemPointer));
        checkUniqueId(ids, entry.failures.back().id, itemPointer);
    }
    const json& points = arrayField(item, "recovery_points", pointer);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::string itemPointer = pointer + "/recovery_points/" + std::to_string(i);
        entry.recoveryPoints.push_back(readRecoveryPoint(points[i], context, itemPointer));
        checkUniqueId(ids, entry.recoveryPoints.back().id, itemPointer);
    }
    if (const json* managed = findField(item, "managed_recovery_point"); managed != nullptr && !managed->is_null())
        entry.managedRecoveryPoint = readManagedRecoveryPoint(*managed, pointer + "/managed_recovery_point");
    entry.deleteActions = stringListField(item, "delete_actions", pointer);
    entry.safeguards = readSafeguards(item, pointer);
    entry.independentBackup = stringField(item, "independent_backup", pointer, false);
    entry.caveats = stringListField(item, "caveats", pointer);
    return entry;
}

std::vector<core::CatalogueEntry> readRoot(const json& root, const std::string& name)
{
    if (!root.is_object())
        throw StructureError("", "expected a deletion catalogue object at the top level, found " + describeJson(root));
    expectOnlyFields(root, {"schema", "entries"}, "");
    const json* schema = findField(root, "schema");
    if (schema == nullptr)
        throw StructureError("", std::string("missing \"schema\"; expected \"") + kSchema + "\"");
    if (*schema != kSchema)
        throw StructureError("/schema", std::string("expected \"") + kSchema + "\", found " + describeJson(*schema));
    const json* entries = findField(root, "entries");
    if (entries == nullptr || !entries->is_array())
        throw StructureError(entries == nullptr ? "" : "/entries",
            "expected \"entries\": an array of catalogue entries, found "
                + (entries == nullptr ? std::string("nothing") : describeJson(*entries)));

    if (const std::size_t limit = RecordLimits {}.catalogueEntries; entries->size() > limit)
        throw tooManyRecords("/entries/" + std::to_string(limit), limit, recordKinds::kCatalogueEntries);
    std::vector<core::CatalogueEntry> result;
    std::map<std::string, std::string> seen; // type or alias -> pointer of the entry that named it
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const std::string pointer = "/entries/" + std::to_string(i);
        core::CatalogueEntry entry = readEntry((*entries)[i], name, pointer);
        std::vector<std::string> names = entry.aliases;
        names.insert(names.begin(), entry.type);
        for (const std::string& type : names) {
            if (const auto [it, inserted] = seen.emplace(type, pointer); !inserted)
                throw StructureError(pointer + "/type",
                    "the type \"" + type + "\" is already described at " + it->second
                        + "; expected one entry per type");
        }
        result.push_back(std::move(entry));
    }
    return result;
}

} // namespace

void CatalogueReader::readText(std::string_view text, const std::string& name, core::DeletionCatalogue& into)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError(name + ": the file is empty; expected a deletion catalogue (JSON)");
    const json root = parseJsonDocument(text, name, RecordLimits {}.stringBytes);
    std::vector<core::CatalogueEntry> entries;
    try {
        entries = readRoot(root, name);
    } catch (const StructureError& error) {
        throw InputError(name + (error.pointer().empty() ? "" : ": at " + error.pointer()) + ": " + error.message());
    }
    // Added only once the whole file is valid: a broken override must not half-replace the catalogue.
    for (core::CatalogueEntry& entry : entries)
        into.add(std::move(entry));
}

void CatalogueReader::readFile(const std::string& path, core::DeletionCatalogue& into)
{
    const MappedFile file(path, fileLimits::kCatalogue);
    readText(file.text(), path, into);
}

core::DeletionCatalogue CatalogueReader::builtin()
{
    core::DeletionCatalogue catalogue;
    readText(detail::builtinCatalogueText(), kBuiltinName, catalogue);
    return catalogue;
}

} // namespace blastline::importers
