// SPDX-License-Identifier: MIT
#include "cli/SarifOutput.h"

#include "cli/JsonWriter.h"

#include "blastline/core/ResourceAddress.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace blastline::cli {

namespace {

struct Rule
{
    FindingKind kind;
    const char* id;
    const char* name;
    const char* shortText;
    const char* fullText;
    const char* level;
};

// One rule per finding kind, in FindingKind order, so that a result's ruleIndex is its kind.
constexpr Rule kRules[] = {
    {FindingKind::DataLoss, "data-loss", "DataLoss", "Applying the plan loses a data store's data",
        "The plan deletes or replaces a data store and no recovery point of it survives: no final snapshot, "
        "automated backups deleted with it, no backup outside the state.",
        "error"},
    {FindingKind::Unknown, "unknown-fate", "UnknownDataFate",
        "Whether applying the plan loses a data store's data depends on a fact nobody knows",
        "The plan deletes or replaces a data store, and whether its data survives depends on a fact the state "
        "does not hold (the message names it).",
        "warning"},
    {FindingKind::Recoverable, "recoverable-deletion", "RecoverableDeletion",
        "Applying the plan deletes a data store; a recovery point survives",
        "The plan deletes or replaces a data store; its data survives only in a recovery point, and what was "
        "written after that recovery point is lost.",
        "warning"},
    {FindingKind::Delete, "object-deleted", "ObjectDeleted", "Applying the plan deletes or replaces an object",
        "The plan deletes or replaces an object that holds no data Blastline knows of.", "note"},
};

const Rule& ruleOf(FindingKind kind)
{
    return kRules[static_cast<int>(kind)];
}

// A URI reference: path separators stay, everything outside the unreserved characters is escaped.
std::string uriOf(const std::string& path)
{
    std::error_code error;
    std::filesystem::path relative = std::filesystem::absolute(path, error)
                                         .lexically_normal()
                                         .lexically_relative(std::filesystem::current_path(error));
    const std::string text = relative.empty() ? path : relative.generic_string();
    std::string uri;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            uri += static_cast<char>(c);
        } else {
            static const char* hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri;
}

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The line of the plan file where the resource change's address is written; 1 when not found.
int planLine(const std::string& planText, const std::string& address)
{
    std::string escaped;
    JsonWriter::writeEscaped(escaped, address);
    const std::size_t changes = planText.find("\"resource_changes\"");
    const std::size_t from = changes == std::string::npos ? 0 : changes;
    for (const char* separator : {"\": ", "\":"}) {
        std::string needle = "\"address";
        needle.append(separator).append(escaped);
        const std::size_t at = planText.find(needle, from);
        if (at != std::string::npos)
            return 1 + static_cast<int>(std::count(planText.begin(), planText.begin() + static_cast<long>(at), '\n'));
    }
    return 1;
}

struct Location
{
    std::string uri;
    int line = 1;
};

Location locate(const CheckRun& run, const Finding& finding, const std::string& planText)
{
    if (run.configuration) {
        // A deposed object is shown as "addr (deposed object KEY)": its block is addr's.
        const auto address = core::ResourceAddress::parse(finding.address.substr(0, finding.address.find(" (")));
        const core::ConfigResource* block =
            address ? run.configuration->findResource(address->configString()) : nullptr;
        if (block && block->location.line >= 1)
            return {uriOf(block->location.file), block->location.line};
    }
    return {uriOf(run.plan->path), planLine(planText, finding.address)};
}

std::string messageOf(const Finding& finding)
{
    std::string text = finding.address;
    if (finding.action.empty()) {
        text.append(" is not deleted by the plan");
    } else {
        // "delete" -> "is deleted", "replace" -> "is replaced"; the details in brackets follow.
        const std::string change = describeChange(finding);
        text.append(" is ").append(finding.action).append("d").append(change.substr(finding.action.size()));
    }
    if (finding.kind != FindingKind::Delete && finding.store)
        text.append(": its data is ").append(core::toString(finding.store->fate));
    text.append(".");
    if (!finding.explanation.empty())
        text.append(" ").append(finding.explanation).append(finding.explanation.back() == '.' ? "" : ".");
    if (finding.kind == FindingKind::Delete)
        return text;
    if (finding.preventions.empty()) {
        text.append(" No safeguard alone would prevent it.");
    } else {
        text.append(" Would be prevented by:");
        for (std::size_t i = 0; i < finding.preventions.size(); ++i)
            text.append(i == 0 ? " " : ", ")
                .append(core::toString(finding.preventions[i].safeguard))
                .append(" (")
                .append(core::toString(finding.preventions[i].fate))
                .append(")");
        text.append(".");
    }
    return text;
}

void writeDriver(JsonWriter& json)
{
    json.key("tool").beginObject();
    json.key("driver").beginObject();
    json.field("name", "Blastline");
    if (std::string_view(BLASTLINE_HOMEPAGE_URL).size() > 0)
        json.field("informationUri", BLASTLINE_HOMEPAGE_URL);
    json.field("semanticVersion", BLASTLINE_VERSION);
    json.key("rules").beginArray();
    for (const auto& rule : kRules) {
        json.beginObject();
        json.field("id", rule.id);
        json.field("name", rule.name);
        json.key("shortDescription").beginObject().field("text", rule.shortText);
        json.endObject();
        json.key("fullDescription").beginObject().field("text", rule.fullText);
        json.endObject();
        json.key("defaultConfiguration").beginObject().field("level", rule.level);
        json.endObject();
        json.endObject();
    }
    json.endArray();
    json.endObject();
    json.endObject();
}

} // namespace

void SarifOutput::write(std::ostream& out, const CheckRun& run, const std::vector<Finding>& findings)
{
    const std::string planText = readText(run.plan->path);
    JsonWriter json(out);
    json.beginObject();
    json.field("version", "2.1.0");
    json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    json.key("runs").beginArray().beginObject();
    writeDriver(json);
    json.key("results").beginArray();
    for (const auto& finding : findings) {
        const Rule& rule = ruleOf(finding.kind);
        const Location location = locate(run, finding, planText);
        json.beginObject();
        json.field("ruleId", rule.id);
        json.field("ruleIndex", static_cast<int>(finding.kind));
        json.field("level", rule.level);
        json.key("message").beginObject().field("text", messageOf(finding));
        json.endObject();
        json.key("locations").beginArray().beginObject();
        json.key("physicalLocation").beginObject();
        json.key("artifactLocation").beginObject().field("uri", location.uri);
        json.endObject();
        json.key("region").beginObject().field("startLine", location.line);
        json.endObject();
        json.endObject();
        json.key("logicalLocations").beginArray().beginObject();
        json.field("fullyQualifiedName", finding.address);
        json.field("kind", "resource");
        json.endObject().endArray();
        json.endObject().endArray();
        // Stable across runs and line moves: code scanning matches a finding to its earlier alerts by it.
        json.key("partialFingerprints")
            .beginObject()
            .field("blastlineFinding/v1", std::string(rule.id).append(":").append(finding.address));
        json.endObject();
        json.key("properties").beginObject().field("failsGate", finding.failsGate);
        json.endObject();
        json.endObject();
    }
    json.endArray();
    json.key("properties").beginObject();
    json.field("verdict", core::toString(run.result->analysis.verdict));
    json.field("failOn", core::toString(run.failOn));
    json.field("gateFailed", run.failed);
    json.field("asOf", run.asOf);
    json.endObject();
    json.endObject().endArray();
    json.endObject();
}

} // namespace blastline::cli
