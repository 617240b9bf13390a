// SPDX-License-Identifier: MIT
#include "cli/CheckCommand.h"

#include "cli/CheckMarkdown.h"
#include "cli/CheckOutput.h"
#include "cli/CheckRun.h"
#include "cli/Cli.h"
#include "cli/PlanSafeguards.h"
#include "cli/SarifOutput.h"
#include "cli/TerminalProgress.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/Gate.h"
#include "blastline/core/WhatIfEngine.h"
#include "blastline/importers/PlanReader.h"

#include <CLI/CLI.hpp>

#include <ostream>
#include <sstream>

namespace blastline::cli {

void CheckCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("check",
        "CI gate: judge what applying a plan (`terraform show -json PLANFILE`) does to the data; "
        "exit 1 when it reaches --fail-on");
    command->add_option("PLAN", m_planPath, "`terraform show -json PLANFILE` output")->required();
    m_inputs.registerWith(*command, AnalysisInputs::StateArgument::Option);
    command->add_option("--assume", m_assumptions,
        std::string("Judge as if this safeguard were in place: ").append(AnalysisInputs::safeguardNames()));
    command
        ->add_option("--fail-on", m_failOn,
            "The least that fails the gate: data-loss (a data store is lost; default), unknown, recoverable, "
            "any-delete")
        ->check(CLI::IsMember({"data-loss", "unknown", "recoverable", "any-delete"}));
    command->add_option("--format", m_format, "Output format")
        ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}));
}

int CheckCommand::run(std::ostream& out, std::ostream& err) const
{
    const auto failOn = core::parseFailOn(m_failOn);
    if (!failOn)
        throw core::InputError(std::string("--fail-on ")
                                   .append(m_failOn)
                                   .append(": expected data-loss, unknown, recoverable or any-delete"));
    const std::vector<core::Safeguard> safeguards = AnalysisInputs::parseSafeguards(m_assumptions);

    // Everything is read and checked before anything is printed: a bad input leaves stdout empty.
    const core::CatalogueRules rules(m_inputs.loadCatalogue());
    TerminalProgress progress;
    const core::TerraformPlan plan = importers::PlanReader::readFile(m_planPath, &progress);
    core::WhatIfInputs inputs = m_inputs.load(&progress, err);
    if (!m_inputs.hasStateFile()) {
        // The plan's prior_state is the state it starts from; a plan for an empty workspace has none, and then
        // the state of a --case, if any, is the best guess.
        if (plan.priorState)
            inputs.state = *plan.priorState;
        else if (inputs.state.instances.empty())
            inputs.state.path = plan.path;
    }

    const core::WhatIfResult result = core::WhatIfEngine::runPlan(plan, inputs, rules, safeguards, &progress);
    CheckRun run;
    run.plan = &plan;
    run.result = &result;
    run.configuration = inputs.configuration ? &*inputs.configuration : nullptr;
    run.asOf = inputs.asOf;
    run.failOn = *failOn;
    run.failed = core::failsGate(*failOn, result.analysis, result.simulation);

    // Only the reports for people name the safeguards; each costs one more run per safeguard.
    std::map<std::string, std::vector<Prevention>> preventions;
    if (m_format == "markdown" || m_format == "sarif")
        preventions = PlanSafeguards::compute(plan, inputs, rules, result, &progress);
    progress.clear();

    if (m_inputs.saving()) {
        std::ostringstream document;
        CheckOutput::writeJson(document, run);
        m_inputs.saveRun("check", "plan " + m_planPath + ", state " + inputs.state.path, m_assumptions, document.str());
    }
    if (m_format == "json")
        CheckOutput::writeJson(out, run);
    else if (m_format == "markdown")
        CheckMarkdown::write(out, run, run.findings(&preventions));
    else if (m_format == "sarif")
        SarifOutput::write(out, run, run.findings(&preventions));
    else
        CheckOutput::writeText(out, run, OutputStyle::forStdout());
    return run.failed ? ExitFindings : ExitOk;
}

} // namespace blastline::cli
