// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseRecords.h"
#include "blastline/core/CatalogueRules.h"
#include "blastline/core/TerraformPlan.h"
#include "blastline/core/Trail.h"
#include "blastline/core/WhatIfEngine.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace blastline::importers {
class ScenarioSession;
}

namespace blastline::gui {

/**
 * Everything the window shows comes from one document: what was opened, read once by DocumentLoader off the GUI
 * thread, and never changed afterwards (runs under other safeguards read it, they do not modify it).
 */
struct Document
{
    enum class Kind
    {
        Scenario, // a scenario folder or scenario.json: ReplayEngine
        State, // a state (or a case's latest state): WhatIfEngine, a full destroy
        Plan, // a plan: WhatIfEngine::runPlan
        Trail // CloudTrail alone: a timeline, nothing to simulate
    };

    Kind kind = Kind::State;
    /** What was opened, as given: reopening these paths rebuilds the document. */
    std::vector<std::string> paths;
    /** The window's title: the scenario's title, or the main file's name. */
    std::string title;

    std::shared_ptr<const importers::ScenarioSession> scenario; // Kind::Scenario
    std::shared_ptr<const core::WhatIfInputs> whatIfInputs; // State and Plan
    std::shared_ptr<const core::TerraformPlan> plan; // Plan
    /** The built-in deletion catalogue: what runs judge with, and which resources hold data. */
    std::shared_ptr<const core::CatalogueRules> catalogue;

    /** The trail's events, finished (the scenario's, the case's, or the files opened); may be empty. */
    std::shared_ptr<const core::Trail> trail;
    /** Notes of a case file (a case may anchor them to a resource or an instant). */
    std::vector<core::NoteRow> notes;
    /** The case file a State came from, if any. */
    std::string casePath;

    /** Whether runs accept the process safeguards (remote-state, approval-gate, separate-state). */
    bool hasProcessSafeguards() const { return kind == Kind::Scenario; }
    /** Whether there is anything for an engine to run (a trail alone has nothing). */
    bool isSimulated() const { return kind != Kind::Trail; }
};

} // namespace blastline::gui
