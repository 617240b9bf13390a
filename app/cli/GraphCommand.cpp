// SPDX-License-Identifier: MIT
#include "cli/GraphCommand.h"

#include "cli/Cli.h"
#include "cli/JsonOutput.h"
#include "cli/StateLoading.h"
#include "cli/TerminalProgress.h"
#include "cli/TextOutput.h"

#include <CLI/CLI.hpp>

namespace blastline::cli {

void GraphCommand::registerWith(CLI::App& app)
{
    auto* command =
        app.add_subcommand("graph", "Print the resource graph of a state (DOT as `terraform graph`, or JSON)");
    command->add_option("STATE", m_statePath, "Terraform state (format 3 or 4) or `terraform show -json` output")
        ->required();
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"dot", "json"}));
}

int GraphCommand::run(std::ostream& out, std::ostream& /*err*/) const
{
    TerminalProgress progress;
    const core::ResourceGraph graph = loadStateGraph(m_statePath, &progress);
    progress.clear();
    if (m_format == "json")
        JsonOutput::writeGraph(out, graph);
    else
        TextOutput::writeDot(out, graph);
    return ExitOk;
}

} // namespace blastline::cli
