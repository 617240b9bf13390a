// SPDX-License-Identifier: MIT
#include "blastline/importers/ScenarioSession.h"

#include "blastline/core/UtcTime.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/CloudTrailReader.h"
#include "blastline/importers/PlanReader.h"
#include "blastline/importers/ScenarioReader.h"
#include "blastline/importers/StateReader.h"

#include <ostream>

namespace blastline::importers {

namespace {

core::DeletionCatalogue catalogueWith(const std::vector<std::string>& ruleFiles)
{
    core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    for (const std::string& file : ruleFiles)
        CatalogueReader::readFile(file, catalogue);
    return catalogue;
}

} // namespace

ScenarioSession::ScenarioSession(const std::string& scenarioPath, const std::vector<std::string>& ruleFiles)
    : m_scenario(ScenarioReader::readFile(scenarioPath))
    , m_rules(catalogueWith(ruleFiles))
{
    m_inputs.scenario = &m_scenario;
    for (const core::ScenarioEvidenceFile& state : m_scenario.evidence.states) {
        if (state.path) {
            m_inputs.states.emplace(state.id, StateReader::readFile(state.path->string()));
        } else {
            core::TerraformState empty; // a state the story needs that holds none of the evidence's resources
            empty.path = state.id;
            m_inputs.states.emplace(state.id, std::move(empty));
        }
    }
    for (const core::ScenarioEvidenceFile& plan : m_scenario.evidence.plans)
        m_inputs.plans.emplace(plan.id, PlanReader::readFile(plan.path->string()));
    std::vector<std::string> trailPaths;
    for (const core::ScenarioEvidenceFile& trail : m_scenario.evidence.trails) {
        if (trail.path)
            trailPaths.push_back(trail.path->string());
    }
    if (trailPaths.empty()) {
        m_trail.finish();
    } else {
        CloudTrailReadOptions options;
        options.filter.scope = core::TrailFilter::Scope::All;
        m_trail = CloudTrailReader::read(trailPaths, options);
    }
    m_inputs.trail = &m_trail;
    m_inputs.catalogue = &m_rules;
    m_inputs.asOf = core::UtcTime::format(m_scenario.metadata.incidentStart).substr(0, 10);
}

bool ScenarioSession::reportUnreadable(std::ostream& err) const
{
    for (const core::TrailInput& input : m_trail.inputs()) {
        if (!input.error.empty())
            err << "blastline: error: " << input.error << '\n';
        if (!input.warning.empty())
            err << "blastline: warning: " << input.warning << '\n';
    }
    return m_trail.hasUnreadableInputs();
}

} // namespace blastline::importers
