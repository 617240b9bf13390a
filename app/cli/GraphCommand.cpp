// SPDX-License-Identifier: MIT
#include "cli/GraphCommand.h"

#include "cli/Cli.h"
#include "cli/JsonOutput.h"
#include "cli/TerminalProgress.h"
#include "cli/TextOutput.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/WhatIfEngine.h"
#include "blastline/report/GraphSvg.h"

#include <CLI/CLI.hpp>

namespace blastline::cli {

void GraphCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("graph",
        "Print the resource graph of a state with its recovery points (DOT as `terraform graph`, JSON, or SVG "
        "coloured by what a destroy does)");
    m_inputs.registerWith(*command);
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"dot", "json", "svg"}));
}

int GraphCommand::run(std::ostream& out, std::ostream& err) const
{
    const core::CatalogueRules rules(m_inputs.loadCatalogue());
    TerminalProgress progress;
    // Which recovery points a data store has, and what a destroy does to them, is the engine's to say.
    const core::WhatIfResult result = core::WhatIfEngine::runOnce(m_inputs.load(&progress, err), rules, {}, &progress);
    progress.clear();
    if (m_format == "json") {
        JsonOutput::writeGraph(out, *result.graph);
    } else if (m_format == "svg") {
        // The report's figure alone: the layout of core::LayeredLayout, each node coloured by its fate in a full
        // destroy, the data stores the engine judged marked.
        report::GraphFates fates = report::GraphFates::fromSimulation(result.simulation);
        for (const core::DataStoreResult& store : result.analysis.dataStores)
            fates.dataStores.insert(store.address);
        out << report::GraphSvg::render(*result.graph, fates, "Blast radius of a full destroy");
    } else {
        TextOutput::writeDot(out, *result.graph);
    }
    return ExitOk;
}

} // namespace blastline::cli
