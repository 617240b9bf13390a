// SPDX-License-Identifier: MIT
#include "cli/GraphCommand.h"

#include "cli/Cli.h"
#include "cli/JsonOutput.h"
#include "cli/TerminalProgress.h"
#include "cli/TextOutput.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/WhatIfEngine.h"

#include <CLI/CLI.hpp>

namespace blastline::cli {

void GraphCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand(
        "graph", "Print the resource graph of a state with its recovery points (DOT as `terraform graph`, or JSON)");
    m_inputs.registerWith(*command);
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"dot", "json"}));
}

int GraphCommand::run(std::ostream& out, std::ostream& err) const
{
    const core::CatalogueRules rules(m_inputs.loadCatalogue());
    TerminalProgress progress;
    // Which recovery points a data store has, and what a destroy does to them, is the engine's to say.
    const core::WhatIfResult result = core::WhatIfEngine::runOnce(m_inputs.load(&progress, err), rules, {}, &progress);
    progress.clear();
    if (m_format == "json")
        JsonOutput::writeGraph(out, *result.graph);
    else
        TextOutput::writeDot(out, *result.graph);
    return ExitOk;
}

} // namespace blastline::cli
