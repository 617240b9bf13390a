// SPDX-License-Identifier: MIT
#include "gui/DocumentLoader.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/IsoDate.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/CloudTrailReader.h"
#include "blastline/importers/ConfigurationReader.h"
#include "blastline/importers/EvidenceRecognizer.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/PlanReader.h"
#include "blastline/importers/ScenarioSession.h"
#include "blastline/importers/StateReader.h"

#include <filesystem>
#include <fstream>

namespace blastline::gui {

namespace {

void checkCancelled(const core::ProgressSink& progress)
{
    if (progress.isCancelled())
        throw core::OperationCancelled();
}

std::string fileName(const std::string& path)
{
    const std::filesystem::path file(path);
    return file.filename().empty() ? file.parent_path().filename().string() : file.filename().string();
}

/** The document being built, and the one thing it may be about. */
class Builder
{
public:
    explicit Builder(core::ProgressSink& progress)
        : m_progress(progress)
    { }

    void add(const std::string& path)
    {
        checkCancelled(m_progress);
        m_document.paths.push_back(path);
        const std::optional<core::EvidenceKind> kind = DocumentLoader::recognize(path);
        if (!kind)
            return addCase(path);
        switch (*kind) {
        case core::EvidenceKind::Scenario:
            return addScenario(path);
        case core::EvidenceKind::State:
            claim(path, Document::Kind::State);
            m_inputs.state = importers::StateReader::readFile(path, &m_progress);
            return;
        case core::EvidenceKind::Plan:
            return addPlan(path);
        case core::EvidenceKind::Trail:
            m_trailPaths.push_back(path);
            return;
        case core::EvidenceKind::Inventory:
            return addInventory(path);
        case core::EvidenceKind::Configuration:
            return addConfiguration(path);
        }
    }

    Document finish()
    {
        if (!m_main && m_trailPaths.empty())
            throw core::InputError(m_document.paths.empty() ? std::string("nothing to open")
                                                            : m_document.paths.front()
                        + ": an inventory or a configuration needs a state or a plan opened with it");
        if (!m_main)
            m_document.kind = Document::Kind::Trail;
        if (!m_trailPaths.empty() && m_document.kind == Document::Kind::Scenario)
            throw core::InputError(m_trailPaths.front()
                + ": a scenario brings its own trails (its evidence); open the "
                  "trail on its own or with a state");
        if (!m_trailPaths.empty())
            readTrail();
        if (m_document.kind == Document::Kind::State || m_document.kind == Document::Kind::Plan) {
            // As the CLI's destroy: the run is imagined today unless something says otherwise.
            m_inputs.asOf = core::IsoDate::today();
            m_document.whatIfInputs = std::make_shared<const core::WhatIfInputs>(std::move(m_inputs));
        }
        if (!m_document.catalogue)
            m_document.catalogue = std::make_shared<const core::CatalogueRules>(importers::CatalogueReader::builtin());
        if (!m_document.trail) {
            auto empty = std::make_shared<core::Trail>();
            empty->finish();
            m_document.trail = std::move(empty);
        }
        return std::move(m_document);
    }

private:
    /** One document is about one scenario, state, plan or case: a second one is refused rather than guessed. */
    void claim(const std::string& path, Document::Kind kind)
    {
        if (m_main)
            throw core::InputError(
                path + ": open one scenario, state, plan or case at a time (" + *m_main + " is already open)");
        m_main = path;
        m_document.kind = kind;
        m_document.title = fileName(path);
    }

    void addScenario(const std::string& path)
    {
        claim(path, Document::Kind::Scenario);
        m_progress.progress("Reading the scenario and its evidence", 0, 0);
        auto session = std::make_shared<const importers::ScenarioSession>(path, std::vector<std::string> {});
        checkCancelled(m_progress);
        m_document.title = session->scenario().metadata.title;
        // The trail lives in the session; the aliasing pointer keeps the session alive as long as the trail.
        m_document.trail = std::shared_ptr<const core::Trail>(session, &session->trail());
        m_document.scenario = std::move(session);
    }

    void addPlan(const std::string& path)
    {
        claim(path, Document::Kind::Plan);
        auto plan = importers::PlanReader::readFile(path, &m_progress);
        // As `blastline check`: the plan's prior_state is the state it starts from.
        if (plan.priorState)
            m_inputs.state = *plan.priorState;
        else
            m_inputs.state.path = plan.path;
        m_document.plan = std::make_shared<const core::TerraformPlan>(std::move(plan));
    }

    /** As the CLI's --config: prevent_destroy and removed blocks, and the AWS provider the lock file names. */
    void addConfiguration(const std::string& path)
    {
        m_inputs.configuration = importers::ConfigurationReader::readDirectory(path);
        for (const char* source : {"registry.terraform.io/hashicorp/aws", "registry.opentofu.org/hashicorp/aws"}) {
            const auto locked = m_inputs.configuration->providerVersions.find(source);
            if (locked != m_inputs.configuration->providerVersions.end())
                m_inputs.facts["aws_provider_version"] = core::AttributeValue::string(locked->second);
        }
    }

    void addInventory(const std::string& path)
    {
        importers::Inventory inventory = importers::InventoryReader::readFile(path);
        m_inputs.inventory.insert(m_inputs.inventory.end(), std::make_move_iterator(inventory.recoveryPoints.begin()),
            std::make_move_iterator(inventory.recoveryPoints.end()));
    }

    /** A case: its latest state, its backups, its trail and its notes (as `--case` gives them to the CLI). */
    void addCase(const std::string& path)
    {
        claim(path, Document::Kind::State);
        m_progress.progress("Reading the case", 0, 0);
        const core::CaseFile caseFile = core::CaseFile::open(path, core::CaseFile::OpenMode::ReadOnly);
        const std::vector<core::StateRow> states = caseFile.states();
        if (states.empty())
            throw core::InputError(path + ": the case holds no state; import one with blastline case import");
        m_inputs.state = caseFile.loadState(states.back().id);
        for (core::RecoveryPoint& point : caseFile.recoveryPoints())
            m_inputs.inventory.push_back(std::move(point));
        core::TrailFilter filter;
        filter.scope = core::TrailFilter::Scope::All;
        m_document.trail = std::make_shared<const core::Trail>(caseFile.loadTrail(filter));
        m_document.notes = caseFile.notes();
        m_document.casePath = path;
    }

    void readTrail()
    {
        importers::CloudTrailReadOptions options;
        options.filter.scope = core::TrailFilter::Scope::All;
        options.progress = &m_progress;
        m_document.trail =
            std::make_shared<const core::Trail>(importers::CloudTrailReader::read(m_trailPaths, options));
        if (m_document.title.empty())
            m_document.title = fileName(m_trailPaths.front());
    }

    core::ProgressSink& m_progress;
    Document m_document;
    core::WhatIfInputs m_inputs;
    std::optional<std::string> m_main;
    std::vector<std::string> m_trailPaths;
};

} // namespace

bool DocumentLoader::isCaseFile(const std::string& path)
{
    if (std::filesystem::path(path).extension() == ".blc")
        return true;
    std::ifstream file(path, std::ios::binary);
    char header[16] = {};
    file.read(header, sizeof header);
    return file.gcount() == sizeof header
        && std::string_view(header, sizeof header) == std::string_view("SQLite format 3\0", 16);
}

std::optional<core::EvidenceKind> DocumentLoader::recognize(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw core::InputError(path + ": no such file or folder");
    if (std::filesystem::is_regular_file(path) && isCaseFile(path))
        return std::nullopt;
    return importers::EvidenceRecognizer::recognize(path);
}

Document DocumentLoader::load(const std::vector<std::string>& paths, core::ProgressSink& progress)
{
    Builder builder(progress);
    for (const std::string& path : paths)
        builder.add(path);
    return builder.finish();
}

} // namespace blastline::gui
