// SPDX-License-Identifier: MIT
#include "cli/DestroyCommand.h"

#include "cli/Cli.h"
#include "cli/TerminalProgress.h"
#include "cli/WhatIfOutput.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/IsoDate.h"
#include "blastline/core/WhatIfEngine.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/ConfigurationReader.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/StateReader.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace blastline::cli {

namespace {

std::string safeguardNames()
{
    std::string names;
    for (const auto safeguard : core::allSafeguards())
        names += std::string(names.empty() ? "" : ", ") + core::toString(safeguard);
    return names;
}

} // namespace

void DestroyCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("destroy",
        "Simulate `terraform destroy` on a state: what goes, in which order, "
        "what fails, and what it does to the data and its backups");
    command->add_option("STATE", m_statePath, "Terraform state (format 3 or 4) or `terraform show -json` output")
        ->required();
    command->add_option("--target", m_targets,
        "Destroy only this address and everything that depends on it (repeatable), as -target does");
    command->add_option("--parallelism", m_parallelism, "Concurrent operations, as terraform's -parallelism")
        ->check(CLI::Range(1, 1000));
    command->add_option("--config", m_configDir,
        "Terraform configuration folder: prevent_destroy, removed blocks, blocks gone from the code");
    command->add_option("--inventory", m_inventoryFiles,
        "AWS CLI JSON listing of backups outside the state (rds describe-db-snapshots, "
        "backup list-recovery-points-by-backup-vault, ...); repeatable");
    command->add_option("--assume", m_assumptions, "Run as if this safeguard were in place: " + safeguardNames());
    command->add_flag("--compare", m_compare, "Also run each safeguard alone and rank them by the data they save");
    command->add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
    command->add_option("--as-of", m_asOf, "The date the destroy is imagined on (YYYY-MM-DD; default today, UTC)");
    command->add_option("--aws-provider-version", m_awsProviderVersion,
        "The AWS provider version the destroy would run with (some behaviour depends on it)");
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));
}

int DestroyCommand::run(std::ostream& out, std::ostream& err) const
{
    core::WhatIfInputs inputs;
    inputs.destroyOptions.parallelism = m_parallelism;
    for (const auto& target : m_targets) {
        std::string error;
        auto address = core::ResourceAddress::parse(target, &error);
        if (!address)
            throw core::InputError("--target " + target + ": " + error);
        inputs.destroyOptions.targets.push_back(std::move(*address));
    }
    std::vector<core::Safeguard> safeguards;
    for (const auto& name : m_assumptions) {
        const auto safeguard = core::parseSafeguard(name);
        if (!safeguard)
            throw core::InputError("--assume " + name + ": not a safeguard; expected one of " + safeguardNames());
        safeguards.push_back(*safeguard);
    }
    if (!m_asOf.empty() && !core::IsoDate::isValid(m_asOf))
        throw core::InputError("--as-of " + m_asOf + ": expected a date as YYYY-MM-DD");
    const std::string asOf = m_asOf.empty() ? core::IsoDate::today() : m_asOf;
    inputs.asOf = asOf;
    if (!m_awsProviderVersion.empty())
        inputs.facts["aws_provider_version"] = core::AttributeValue::string(m_awsProviderVersion);

    // Everything is read and checked before anything is printed: a bad input leaves stdout empty.
    core::DeletionCatalogue catalogue = importers::CatalogueReader::builtin();
    for (const auto& file : m_ruleFiles)
        importers::CatalogueReader::readFile(file, catalogue);
    const core::CatalogueRules rules(catalogue);

    TerminalProgress progress;
    inputs.state = importers::StateReader::readFile(m_statePath, &progress);
    if (!m_configDir.empty())
        inputs.configuration = importers::ConfigurationReader::readDirectory(m_configDir);
    for (const auto& file : m_inventoryFiles) {
        auto inventory = importers::InventoryReader::readFile(file);
        for (const auto& warning : inventory.warnings)
            err << "blastline: " << file << ": " << warning << '\n';
        inputs.inventory.insert(inputs.inventory.end(), std::make_move_iterator(inventory.recoveryPoints.begin()),
            std::make_move_iterator(inventory.recoveryPoints.end()));
    }
    if (inputs.configuration) {
        for (const auto& warning : inputs.configuration->warnings)
            err << "blastline: " << m_configDir << ": " << warning << '\n';
    }

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

    if (m_format == "json")
        WhatIfOutput::writeJson(out, result, asOf, m_compare ? &comparison : nullptr);
    else
        WhatIfOutput::writeText(out, result, m_compare ? &comparison : nullptr, OutputStyle::forStdout());
    return ExitOk;
}

} // namespace blastline::cli
