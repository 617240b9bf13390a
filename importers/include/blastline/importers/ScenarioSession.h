// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/ReplayEngine.h"
#include "blastline/core/Scenario.h"
#include "blastline/core/Trail.h"

#include <string>
#include <vector>

namespace blastline::importers {

/**
 * A scenario with its evidence read (states, trails) and the deletion catalogue: what `replay` and `train` run the
 * replay engine on. Holds what the engine's inputs point at, so it is neither copied nor moved.
 */
class ScenarioSession
{
public:
    /** Reads the scenario (a folder or its scenario.json), its states and trails, and the catalogue with `ruleFiles`.
     */
    ScenarioSession(const std::string& scenarioPath, const std::vector<std::string>& ruleFiles);
    ScenarioSession(const ScenarioSession&) = delete;
    ScenarioSession& operator=(const ScenarioSession&) = delete;

    const core::Scenario& scenario() const { return m_scenario; }
    const core::Trail& trail() const { return m_trail; }
    core::ReplayEngine engine() const { return core::ReplayEngine(m_inputs); }
    /** Names every trail file that could not be read (stderr) and says whether any could not. */
    bool reportUnreadable(std::ostream& err) const;

private:
    core::Scenario m_scenario;
    core::CatalogueRules m_rules;
    core::Trail m_trail;
    core::ReplayInputs m_inputs;
};

} // namespace blastline::importers
