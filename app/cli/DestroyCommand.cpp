// SPDX-License-Identifier: MIT
#include "cli/DestroyCommand.h"

#include "cli/Cli.h"
#include "cli/JsonOutput.h"
#include "cli/StateLoading.h"
#include "cli/TerminalProgress.h"
#include "cli/TextOutput.h"

#include "blastline/core/DestroySimulator.h"
#include "blastline/core/Error.h"

#include <CLI/CLI.hpp>

namespace blastline::cli {

void DestroyCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("destroy",
        "Simulate `terraform destroy` on a state: what goes, in which order, "
        "what fails and what is skipped");
    command->add_option("STATE", m_statePath, "Terraform state (format 3 or 4) or `terraform show -json` output")
        ->required();
    command->add_option("--target", m_targets,
        "Destroy only this address and everything that depends on it (repeatable), as -target does");
    command->add_option("--parallelism", m_parallelism, "Concurrent operations, as terraform's -parallelism")
        ->check(CLI::Range(1, 1000));
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));
}

int DestroyCommand::run(std::ostream& out, std::ostream& /*err*/) const
{
    core::DestroyOptions options;
    options.parallelism = m_parallelism;
    for (const auto& target : m_targets) {
        std::string error;
        auto address = core::ResourceAddress::parse(target, &error);
        if (!address)
            throw core::InputError("--target " + target + ": " + error);
        options.targets.push_back(std::move(*address));
    }

    TerminalProgress progress;
    const core::ResourceGraph graph = loadStateGraph(m_statePath, &progress);
    const core::DeletionRules rules = core::DeletionRules::builtin();
    const core::DestroySimulation simulation = core::DestroySimulator(rules).run(graph, options, &progress);
    progress.clear();

    if (m_format == "json")
        JsonOutput::writeSimulation(out, graph, simulation);
    else
        TextOutput::writeSimulation(out, graph, simulation, OutputStyle::forStdout());
    return ExitOk;
}

} // namespace blastline::cli
