// SPDX-License-Identifier: MIT
#include "blastline/importers/ScenarioReader.h"

#include "JsonLocation.h"
#include "MappedFile.h"
#include "RecordLimits.h"
#include "ScenarioFields.h"
#include "ScenarioSections.h"

#include "blastline/core/Error.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <system_error>

namespace blastline::importers {

using core::InputError;
using nlohmann::json;
using namespace scenario;

namespace {

constexpr std::string_view kSchemaPrefix = "blastline.scenario/";
constexpr unsigned kSchemaMajor = 2;

// Checked before the keys: a newer major may add keys, and "too new" is the message that helps then. Returns the major.
unsigned checkSchema(const json& root)
{
    const std::string expected = "expected \"" + std::string(kSchemaPrefix) + std::to_string(kSchemaMajor) + "\"";
    const json* schema = findField(root, "schema");
    if (schema == nullptr)
        throw StructureError("", "missing \"schema\"; " + expected);
    const std::string text = schema->is_string() ? schema->get<std::string>() : std::string();
    unsigned major = 0;
    const std::string_view digits = std::string_view(text).substr(std::min(text.size(), kSchemaPrefix.size()));
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), major);
    if (!text.starts_with(kSchemaPrefix) || digits.empty() || error != std::errc()
        || end != digits.data() + digits.size() || major == 0) {
        throw StructureError("/schema", expected + ", found " + describeJson(*schema));
    }
    if (major > kSchemaMajor) {
        throw StructureError("/schema",
            text + " is newer than this Blastline reads (" + std::string(kSchemaPrefix) + std::to_string(kSchemaMajor)
                + "); use a newer Blastline");
    }
    return major;
}

core::SourceKind parseSourceKind(const json& object, const std::string& pointer)
{
    const std::string kind = textField(object, "kind", pointer);
    if (kind == "primary")
        return core::SourceKind::Primary;
    if (kind == "primary-draft")
        return core::SourceKind::PrimaryDraft;
    if (kind == "primary-code")
        return core::SourceKind::PrimaryCode;
    if (kind == "secondary")
        return core::SourceKind::Secondary;
    throw StructureError(pointer + "/kind",
        "expected \"primary\", \"primary-draft\", \"primary-code\" or \"secondary\", found " + json(kind).dump());
}

std::vector<core::ScenarioSource> readSources(const json& metadata, ScenarioContext& context)
{
    const json& list = arrayField(metadata, "sources", "/metadata", true);
    if (list.empty())
        throw StructureError("/metadata/sources", "expected at least one source");
    std::vector<core::ScenarioSource> sources;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/metadata/sources/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"id", "title", "url", "kind"});
        core::ScenarioSource source;
        source.id = textField(item, "id", pointer);
        declareId(context.sourceIds, source.id, pointer);
        source.title = textField(item, "title", pointer);
        source.url = textField(item, "url", pointer);
        source.kind = parseSourceKind(item, pointer);
        sources.push_back(std::move(source));
    }
    return sources;
}

std::vector<core::ScenarioCorrection> readCorrections(const json& metadata, const ScenarioContext& context)
{
    const json& list = arrayField(metadata, "corrections", "/metadata", false);
    std::vector<core::ScenarioCorrection> corrections;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/metadata/corrections/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"topic", "retelling", "primary", "followed", "sources"});
        core::ScenarioCorrection correction;
        correction.topic = textField(item, "topic", pointer);
        correction.retelling = textField(item, "retelling", pointer);
        correction.primary = textField(item, "primary", pointer);
        const std::string followed = textField(item, "followed", pointer);
        if (followed != "primary" && followed != "retelling")
            throw StructureError(
                pointer + "/followed", "expected \"primary\" or \"retelling\", found " + json(followed).dump());
        correction.followsPrimary = followed == "primary";
        correction.sources = sourceList(item, pointer, context);
        corrections.push_back(std::move(correction));
    }
    return corrections;
}

core::ScenarioMetadata readMetadata(const json& root, ScenarioContext& context)
{
    const json* found = findField(root, "metadata");
    if (found == nullptr)
        throw StructureError("", "missing \"metadata\"; expected an object");
    const json& metadata = objectAt(*found, "/metadata");
    checkKeys(metadata, "/metadata",
        {"id", "title", "incident", "published", "summary", "sources", "reconstructed", "corrections"});
    core::ScenarioMetadata result;
    result.id = textField(metadata, "id", "/metadata");
    result.title = textField(metadata, "title", "/metadata");
    const json* incident = findField(metadata, "incident");
    if (incident == nullptr)
        throw StructureError("/metadata", "missing \"incident\"; expected an object {\"start\", \"end\"}");
    objectAt(*incident, "/metadata/incident");
    checkKeys(*incident, "/metadata/incident", {"start", "end"});
    result.incidentStart = timeField(*incident, "start", "/metadata/incident", true);
    result.incidentEnd = timeField(*incident, "end", "/metadata/incident", true);
    if (result.incidentEnd < result.incidentStart)
        throw StructureError("/metadata/incident/end", "expected a time not before \"start\"");
    if (const json* published = findField(metadata, "published"); published != nullptr && !published->is_null())
        result.published = timeField(metadata, "published", "/metadata", true);
    result.summary = textField(metadata, "summary", "/metadata");
    result.sources = readSources(metadata, context);
    result.reconstructed = textField(metadata, "reconstructed", "/metadata");
    result.corrections = readCorrections(metadata, context);
    return result;
}

std::filesystem::path resolvePath(
    const std::string& relative, const std::string& pointer, const ScenarioContext& context)
{
    refuseUnusablePath(relative, pointer); // before the filesystem is asked, which would say less
    const std::filesystem::path path(relative);
    // Absolute paths would tie the scenario to one machine; the folder is meant to travel whole.
    if (path.is_absolute())
        throw StructureError(
            pointer, "expected a path relative to the scenario's folder, found " + json(relative).dump());
    const std::filesystem::path resolved = (context.folder / path).lexically_normal();
    std::error_code error;
    if (!std::filesystem::exists(resolved, error))
        throw StructureError(pointer, json(relative).dump() + " does not exist (relative to the scenario's folder)");
    return resolved;
}

/** `referenced`: where to declare the ids that other sections refer to (states and plans), or null. */
std::vector<core::ScenarioEvidenceFile> readEvidenceList(const json& evidence, const char* key,
    ScenarioContext& context, bool isStates, std::map<std::string, std::string>* referenced)
{
    const std::string listPointer = "/evidence/" + std::string(key);
    const json& list = arrayField(evidence, key, "/evidence", false);
    std::map<std::string, std::string> localIds;
    std::map<std::string, std::string>& ids = referenced != nullptr ? *referenced : localIds;
    std::vector<core::ScenarioEvidenceFile> files;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = listPointer + "/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"id", "path", "role"});
        core::ScenarioEvidenceFile file;
        file.id = textField(item, "id", pointer);
        declareId(ids, file.id, pointer);
        const json* path = findField(item, "path");
        if (path != nullptr && path->is_null() && !isStates)
            throw StructureError(pointer + "/path", "expected a path; only a state may have none");
        if (path == nullptr)
            throw StructureError(
                pointer, std::string("missing \"path\"; expected a path") + (isStates ? " or null" : ""));
        if (!path->is_null())
            file.path = resolvePath(textField(item, "path", pointer), pointer + "/path", context);
        file.role = textField(item, "role", pointer);
        files.push_back(std::move(file));
    }
    return files;
}

core::ScenarioEvidence readEvidence(const json& root, ScenarioContext& context)
{
    const json* found = findField(root, "evidence");
    if (found == nullptr)
        throw StructureError("", "missing \"evidence\"; expected an object");
    const json& evidence = objectAt(*found, "/evidence");
    checkKeys(evidence, "/evidence", {"states", "plans", "trails", "configurations", "inventories"});
    core::ScenarioEvidence result;
    result.states = readEvidenceList(evidence, "states", context, true, &context.stateIds);
    result.plans = readEvidenceList(evidence, "plans", context, false, &context.planIds);
    result.trails = readEvidenceList(evidence, "trails", context, false, nullptr);
    result.configurations = readEvidenceList(evidence, "configurations", context, false, nullptr);
    result.inventories = readEvidenceList(evidence, "inventories", context, false, nullptr);
    return result;
}

core::Scenario parse(std::string_view text, const std::string& name, const std::filesystem::path& baseFolder)
{
    const json root = parseJsonDocument(text, name, RecordLimits {}.stringBytes);
    if (!root.is_object())
        throw StructureError("", "expected a scenario object at the top level, found " + describeJson(root));
    const unsigned major = checkSchema(root);
    checkKeys(root, "", {"schema", "metadata", "evidence", "narrative", "commands", "decisions", "ground_truth"});
    ScenarioContext context;
    context.schemaMajor = major;
    std::error_code error;
    context.folder = std::filesystem::absolute(baseFolder, error).lexically_normal();
    if (error)
        context.folder = baseFolder;
    core::Scenario scenario;
    scenario.file = name;
    scenario.folder = context.folder;
    scenario.metadata = readMetadata(root, context);
    scenario.evidence = readEvidence(root, context);
    scenario.narrative = readNarrative(root, context);
    scenario.commands = readCommands(root, context);
    scenario.decisions = readDecisions(root, context);
    scenario.groundTruth = readGroundTruth(root, context);
    return scenario;
}

} // namespace

core::Scenario ScenarioReader::readText(
    std::string_view text, const std::string& name, const std::filesystem::path& baseFolder)
{
    try {
        return parse(text, name, baseFolder);
    } catch (const StructureError& error) {
        throw InputError(structureErrorMessage(name, error));
    } catch (const nlohmann::json::exception& error) {
        throw InputError(name + ": unexpected content: " + error.what());
    }
}

core::Scenario ScenarioReader::readFile(const std::string& pathOrFolder)
{
    std::filesystem::path path(pathOrFolder);
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        path /= "scenario.json";
    const MappedFile file(path.string(), fileLimits::kScenario);
    std::filesystem::path folder = path.parent_path();
    if (folder.empty())
        folder = ".";
    return readText(file.text(), path.string(), folder);
}

} // namespace blastline::importers
