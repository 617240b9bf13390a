// SPDX-License-Identifier: MIT
#include "StateV4FastReader.h"

#include "JsonLocation.h"
#include "ProgressInput.h"
#include "StateReaderPaths.h"
#include "StateV4FastFields.h"
#include "StateV4Handler.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <unordered_set>
#include <utility>

namespace blastline::importers {

using core::ResourceInstance;
using fastjson::bail;
using fastjson::boolValue;
using fastjson::emptyArray;
using fastjson::hasRepeatedObjects;
using fastjson::instanceKey;
using fastjson::isNull;
using fastjson::once;
using fastjson::optionalString;
using fastjson::referenceDom;
using fastjson::requiredString;
using fastjson::stringList;
using fastjson::take;
using fastjson::unsignedValue;
namespace ondemand = fastjson::ondemand;

using fastjson::ondemand::json_type;

StateV4FastReader::StateV4FastReader(
    std::string_view text, const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits)
    : m_text(text)
    , m_displayName(displayName)
    , m_progress(progress)
    , m_limits(limits)
    , m_nextMark(ProgressTracker::kStep)
    , m_flattener(limits.stringBytes)
{ }

void StateV4FastReader::reached(ondemand::value& value)
{
    if (m_progress == nullptr) {
        return;
    }
    const std::size_t offset = static_cast<std::size_t>(value.raw_json_token().data() - m_text.data());
    if (offset < m_nextMark || offset >= m_text.size()) {
        return;
    }
    m_progress->progress("Reading state", offset, m_text.size());
    if (m_progress->isCancelled()) {
        throw core::OperationCancelled();
    }
    m_nextMark = offset + ProgressTracker::kStep;
}

core::TerraformState StateV4FastReader::read(ondemand::document& document)
{
    enum : std::uint32_t
    {
        Version = 1,
        TerraformVersion = 2,
        Serial = 4,
        Lineage = 8,
        Outputs = 16,
        CheckResults = 32,
        Resources = 64
    };
    core::TerraformState state;
    std::uint32_t seen = 0;
    for (auto fieldResult : take(document.get_object())) {
        ondemand::field field = take(std::move(fieldResult));
        const std::string_view key = fastjson::keyText(field, m_limits.stringBytes);
        ondemand::value value = field.value();
        if (key == "version") {
            once(seen, Version);
            if (take(value.type()) != json_type::number || fastjson::trimmedToken(value) != "4") {
                bail(); // format 3, other versions, 4.0: the reference decides
            }
        } else if (key == "terraform_version") {
            once(seen, TerraformVersion);
            state.terraformVersion = optionalString(value, m_limits.stringBytes);
        } else if (key == "serial") {
            once(seen, Serial);
            state.serial = unsignedValue(value);
        } else if (key == "lineage") {
            once(seen, Lineage);
            state.lineage = optionalString(value, m_limits.stringBytes);
        } else if (key == "outputs") {
            once(seen, Outputs);
            if (!isNull(value)) {
                state.outputs = StateV4Handler::readOutputs(referenceDom(value, m_limits.stringBytes), "/outputs");
            }
        } else if (key == "check_results") {
            once(seen, CheckResults);
            if (!isNull(value)) {
                state.checkResults =
                    StateV4Handler::readCheckResults(referenceDom(value, m_limits.stringBytes), "/check_results");
            }
        } else if (key == "resources") {
            once(seen, Resources);
            resources(value);
        } else if (key == "modules" || key == "values" || key == "format_version" || key == "encryption_version") {
            bail(); // other shapes, or fields that change how the reference reads the file
        } else {
            fastjson::validate(value, m_limits.stringBytes); // skipped by the reference, which still parses it
        }
    }
    // Nothing may follow the root object: on-demand stops at its end, nlohmann reads on.
    if ((seen & Version) == 0 || document.current_location().error() != simdjson::OUT_OF_BOUNDS) {
        bail();
    }
    if (hasRepeatedObjects(m_instances)) {
        bail();
    }
    state.path = m_displayName;
    state.source = core::StateSource::StateV4;
    state.formatVersion = 4;
    state.instances = std::move(m_instances);
    if (m_progress != nullptr) {
        m_progress->progress("Reading state", m_text.size(), m_text.size());
    }
    return state;
}

void StateV4FastReader::resources(ondemand::value value)
{
    if (isNull(value)) {
        return;
    }
    if (take(value.type()) != json_type::array) {
        bail();
    }
    for (auto itemResult : take(value.get_array())) {
        resource(take(std::move(itemResult)));
    }
}

void StateV4FastReader::resource(ondemand::value value)
{
    enum : std::uint32_t
    {
        Module = 1,
        Mode = 2,
        Type = 4,
        Name = 8,
        Provider = 16,
        Instances = 32
    };
    reached(value);
    if (take(value.type()) != json_type::object) {
        bail(); // a null resource is skipped by the reference; not worth a second code path
    }
    ResourceHeader header;
    std::uint32_t seen = 0;
    m_pending.clear();
    for (auto fieldResult : take(value.get_object())) {
        ondemand::field field = take(std::move(fieldResult));
        const std::string_view key = fastjson::keyText(field, m_limits.stringBytes);
        ondemand::value item = field.value();
        if (key == "module") {
            once(seen, Module);
            header.module = optionalString(item, m_limits.stringBytes);
        } else if (key == "mode") {
            once(seen, Mode);
            header.mode = requiredString(item, m_limits.stringBytes);
        } else if (key == "type") {
            once(seen, Type);
            header.type = requiredString(item, m_limits.stringBytes);
        } else if (key == "name") {
            once(seen, Name);
            header.name = requiredString(item, m_limits.stringBytes);
        } else if (key == "provider") {
            once(seen, Provider);
            header.provider = requiredString(item, m_limits.stringBytes);
        } else if (key == "instances") {
            once(seen, Instances);
            instances(item);
        } else {
            fastjson::validate(item, m_limits.stringBytes);
        }
    }
    if ((seen & (Mode | Type | Name | Provider)) != (Mode | Type | Name | Provider)) {
        bail();
    }
    finishResource(header);
}

void StateV4FastReader::instances(ondemand::value value)
{
    if (isNull(value)) {
        return;
    }
    if (take(value.type()) != json_type::array) {
        bail();
    }
    for (auto itemResult : take(value.get_array())) {
        // Over the limit the reference reader reads the file again and names the instance.
        if (m_instances.size() + m_pending.size() >= m_limits.stateInstances) {
            bail();
        }
        m_pending.push_back(instance(take(std::move(itemResult))));
    }
}

ResourceInstance StateV4FastReader::instance(ondemand::value value)
{
    enum : std::uint32_t
    {
        IndexKey = 1,
        Status = 2,
        Deposed = 4,
        SchemaVersion = 8,
        Dependencies = 16,
        CreateBeforeDestroy = 32,
        Sensitive = 64,
        Attributes = 128,
        FlatAttributes = 256,
        Identity = 512
    };
    reached(value);
    if (take(value.type()) != json_type::object) {
        bail();
    }
    ResourceInstance instance;
    std::uint32_t seen = 0;
    std::vector<std::string> sensitive;
    FlatEntries attributes;
    FlatEntries flatAttributes;
    FlatEntries identity;
    for (auto fieldResult : take(value.get_object())) {
        ondemand::field field = take(std::move(fieldResult));
        const std::string_view key = fastjson::keyText(field, m_limits.stringBytes);
        ondemand::value item = field.value();
        if (key == "attributes") {
            once(seen, Attributes);
            attributes = flattenCounted(item);
        } else if (key == "schema_version") {
            once(seen, SchemaVersion);
            instance.schemaVersion = unsignedValue(item);
        } else if (key == "sensitive_attributes") {
            once(seen, Sensitive);
            if (!isNull(item)) {
                const nlohmann::json paths =
                    emptyArray(item) ? nlohmann::json::array() : referenceDom(item, m_limits.stringBytes);
                if (!paths.empty()) {
                    sensitive = sensitivePathPrefixes(paths, "/sensitive_attributes");
                } else if (!paths.is_array()) {
                    bail();
                }
            }
        } else if (key == "index_key") {
            once(seen, IndexKey);
            instance.address.key = instanceKey(item, m_limits.stringBytes);
        } else if (key == "dependencies") {
            once(seen, Dependencies);
            instance.dependencies = stringList(item, m_limits.stringBytes);
        } else if (key == "status") {
            once(seen, Status);
            const std::string_view status = optionalString(item, m_limits.stringBytes);
            if (!status.empty() && status != "tainted") {
                bail();
            }
            instance.tainted = status == "tainted";
        } else if (key == "deposed") {
            once(seen, Deposed);
            instance.deposedKey = optionalString(item, m_limits.stringBytes);
            if (!instance.deposedKey.empty() && instance.deposedKey.size() != 8) {
                bail();
            }
        } else if (key == "create_before_destroy") {
            once(seen, CreateBeforeDestroy);
            instance.createBeforeDestroy = boolValue(item);
        } else if (key == "attributes_flat") {
            once(seen, FlatAttributes);
            flatAttributes = flattenCounted(item);
        } else if (key == "identity") {
            once(seen, Identity);
            identity = flattenCounted(item);
        } else {
            fastjson::validate(item, m_limits.stringBytes); // `private` and fields we do not use
        }
    }
    // `attributes` wins when both are present, as in the reference (and Terraform).
    if ((seen & Attributes) == 0 && (seen & FlatAttributes) != 0) {
        attributes = std::move(flatAttributes);
        dropFlatmapCounts(attributes);
    }
    instance.attributes = makeAttributes(std::move(attributes), sensitive);
    instance.identity = makeAttributes(std::move(identity), {});
    return instance;
}

FlatEntries StateV4FastReader::flattenCounted(ondemand::value value)
{
    FlatEntries entries = m_flattener.flatten(value);
    if (entries.size() > m_limits.attributesPerInstance) {
        bail(); // the reference reader names the field and the limit
    }
    return entries;
}

void StateV4FastReader::finishResource(const ResourceHeader& header)
{
    if (!m_header.setModule(header.module)) {
        bail();
    }
    core::ResourceMode mode = core::ResourceMode::Managed;
    if (header.mode == "data") {
        mode = core::ResourceMode::Data;
    } else if (header.mode != "managed") {
        bail();
    }
    if (!m_header.setProvider(header.provider)) {
        bail();
    }
    for (ResourceInstance& instance : m_pending) {
        m_header.complete(instance, mode, header.type, header.name);
        m_instances.push_back(std::move(instance));
    }
    m_pending.clear();
}

std::optional<core::TerraformState> readStateV4Fast(std::string_view json, std::size_t readable,
    const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: use the caller's slack (the rest of
    // a mapped page) when there is enough, else a padded copy.
    simdjson::padded_string copy;
    simdjson::padded_string_view input;
    if (readable >= json.size() + simdjson::SIMDJSON_PADDING) {
        input = simdjson::padded_string_view(json.data(), json.size(), readable);
    } else {
        copy = simdjson::padded_string(json);
        input = copy;
    }
    try {
        ondemand::parser parser;
        ondemand::document document = take(parser.iterate(input));
        StateV4FastReader reader(std::string_view(input.data(), input.size()), displayName, progress, limits);
        return reader.read(document);
    } catch (const fastjson::Bail&) {
        return std::nullopt;
    } catch (const simdjson::simdjson_error&) {
        return std::nullopt;
    } catch (const StructureError&) {
        return std::nullopt; // from the reference converters reused for outputs and check_results
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

} // namespace blastline::importers
