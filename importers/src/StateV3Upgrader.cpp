// SPDX-License-Identifier: MIT
#include "StateV3Upgrader.h"

#include "JsonLocation.h"
#include "ProviderAddress.h"

#include "blastline/importers/SecretPolicy.h"

#include <algorithm>

namespace blastline::importers {

using core::ResourceInstance;
using nlohmann::json;

namespace {

std::vector<std::string> splitDots(const std::string& text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('.', start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            return parts;
        }
        start = end + 1;
    }
}

bool isDigits(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "aws_instance.web" (module-relative, maybe "aws_instance.web.0" or ".*") as a configuration address.
std::string dependencyAddress(const std::string& modulePrefix, const std::string& dependency)
{
    std::vector<std::string> parts = splitDots(dependency);
    if (parts.size() > 2 && (parts.back() == "*" || isDigits(parts.back()))) {
        parts.pop_back();
    }
    std::string address = modulePrefix;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        address += (i == 0 ? "" : ".") + parts[i];
    }
    return address;
}

std::string hexKey(std::size_t number)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string key(8, '0');
    for (std::size_t i = 8; i-- > 0 && number != 0; number >>= 4) {
        key[i] = kDigits[number & 0xF];
    }
    return key;
}

} // namespace

void StateV3Upgrader::module(const json& fields, std::vector<std::pair<std::string, json>>&& resources)
{
    const json* path = findField(fields, "path");
    if (path == nullptr || !path->is_array() || path->empty() || (*path)[0] != "root") {
        throw StructureError("/path", "expected a module path such as [\"root\"] or [\"root\", \"network\"]");
    }
    std::vector<core::ModuleStep> modules;
    for (std::size_t i = 1; i < path->size(); ++i) {
        if (!(*path)[i].is_string()) {
            throw StructureError("/path/" + std::to_string(i), "expected a string, found " + describeJson((*path)[i]));
        }
        modules.push_back({(*path)[i].get<std::string>(), {}});
    }
    for (const auto& [key, entry] : resources) {
        resource(modules, key, entry, "/resources/" + pointerToken(key));
    }
    if (modules.empty()) {
        if (const json* outputs = findField(fields, "outputs"); outputs != nullptr && !outputs->is_null()) {
            expectObject(*outputs, "/outputs", false);
            for (const auto& [name, output] : outputs->items()) {
                const std::string pointer = "/outputs/" + pointerToken(name);
                expectObject(output, pointer, false);
                core::RootOutput root {name, boolField(output, "sensitive", pointer), {}};
                json value = output.value("value", json());
                redactSecretKeys(value);
                const bool hide = root.sensitive || SecretPolicy::isSecretAttributePath(name);
                root.valueText = hide ? std::string(core::kRedactedMarker) : value.dump();
                m_outputs.push_back(std::move(root));
            }
        }
    }
}

void StateV3Upgrader::resource(
    const std::vector<core::ModuleStep>& modules, const std::string& key, const json& entry, const std::string& pointer)
{
    expectObject(entry, pointer, false);
    // Same grammar as Terraform's parseLegacyResourceAddress: [data.]type.name[.index]
    std::vector<std::string> parts = splitDots(key);
    ResourceInstance prototype;
    prototype.address.modules = modules;
    if (parts.size() > 2 && parts[0] == "data") {
        prototype.address.mode = core::ResourceMode::Data;
        parts.erase(parts.begin());
    }
    if (parts.size() < 2 || parts.size() > 3 || parts[0].empty() || parts[1].empty()
        || (parts.size() == 3 && !isDigits(parts[2]))) {
        throw StructureError(pointer, "invalid resource key \"" + key + "\"; expected type.name[.index]");
    }
    prototype.address.type = parts[0];
    prototype.address.name = parts[1];
    if (parts.size() == 3) {
        prototype.address.key = core::InstanceKey::index(std::stoll(parts[2]));
    }
    prototype.addressText = prototype.address.toString();

    std::string modulePrefix;
    for (const auto& step : modules) {
        modulePrefix += "module." + step.name + ".";
    }
    // Provider: "provider.aws", "module.a.provider.aws.west", compact "aws.west", or "" (implied by type).
    const std::string provider = stringField(entry, "provider", pointer, false);
    if (provider.find("provider.") != std::string::npos) {
        const auto source = providerSourceFromConfig(provider);
        if (!source) {
            throw StructureError(pointer + "/provider", "invalid provider configuration address \"" + provider + "\"");
        }
        prototype.provider = *source;
        prototype.providerConfig = provider;
    } else {
        const std::string local = provider.empty() ? impliedProviderType(prototype.address.type) : provider;
        const std::string type = local.substr(0, local.find('.'));
        prototype.provider = legacyProviderSource(type);
        prototype.providerConfig = modulePrefix + "provider." + local;
    }
    for (const std::string& dependency : stringListField(entry, "depends_on", pointer)) {
        std::string address = dependencyAddress(modulePrefix, dependency);
        if (std::find(prototype.dependencies.begin(), prototype.dependencies.end(), address)
            == prototype.dependencies.end()) {
            prototype.dependencies.push_back(std::move(address));
        }
    }

    std::vector<ResourceInstance> objects;
    if (const json* primary = findField(entry, "primary"); primary != nullptr && !primary->is_null()) {
        objects.push_back(object(prototype, *primary, pointer + "/primary"));
    }
    if (const json* deposed = findField(entry, "deposed"); deposed != nullptr && !deposed->is_null()) {
        if (!deposed->is_array()) {
            throw StructureError(pointer + "/deposed", "expected an array, found " + describeJson(*deposed));
        }
        for (std::size_t i = 0; i < deposed->size(); ++i) {
            const std::string objectPointer = pointer + "/deposed/" + std::to_string(i);
            objects.push_back(object(prototype, (*deposed)[i], objectPointer));
            objects.back().deposedKey = hexKey(i + 1); // what Terraform's own upgrade assigns
        }
    }
    for (ResourceInstance& instance : objects) {
        if (!m_seen.insert(instance)) {
            throw StructureError(pointer, duplicateMessage(instance));
        }
        // The handler counted this resource; its deposed objects are instances too.
        if (m_instances.size() >= m_limits.stateInstances) {
            throw tooManyRecords(pointer, m_limits.stateInstances, recordKinds::kStateInstances);
        }
        m_instances.push_back(std::move(instance));
    }
}

ResourceInstance StateV3Upgrader::object(
    const ResourceInstance& prototype, const json& object, const std::string& pointer) const
{
    expectObject(object, pointer, false);
    ResourceInstance instance = prototype;
    instance.tainted = boolField(object, "tainted", pointer);
    FlatEntries entries;
    if (const json* attributes = findField(object, "attributes"); attributes != nullptr && !attributes->is_null()) {
        expectObject(*attributes, pointer + "/attributes", false);
        if (attributes->size() > m_limits.attributesPerInstance) {
            throw tooManyRecords(pointer + "/attributes", m_limits.attributesPerInstance, recordKinds::kAttributes);
        }
        entries.reserve(attributes->size());
        for (const auto& [name, value] : attributes->items()) {
            // Flatmap values are strings; anything else in a hand-edited file is kept as its JSON text.
            entries.emplace_back(name,
                value.is_string() ? core::AttributeValue::string(value.get<std::string>())
                                  : core::AttributeValue::string(value.dump()));
        }
        dropFlatmapCounts(entries);
    }
    const std::string id = stringField(object, "id", pointer, false);
    const bool hasId = std::any_of(entries.begin(), entries.end(),
        [](const auto& entry) { return entry.first == "id" && !entry.second.text.empty(); });
    if (!id.empty() && !hasId) {
        entries.emplace_back("id", core::AttributeValue::string(id)); // as Terraform's upgrade does
    }
    if (const json* meta = findField(object, "meta"); meta != nullptr && meta->is_object()) {
        const json* schema = findField(*meta, "schema_version");
        if (schema != nullptr && schema->is_string() && isDigits(schema->get<std::string>())) {
            instance.schemaVersion = std::stoull(schema->get<std::string>());
        } else if (schema != nullptr && schema->is_number_unsigned()) {
            instance.schemaVersion = schema->get<std::uint64_t>();
        }
    }
    instance.attributes = makeAttributes(std::move(entries), {});
    return instance;
}

} // namespace blastline::importers
