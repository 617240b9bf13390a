// SPDX-License-Identifier: MIT
#include "cli/CaseImportRun.h"

#include "blastline/core/Error.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/importers/CloudTrailReader.h"
#include "blastline/importers/EvidenceRecognizer.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/PlanReader.h"
#include "blastline/importers/ScenarioReader.h"
#include "blastline/importers/StateReader.h"

#include <algorithm>
#include <filesystem>

namespace blastline::cli {

namespace fs = std::filesystem;

CaseImportRun::CaseImportRun(core::CaseFile& caseFile, const Options& options, core::ProgressSink* progress)
    : m_case(caseFile)
    , m_options(options)
    , m_progress(progress)
{ }

core::CaseImport CaseImportRun::request(std::vector<core::EvidenceInfo> files) const
{
    core::CaseImport import;
    import.commandLine = m_options.commandLine;
    import.blastlineVersion = BLASTLINE_VERSION;
    import.files = std::move(files);
    import.embed = m_options.embed;
    import.progress = m_progress;
    return import;
}

std::vector<std::string> CaseImportRun::run(const std::vector<std::string>& paths)
{
    // Everything is recognised before anything is written: a path that is no evidence stops the command
    // before the case changes.
    std::vector<std::pair<std::string, core::EvidenceKind>> inputs;
    for (const std::string& path : paths)
        inputs.emplace_back(path, importers::EvidenceRecognizer::recognize(path));
    std::vector<std::string> trails;
    for (const auto& [path, kind] : inputs) {
        switch (kind) {
        case core::EvidenceKind::State:
        case core::EvidenceKind::Plan:
            importState(path, kind);
            break;
        case core::EvidenceKind::Inventory:
            importInventory(path);
            break;
        case core::EvidenceKind::Configuration:
            importConfiguration(path);
            break;
        case core::EvidenceKind::Scenario:
            importScenario(path, trails);
            break;
        case core::EvidenceKind::Trail:
            trails.push_back(path);
            break;
        }
    }
    if (!trails.empty())
        importTrail(trails);
    return std::move(m_report);
}

void CaseImportRun::importState(const std::string& path, core::EvidenceKind kind)
{
    core::TerraformState state;
    if (kind == core::EvidenceKind::Plan) {
        core::TerraformPlan plan = importers::PlanReader::readFile(path, m_progress);
        if (plan.priorState)
            state = std::move(*plan.priorState);
        state.path = path; // the prior state's content is evidence of this file
    } else {
        state = importers::StateReader::readFile(path, m_progress);
    }
    core::CaseImport import = request({{path, kind}});
    import.state = &state;
    const core::ImportResult result = m_case.importEvidence(import);
    m_report.push_back(std::string(core::toString(kind)) + " " + path + ": " + std::to_string(result.resources)
        + " resources, " + std::to_string(result.dependencies) + " dependencies");
}

void CaseImportRun::importInventory(const std::string& path)
{
    const importers::Inventory inventory = importers::InventoryReader::readFile(path);
    core::CaseImport import = request({{path, core::EvidenceKind::Inventory}});
    import.recoveryPoints = &inventory.recoveryPoints;
    const core::ImportResult result = m_case.importEvidence(import);
    m_report.push_back("inventory " + path + " (" + inventory.shape + "): " + std::to_string(result.recoveryPoints)
        + " recovery points");
}

void CaseImportRun::importConfiguration(const std::string& folder)
{
    // The configuration's facts are read again from its files when a simulation needs them; the case keeps the
    // files as evidence, each with its hash.
    std::vector<core::EvidenceInfo> files;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && (name.ends_with(".tf") || name == ".terraform.lock.hcl"))
            files.push_back({entry.path().string(), core::EvidenceKind::Configuration});
    }
    std::sort(files.begin(), files.end(),
        [](const core::EvidenceInfo& a, const core::EvidenceInfo& b) { return a.path < b.path; });
    m_case.importEvidence(request(files));
    m_report.push_back("configuration " + folder + ": " + std::to_string(files.size()) + " files");
}

void CaseImportRun::importScenario(const std::string& path, std::vector<std::string>& trails)
{
    // Read, so that a broken scenario is refused; then its evidence comes in as if it had been named.
    const core::Scenario scenario = importers::ScenarioReader::readFile(path);
    m_case.importEvidence(request({{scenario.file.string(), core::EvidenceKind::Scenario}}));
    m_report.push_back("scenario " + scenario.file.string() + ": " + scenario.metadata.title);
    for (const core::ScenarioEvidenceFile& state : scenario.evidence.states) {
        if (state.path)
            importState(state.path->string(), core::EvidenceKind::State);
    }
    for (const core::ScenarioEvidenceFile& plan : scenario.evidence.plans)
        importState(plan.path->string(), core::EvidenceKind::Plan);
    for (const core::ScenarioEvidenceFile& inventory : scenario.evidence.inventories)
        importInventory(inventory.path->string());
    for (const core::ScenarioEvidenceFile& trail : scenario.evidence.trails)
        trails.push_back(trail.path->string());
}

void CaseImportRun::importTrail(const std::vector<std::string>& paths)
{
    importers::CloudTrailReadOptions options;
    options.filter.scope = core::TrailFilter::Scope::All;
    // The normalised event, not the whole record: records would make the case ten times larger (docs/case-file.md);
    // `--embed` keeps the original files for whoever needs every field.
    options.keepRecords = false;
    options.progress = m_progress;
    const core::Trail trail = importers::CloudTrailReader::read(paths, options);
    for (const core::TrailInput& input : trail.inputs()) {
        if (!input.error.empty())
            throw core::InputError(input.error + " (nothing of this trail was imported)");
    }

    // Tie the events to every state already in the case, so that a state imported earlier still counts.
    std::vector<core::TerraformState> states;
    std::vector<std::int64_t> stateIds;
    for (const core::StateRow& row : m_case.states()) {
        states.push_back(m_case.loadState(row.id));
        stateIds.push_back(row.id);
    }
    std::vector<const core::TerraformState*> pointers;
    for (const core::TerraformState& state : states)
        pointers.push_back(&state);
    const core::TrailCorrelator correlator(pointers);

    std::vector<core::EvidenceInfo> files;
    for (const core::TrailInput& input : trail.inputs())
        files.push_back({input.path, core::EvidenceKind::Trail});
    core::CaseImport import = request(files);
    import.trail = &trail;
    if (!states.empty()) {
        import.correlator = &correlator;
        import.correlatorStates = stateIds;
    }
    const core::ImportResult result = m_case.importEvidence(import);
    m_report.push_back("trail: " + std::to_string(files.size()) + " files, " + std::to_string(result.events)
        + " events, " + std::to_string(result.eventResources) + " links to state resources");
}

} // namespace blastline::cli
