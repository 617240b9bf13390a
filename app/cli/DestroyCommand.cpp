// SPDX-License-Identifier: MIT
#include "cli/DestroyCommand.h"

#include "cli/Cli.h"
#include "cli/TerminalProgress.h"
#include "cli/WhatIfOutput.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/WhatIfEngine.h"

#include <CLI/CLI.hpp>

#include <ostream>
#include <sstream>

namespace blastline::cli {

void DestroyCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("destroy",
        "Simulate `terraform destroy` on a state: what goes, in which order, "
        "what fails, and what it does to the data and its backups");
    m_inputs.registerWith(*command);
    command->add_option("--target", m_targets,
        "Destroy only this address and everything that depends on it (repeatable), as -target does");
    command->add_option("--parallelism", m_parallelism, "Concurrent operations, as terraform's -parallelism")
        ->check(CLI::Range(1, 1000));
    command->add_option(
        "--assume", m_assumptions, "Run as if this safeguard were in place: " + AnalysisInputs::safeguardNames());
    command->add_flag("--compare", m_compare, "Also run each safeguard alone and rank them by the data they save");
    command->add_flag("--caveats", m_caveats,
        "In the text report, list what the catalogue cannot know about the data "
        "stores at stake (the JSON always has it)");
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));
}

int DestroyCommand::run(std::ostream& out, std::ostream& err) const
{
    std::vector<core::ResourceAddress> targets;
    for (const auto& target : m_targets) {
        std::string error;
        auto address = core::ResourceAddress::parse(target, &error);
        if (!address)
            throw core::InputError("--target " + target + ": " + error);
        targets.push_back(std::move(*address));
    }
    const std::vector<core::Safeguard> safeguards = AnalysisInputs::parseSafeguards(m_assumptions);

    // Everything is read and checked before anything is printed: a bad input leaves stdout empty.
    const core::CatalogueRules rules(m_inputs.loadCatalogue());
    TerminalProgress progress;
    core::WhatIfInputs inputs = m_inputs.load(&progress, err);
    inputs.destroyOptions.parallelism = m_parallelism;
    inputs.destroyOptions.targets = std::move(targets);
    const std::string asOf = inputs.asOf;
    const std::string statePath = inputs.state.path;

    std::vector<core::SafeguardComparison> comparison;
    core::WhatIfResult result;
    if (m_compare) {
        const core::WhatIfEngine engine(inputs, rules);
        result = engine.run(safeguards, &progress);
        comparison = engine.compare(result, &progress);
    } else {
        result = core::WhatIfEngine::runOnce(std::move(inputs), rules, safeguards, &progress);
    }
    progress.clear();

    if (m_inputs.saving()) {
        std::ostringstream document;
        WhatIfOutput::writeJson(document, result, asOf, m_compare ? &comparison : nullptr);
        m_inputs.saveRun("destroy", "state " + statePath, m_assumptions, document.str());
    }
    if (m_format == "json")
        WhatIfOutput::writeJson(out, result, asOf, m_compare ? &comparison : nullptr);
    else
        WhatIfOutput::writeText(out, result, m_compare ? &comparison : nullptr, OutputStyle::forStdout(), m_caveats);
    return ExitOk;
}

} // namespace blastline::cli
