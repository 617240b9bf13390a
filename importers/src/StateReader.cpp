// SPDX-License-Identifier: MIT
#include "blastline/importers/StateReader.h"

#include "JsonLocation.h"
#include "MappedFile.h"
#include "ProgressInput.h"
#include "ShowJsonReader.h"
#include "StateReaderPaths.h"
#include "StateSaxHandler.h"
#include "StateV3Upgrader.h"
#include "StateV4Handler.h"

#include "blastline/core/Error.h"

#include <nlohmann/json.hpp>

namespace blastline::importers {

using core::InputError;
using nlohmann::json;

namespace {

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

enum class Shape
{
    V4,
    V3,
    ShowJson
};

Shape detectShape(const StateSaxHandler& handler)
{
    const json& root = handler.rootFields();
    const auto& keys = handler.rootKeys();
    if (const json* encryption = findField(root, "encryption_version"); encryption != nullptr
        && !(encryption->is_string() && encryption->get_ref<const std::string&>().empty()) && !encryption->is_null()) {
        throw StructureError("",
            "this is an OpenTofu-encrypted state (encryption_version " + encryption->dump()
                + "); it cannot be read without its key. Run `tofu state pull > "
                  "decrypted.tfstate` with the encryption key configured and read that copy");
    }
    if (const json* version = findField(root, "version")) {
        if (*version == 4) {
            return Shape::V4;
        }
        if (*version == 3) {
            return Shape::V3;
        }
        if (version->is_number_integer()) {
            throw StructureError("",
                "unsupported state format version " + version->dump()
                    + "; expected format 4 (Terraform >= 0.12) or 3 (Terraform <= 0.11)");
        }
        throw StructureError("/version", "expected the state format version 4 or 3, found " + describeJson(*version));
    }
    if (keys.contains("planned_values") || keys.contains("resource_changes") || keys.contains("prior_state")) {
        throw StructureError("",
            "this is a plan (`terraform show -json` of a plan file), not a state; expected a "
            "terraform.tfstate or `terraform show -json` of a state");
    }
    if (keys.contains("values") || keys.contains("format_version")) {
        if (const json* format = findField(root, "format_version"); format != nullptr
            && !(format->is_string()
                && (format->get<std::string>().starts_with("0.") || format->get<std::string>().starts_with("1.")))) {
            throw StructureError("/format_version",
                "unsupported `terraform show -json` format_version " + format->dump() + "; expected 0.x or 1.x");
        }
        return Shape::ShowJson;
    }
    throw StructureError("",
        "not a Terraform state: expected an object with \"version\": 4 (terraform.tfstate), "
        "\"version\": 3 (Terraform <= 0.11) or \"values\": {\"root_module\": ...} (`terraform "
        "show -json`)");
}

core::TerraformState parse(
    std::string_view text, const std::string& name, core::ProgressSink* progress, const RecordLimits& limits)
{
    if (isBlank(text)) {
        throw InputError(name + ": the file is empty; expected a Terraform state (JSON)");
    }
    StateV4Handler v4;
    StateV3Upgrader v3(limits);
    ShowJsonReader showJson;
    StateSaxHandler handler(v4, v3, showJson, limits);
    ProgressTracker tracker(text, progress);
    const ProgressIterator first(text.data(), &tracker);
    const ProgressIterator last(text.data() + text.size(), nullptr);
    const bool complete = json::sax_parse(first, last, &handler);
    if (handler.syntaxError()) {
        const auto& [position, what] = *handler.syntaxError();
        const TextPosition at = positionAt(text, position == 0 ? 0 : position - 1);
        const bool atStart = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") >= (position == 0 ? 0 : position - 1);
        throw InputError(name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column)
            + ": syntax error: " + syntaxErrorDetail(what) + (atStart ? " (the file is not JSON)" : ""));
    }
    if (!complete) {
        throw InputError(name + ": the JSON parser stopped early");
    }
    tracker.finished();

    const Shape shape = detectShape(handler);
    if (handler.deferredError()) {
        throw *handler.deferredError();
    }
    const json& root = handler.rootFields();
    core::TerraformState state;
    state.path = name;
    state.terraformVersion = stringField(root, "terraform_version", "", false);
    state.lineage = stringField(root, "lineage", "", false);
    switch (shape) {
    case Shape::V4:
        state.source = core::StateSource::StateV4;
        state.formatVersion = 4;
        state.serial = unsignedField(root, "serial", "");
        state.instances = v4.takeInstances();
        state.outputs = StateV4Handler::readOutputs(root.value("outputs", json()), "/outputs");
        state.checkResults = StateV4Handler::readCheckResults(root.value("check_results", json()), "/check_results");
        break;
    case Shape::V3:
        state.source = core::StateSource::StateV3;
        state.formatVersion = 3;
        state.serial = unsignedField(root, "serial", ""); // negative serials are refused, as Terraform does
        state.instances = v3.takeInstances();
        state.outputs = v3.takeOutputs();
        state.warnings.push_back("format 3 (Terraform <= 0.11) upgraded on read");
        break;
    case Shape::ShowJson:
        state.source = core::StateSource::ShowJson;
        state.formatVersion = 0;
        state.instances = showJson.takeInstances();
        state.outputs = StateV4Handler::readOutputs(handler.showJsonOutputs(), "/values/outputs");
        break;
    }
    return state;
}

} // namespace

core::TerraformState readStateReference(
    std::string_view text, const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits)
{
    try {
        return parse(text, displayName, progress, limits);
    } catch (const StructureError& error) {
        throw InputError(structureErrorMessage(displayName, error));
    } catch (const json::exception& error) {
        // A shape our converters did not anticipate; still the input's fault, still no partial state.
        throw InputError(displayName + ": unexpected content: " + error.what());
    }
}

// Format 4 states go through the simdjson fast path; whatever it declines (other formats, errors,
// odd shapes) is read again by the reference path, which owns every error message.
core::TerraformState readStateText(
    std::string_view text, const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits)
{
    if (auto state = readStateV4Fast(text, displayName, progress, limits)) {
        return std::move(*state);
    }
    return readStateReference(text, displayName, progress, limits);
}

core::TerraformState StateReader::readText(
    std::string_view text, const std::string& displayName, core::ProgressSink* progress)
{
    return readStateText(text, displayName, progress, RecordLimits {});
}

core::TerraformState StateReader::readFile(const std::string& path, core::ProgressSink* progress)
{
    const MappedFile file(path, fileLimits::kState);
    if (auto state = readStateV4Fast(file.text(), file.readableSize(), path, progress)) {
        return std::move(*state);
    }
    return readStateReference(file.text(), path, progress);
}

} // namespace blastline::importers
