// SPDX-License-Identifier: MIT
#include "StateV4Handler.h"

#include "JsonLocation.h"

#include "blastline/importers/SecretPolicy.h"

#include <cmath>

namespace blastline::importers {

using core::InstanceKey;
using core::ResourceInstance;
using nlohmann::json;

InstanceKey readInstanceKey(const json& record, const char* field)
{
    const json* key = findField(record, field);
    if (key == nullptr || key->is_null()) {
        return {};
    }
    if (key->is_string()) {
        return InstanceKey::string(key->get<std::string>());
    }
    if (key->is_number_integer()) {
        return InstanceKey::index(key->get<std::int64_t>());
    }
    // Go decodes JSON numbers as float64 and Terraform keeps the integer part; we accept only
    // whole numbers so that a typo cannot silently merge two instances.
    // Only those an int64 holds: converting a larger double is undefined behaviour (fuzz_state found 7.8e51).
    constexpr double kInt64Bound = 9223372036854775808.0; // 2^63, exactly representable
    if (key->is_number_float() && std::trunc(key->get<double>()) == key->get<double>()
        && key->get<double>() >= -kInt64Bound && key->get<double>() < kInt64Bound) {
        return InstanceKey::index(static_cast<std::int64_t>(key->get<double>()));
    }
    throw StructureError(std::string("/") + field,
        "expected a string or a whole number that fits 64 bits, found " + describeJson(*key));
}

core::ResourceMode readResourceMode(const json& record, const char* field)
{
    const std::string mode = stringField(record, field, "", true);
    if (mode == "managed") {
        return core::ResourceMode::Managed;
    }
    if (mode == "data") {
        return core::ResourceMode::Data;
    }
    throw StructureError(
        std::string("/") + field, "invalid resource mode \"" + mode + "\"; expected \"managed\" or \"data\"");
}

std::string readDeposedKey(const json& record, const char* field)
{
    std::string deposed = stringField(record, field, "", false);
    if (!deposed.empty() && deposed.size() != 8) {
        throw StructureError(std::string("/") + field,
            "deposed key \"" + deposed + "\" is not correctly formatted; expected 8 characters");
    }
    return deposed;
}

void StateV4Handler::instance(StateRecord&& record)
{
    const json& fields = record.fields;
    ResourceInstance instance;
    instance.address.key = readInstanceKey(fields, "index_key");
    const std::string status = stringField(fields, "status", "", false);
    if (status != "" && status != "tainted") {
        throw StructureError("/status", "invalid status \"" + status + "\"; expected \"\" or \"tainted\"");
    }
    instance.tainted = status == "tainted";
    instance.deposedKey = readDeposedKey(fields, "deposed");
    instance.schemaVersion = unsignedField(fields, "schema_version", "");
    instance.dependencies = stringListField(fields, "dependencies", "");
    instance.createBeforeDestroy = boolField(fields, "create_before_destroy", "");

    std::vector<std::string> sensitive;
    if (const json* paths = findField(fields, "sensitive_attributes")) {
        sensitive = sensitivePathPrefixes(*paths, "/sensitive_attributes");
    }
    // `attributes` wins when both are present, as in Terraform; the flat form is legacy flatmap.
    FlatEntries attributes;
    if (record.hasAttributes) {
        attributes = std::move(record.attributes);
    } else if (record.hasFlatAttributes) {
        attributes = std::move(record.flatAttributes);
        dropFlatmapCounts(attributes);
    }
    instance.attributes = makeAttributes(std::move(attributes), sensitive);
    instance.identity = makeAttributes(std::move(record.identity), {});
    m_pending.push_back(std::move(instance));
}

void StateV4Handler::resourceEnd(const json& fields)
{
    std::vector<ResourceInstance> pending = std::move(m_pending);
    m_pending.clear();

    const std::string module = stringField(fields, "module", "", false);
    std::string error;
    if (!m_header.setModule(module, &error)) {
        throw StructureError("/module", "invalid module address \"" + module + "\": " + error);
    }
    const core::ResourceMode mode = readResourceMode(fields, "mode");
    const std::string type = stringField(fields, "type", "", true);
    const std::string name = stringField(fields, "name", "", true);
    const std::string providerConfig = stringField(fields, "provider", "", true);
    if (!m_header.setProvider(providerConfig)) {
        throw StructureError("/provider",
            "invalid provider configuration address \"" + providerConfig
                + "\"; expected provider[\"registry.terraform.io/hashicorp/aws\"]"
                  " or the legacy provider.aws");
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        ResourceInstance& instance = pending[i];
        m_header.complete(instance, mode, type, name);
        if (!m_seen.insert(instance)) {
            throw StructureError("/instances/" + std::to_string(i), duplicateMessage(instance));
        }
        m_instances.push_back(std::move(instance));
    }
}

std::vector<core::RootOutput> StateV4Handler::readOutputs(const json& outputs, const std::string& pointer)
{
    std::vector<core::RootOutput> result;
    if (outputs.is_null()) {
        return result;
    }
    expectObject(outputs, pointer, true);
    for (const auto& [name, output] : outputs.items()) {
        const std::string outputPointer = pointer + "/" + pointerToken(name);
        expectObject(output, outputPointer, false);
        core::RootOutput root;
        root.name = name;
        root.sensitive = boolField(output, "sensitive", outputPointer);
        if (root.sensitive || SecretPolicy::isSecretAttributePath(name)) {
            root.valueText = core::kRedactedMarker;
        } else {
            json value = output.value("value", json());
            redactSecretKeys(value);
            root.valueText = value.dump();
        }
        result.push_back(std::move(root));
    }
    return result;
}

std::vector<core::CheckResult> StateV4Handler::readCheckResults(const json& results, const std::string& pointer)
{
    std::vector<core::CheckResult> checks;
    if (results.is_null()) {
        return checks;
    }
    if (!results.is_array()) {
        throw StructureError(pointer, "expected an array, found " + describeJson(results));
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        const json& entry = results[i];
        const std::string entryPointer = pointer + "/" + std::to_string(i);
        expectObject(entry, entryPointer, false);
        core::CheckResult check;
        check.objectKind = stringField(entry, "object_kind", entryPointer, true);
        if (check.objectKind != "resource" && check.objectKind != "output" && check.objectKind != "check"
            && check.objectKind != "var") {
            continue; // dropped on read, like Terraform, so newer kinds don't break older readers
        }
        check.configAddress = stringField(entry, "config_addr", entryPointer, true);
        check.status = stringField(entry, "status", entryPointer, false);
        const json* objects = findField(entry, "objects");
        if (objects != nullptr && !objects->is_null()) {
            if (!objects->is_array()) {
                throw StructureError(entryPointer + "/objects", "expected an array, found " + describeJson(*objects));
            }
            for (std::size_t j = 0; j < objects->size(); ++j) {
                const std::string objectPointer = entryPointer + "/objects/" + std::to_string(j);
                const json& object = (*objects)[j];
                expectObject(object, objectPointer, false);
                check.objects.push_back({stringField(object, "object_addr", objectPointer, true),
                    stringField(object, "status", objectPointer, false),
                    stringListField(object, "failure_messages", objectPointer)});
            }
        }
        checks.push_back(std::move(check));
    }
    return checks;
}

} // namespace blastline::importers
