// SPDX-License-Identifier: MIT
#include "blastline/importers/EvidenceRecognizer.h"

#include "GzipInflater.h"
#include "PantherRuleFile.h"

#include "blastline/core/Error.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <set>

namespace blastline::importers {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kOpeningBytes = 1 << 20;

/**
 * The keys of the top-level object seen in `text` (a prefix of the document). A small scanner rather than a
 * parser: the prefix is cut anywhere, and only strings and nesting matter.
 */
std::set<std::string> topLevelKeys(std::string_view text)
{
    std::set<std::string> keys;
    int depth = 0;
    bool expectKey = false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '"') {
            std::string value;
            for (++at; at < text.size() && text[at] != '"'; ++at) {
                if (text[at] == '\\')
                    ++at;
                else
                    value += text[at];
            }
            if (depth == 1 && expectKey)
                keys.insert(std::move(value));
            expectKey = false;
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = c == '{' && depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

bool holdsTerraformFiles(const fs::path& folder)
{
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
        if (entry.path().extension() == ".tf" || entry.path().extension() == ".tofu")
            return true;
    }
    return false;
}

std::string opening(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw core::InputError(path + ": cannot open");
    std::string bytes(kOpeningBytes, '\0');
    file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(file.gcount()));
    return bytes;
}

} // namespace

core::EvidenceKind EvidenceRecognizer::recognize(const std::string& path)
{
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status))
        throw core::InputError(path + ": no such file or directory");
    if (fs::is_directory(status)) {
        if (fs::exists(fs::path(path) / "scenario.json"))
            return core::EvidenceKind::Scenario; // a scenario folder: the scenario and its evidence
        return holdsTerraformFiles(path) ? core::EvidenceKind::Configuration : core::EvidenceKind::Trail;
    }
    return recognizeText(opening(path), path);
}

core::EvidenceKind EvidenceRecognizer::recognizeText(std::string_view text, const std::string& name)
{
    if (GzipInflater::isGzip(text))
        return core::EvidenceKind::Trail; // the only compressed input Blastline reads
    if (PantherRuleFile::looksLike(text))
        return core::EvidenceKind::Trail;
    const std::size_t start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (start != std::string_view::npos && text[start] == '[')
        return core::EvidenceKind::Trail; // a bare array of CloudTrail records
    const std::set<std::string> keys = topLevelKeys(text);
    const auto has = [&](const char* key) { return keys.count(key) != 0; };
    if (has("schema") && text.find("\"blastline.scenario/") != std::string_view::npos)
        return core::EvidenceKind::Scenario;
    if (has("resource_changes") || has("planned_values") || has("prior_state"))
        return core::EvidenceKind::Plan;
    if (has("lineage") || (has("version") && (has("resources") || has("modules"))) || has("values"))
        return core::EvidenceKind::State;
    if (has("Records") || has("Events") || has("QueryResultRows") || has("eventName") || has("eventVersion")
        || (has("logFiles") && has("digestStartTime")))
        return core::EvidenceKind::Trail;
    static constexpr std::array kInventoryKeys {"DBSnapshots", "DBClusterSnapshots", "DBInstanceAutomatedBackups",
        "DBClusterAutomatedBackups", "RecoveryPoints", "Snapshots", "BackupSummaries"};
    for (const char* key : kInventoryKeys) {
        if (has(key))
            return core::EvidenceKind::Inventory;
    }
    throw core::InputError(name
        + ": not a kind of evidence Blastline reads; expected a Terraform state, a plan (terraform show -json), "
          "CloudTrail logs, an AWS CLI backup listing, a configuration folder or a scenario");
}

} // namespace blastline::importers
