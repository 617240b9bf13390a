// SPDX-License-Identifier: MIT
#include "cli/AnalysisInputs.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/IsoDate.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/ConfigurationReader.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/StateReader.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace blastline::cli {

void AnalysisInputs::registerWith(CLI::App& command, StateArgument stateArgument)
{
    m_stateArgument = stateArgument;
    if (stateArgument == StateArgument::Positional)
        command.add_option("STATE", m_statePath,
            "Terraform state (format 3 or 4) or `terraform show -json` output; may be left out with --case");
    else
        command.add_option("--state", m_statePath,
            "The state the plan starts from (format 3 or 4, or `terraform show -json`); default: the "
            "plan's prior_state");
    command.add_option("--config", m_configDir,
        "Terraform configuration folder: prevent_destroy, removed blocks, blocks gone from the code");
    command.add_option("--inventory", m_inventoryFiles,
        "AWS CLI JSON listing of backups outside the state (rds describe-db-snapshots, "
        "backup list-recovery-points-by-backup-vault, ...); repeatable");
    command.add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
    command.add_option("--as-of", m_asOf,
        "The date the run is imagined on (YYYY-MM-DD; default today, UTC): retention windows count from it");
    command.add_option("--case", m_casePath,
        "A case file (blastline case import): its latest state, unless a state is given, and its backups");
    command.add_flag("--save", m_save, "Keep this run, its inputs and its result in the --case file");
    command.add_option("--aws-provider-version", m_awsProviderVersion,
        "The AWS provider version the run would use (some deletes depend on it); default: the lock file in --config");
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

std::string AnalysisInputs::safeguardNames()
{
    std::string names;
    for (const auto safeguard : core::allSafeguards())
        names.append(names.empty() ? "" : ", ").append(core::toString(safeguard));
    return names;
}

std::vector<core::Safeguard> AnalysisInputs::parseSafeguards(const std::vector<std::string>& names)
{
    std::vector<core::Safeguard> safeguards;
    for (const auto& name : names) {
        const auto safeguard = core::parseSafeguard(name);
        if (!safeguard)
            throw core::InputError("--assume " + name + ": not a safeguard; expected one of " + safeguardNames());
        safeguards.push_back(*safeguard);
    }
    return safeguards;
}

core::WhatIfInputs AnalysisInputs::load(core::ProgressSink* progress, std::ostream& err) const
{
    if (!m_asOf.empty() && !core::IsoDate::isValid(m_asOf))
        throw core::InputError("--as-of " + m_asOf + ": expected a date as YYYY-MM-DD");
    core::WhatIfInputs inputs;
    inputs.asOf = asOf();
    if (!m_awsProviderVersion.empty())
        inputs.facts["aws_provider_version"] = core::AttributeValue::string(m_awsProviderVersion);
    if (m_stateArgument == StateArgument::Positional && m_statePath.empty() && m_casePath.empty())
        throw core::InputError("give a STATE file, or --case CASE to use the state a case holds");
    if (m_save && m_casePath.empty())
        throw core::InputError("--save needs --case CASE: the run is kept in a case file");
    if (!m_statePath.empty())
        inputs.state = importers::StateReader::readFile(m_statePath, progress);
    if (!m_casePath.empty())
        loadFromCase(inputs);
    if (!m_configDir.empty()) {
        inputs.configuration = importers::ConfigurationReader::readDirectory(m_configDir);
        for (const auto& warning : inputs.configuration->warnings)
            err << "blastline: " << m_configDir << ": " << warning << '\n';
        // The lock file says which AWS provider the run would use, unless the user said otherwise.
        for (const char* source : {"registry.terraform.io/hashicorp/aws", "registry.opentofu.org/hashicorp/aws"}) {
            const auto locked = inputs.configuration->providerVersions.find(source);
            if (m_awsProviderVersion.empty() && locked != inputs.configuration->providerVersions.end())
                inputs.facts["aws_provider_version"] = core::AttributeValue::string(locked->second);
        }
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

void AnalysisInputs::loadFromCase(core::WhatIfInputs& inputs) const
{
    const core::CaseFile caseFile = core::CaseFile::open(m_casePath, core::CaseFile::OpenMode::ReadOnly);
    if (m_statePath.empty()) {
        const std::vector<core::StateRow> states = caseFile.states();
        if (states.empty())
            throw core::InputError(m_casePath + ": the case holds no state; import one with blastline case import");
        inputs.state = caseFile.loadState(states.back().id);
    }
    for (core::RecoveryPoint& point : caseFile.recoveryPoints())
        inputs.inventory.push_back(std::move(point));
}

void AnalysisInputs::saveRun(const std::string& kind, const std::string& inputsDescription,
    const std::vector<std::string>& safeguards, const std::string& resultJson) const
{
    if (!m_save)
        return;
    core::CaseFile caseFile = core::CaseFile::open(m_casePath, core::CaseFile::OpenMode::MustExist);
    core::SimulationInput simulation;
    simulation.kind = kind;
    simulation.inputs = inputsDescription;
    for (const std::string& safeguard : safeguards)
        simulation.safeguards += (simulation.safeguards.empty() ? "" : ", ") + safeguard;
    simulation.result = resultJson;
    simulation.blastlineVersion = BLASTLINE_VERSION;
    caseFile.addSimulation(simulation);
}

} // namespace blastline::cli
