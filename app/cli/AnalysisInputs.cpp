// SPDX-License-Identifier: MIT
#include "cli/AnalysisInputs.h"

#include "blastline/core/Error.h"
#include "blastline/core/IsoDate.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/ConfigurationReader.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/StateReader.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace blastline::cli {

void AnalysisInputs::registerWith(CLI::App& command)
{
    command.add_option("STATE", m_statePath, "Terraform state (format 3 or 4) or `terraform show -json` output")
        ->required();
    command.add_option("--config", m_configDir,
        "Terraform configuration folder: prevent_destroy, removed blocks, blocks gone from the code");
    command.add_option("--inventory", m_inventoryFiles,
        "AWS CLI JSON listing of backups outside the state (rds describe-db-snapshots, "
        "backup list-recovery-points-by-backup-vault, ...); repeatable");
    command.add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
    command.add_option("--as-of", m_asOf, "The date the destroy is imagined on (YYYY-MM-DD; default today, UTC)");
    command.add_option("--aws-provider-version", m_awsProviderVersion,
        "The AWS provider version the destroy would run with (some behaviour depends on it)");
}

core::DeletionCatalogue AnalysisInputs::loadCatalogue() const
{
    core::DeletionCatalogue catalogue = importers::CatalogueReader::builtin();
    for (const auto& file : m_ruleFiles)
        importers::CatalogueReader::readFile(file, catalogue);
    return catalogue;
}

std::string AnalysisInputs::asOf() const
{
    return m_asOf.empty() ? core::IsoDate::today() : m_asOf;
}

core::WhatIfInputs AnalysisInputs::load(core::ProgressSink* progress, std::ostream& err) const
{
    if (!m_asOf.empty() && !core::IsoDate::isValid(m_asOf))
        throw core::InputError("--as-of " + m_asOf + ": expected a date as YYYY-MM-DD");
    core::WhatIfInputs inputs;
    inputs.asOf = asOf();
    if (!m_awsProviderVersion.empty())
        inputs.facts["aws_provider_version"] = core::AttributeValue::string(m_awsProviderVersion);
    inputs.state = importers::StateReader::readFile(m_statePath, progress);
    if (!m_configDir.empty()) {
        inputs.configuration = importers::ConfigurationReader::readDirectory(m_configDir);
        for (const auto& warning : inputs.configuration->warnings)
            err << "blastline: " << m_configDir << ": " << warning << '\n';
    }
    for (const auto& file : m_inventoryFiles) {
        auto inventory = importers::InventoryReader::readFile(file);
        for (const auto& warning : inventory.warnings)
            err << "blastline: " << file << ": " << warning << '\n';
        inputs.inventory.insert(inputs.inventory.end(), std::make_move_iterator(inventory.recoveryPoints.begin()),
            std::make_move_iterator(inventory.recoveryPoints.end()));
    }
    return inputs;
}

} // namespace blastline::cli
