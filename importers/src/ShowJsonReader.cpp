// SPDX-License-Identifier: MIT
#include "ShowJsonReader.h"

#include "JsonLocation.h"
#include "ProviderAddress.h"
#include "StateV4Handler.h"

namespace blastline::importers {

using core::ResourceInstance;
using nlohmann::json;

void ShowJsonReader::resource(StateRecord&& record)
{
    const json& fields = record.fields;
    ResourceInstance instance;
    const std::string addressText = stringField(fields, "address", "", true);
    std::string error;
    auto address = core::ResourceAddress::parse(addressText, &error);
    if (!address) {
        throw StructureError("/address", "invalid resource address \"" + addressText + "\": " + error);
    }
    instance.address = std::move(*address);
    if (fields.contains("mode")) {
        // The address already says data or managed; the field is checked so a bad file is not half-read.
        if (readResourceMode(fields, "mode") != instance.address.mode) {
            throw StructureError("/mode", "\"mode\" does not match the address \"" + addressText + "\"");
        }
    }
    instance.addressText = instance.address.toString();
    instance.deposedKey = readDeposedKey(fields, "deposed_key");
    instance.tainted = boolField(fields, "tainted", "");
    instance.schemaVersion = unsignedField(fields, "schema_version", "");
    instance.dependencies = stringListField(fields, "depends_on", "");
    instance.providerConfig = stringField(fields, "provider_name", "", false);
    // 0.12-era output names the provider by its type alone ("aws"), which meant the legacy namespace.
    if (instance.providerConfig.empty()) {
        instance.provider.clear();
    } else if (instance.providerConfig.find('/') == std::string::npos) {
        instance.provider = legacyProviderSource(instance.providerConfig);
    } else {
        instance.provider = completeProviderSource(instance.providerConfig);
    }

    std::vector<std::string> sensitive;
    if (const json* mask = findField(fields, "sensitive_values")) {
        std::string prefix;
        maskPrefixes(*mask, prefix, sensitive);
    }
    instance.attributes = makeAttributes(std::move(record.attributes), sensitive);
    instance.identity = makeAttributes(std::move(record.identity), {});
    if (!m_seen.insert(instance)) {
        throw StructureError("", duplicateMessage(instance));
    }
    m_instances.push_back(std::move(instance));
}

} // namespace blastline::importers
