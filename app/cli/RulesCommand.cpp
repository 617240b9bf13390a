// SPDX-License-Identifier: MIT
#include "cli/RulesCommand.h"

#include "cli/Cli.h"

#include "blastline/core/DeletionCatalogue.h"
#include "blastline/importers/CatalogueReader.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace blastline::cli {

namespace {

std::string valueText(const core::AttributeValue& value)
{
    switch (value.kind) {
    case core::AttributeValue::Kind::Null:
        return "null";
    case core::AttributeValue::Kind::String:
        return "\"" + value.text + "\"";
    default:
        return value.text;
    }
}

/** Markdown table cells cannot hold a bare '|'. */
std::string cell(const std::string& text)
{
    std::string out;
    for (const char c : text)
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out.empty() ? "-" : out;
}

const char* effectName(core::CatalogueRecoveryPoint::Effect effect)
{
    switch (effect) {
    case core::CatalogueRecoveryPoint::Effect::Created:
        return "created";
    case core::CatalogueRecoveryPoint::Effect::Deleted:
        return "deleted";
    case core::CatalogueRecoveryPoint::Effect::Survives:
        return "survives";
    }
    return "";
}

void writeEntry(std::ostream& out, const core::CatalogueEntry& entry)
{
    out << "## `" << entry.type << "`\n\n" << entry.description << (entry.dataStore ? " — a data store." : ".") << '\n';
    if (!entry.aliases.empty()) {
        out << "Also: ";
        for (std::size_t i = 0; i < entry.aliases.size(); ++i)
            out << (i ? ", " : "") << '`' << entry.aliases[i] << '`';
        out << ".\n";
    }
    if (!entry.holdsDataWhen.empty())
        out << "Holds data when `" << entry.holdsDataWhen << "`.\n";
    out << '\n';
    if (!entry.documentation.empty()) {
        out << "Sources:\n";
        for (const auto& url : entry.documentation)
            out << "- " << url << '\n';
        out << '\n';
    }
    if (!entry.defaults.empty()) {
        out << "Defaults when the state lacks the attribute: ";
        bool first = true;
        for (const auto& [name, value] : entry.defaults) {
            out << (first ? "" : ", ") << '`' << name << " = " << valueText(value) << '`';
            first = false;
        }
        out << ".\n\n";
    }
    if (!entry.failures.empty()) {
        out << "| the delete fails when | with | source |\n|---|---|---|\n";
        for (const auto& failure : entry.failures)
            out << "| `" << cell(failure.when) << "` | " << cell(failure.error) << " | " << cell(failure.source)
                << " |\n";
        out << '\n';
    }
    if (!entry.recoveryPoints.empty()) {
        out << "| recovery point | on delete | when | kept for (days) | source |\n|---|---|---|---|---|\n";
        for (const auto& point : entry.recoveryPoints)
            out << "| " << cell(point.kind) << " | " << effectName(point.effect) << " | `" << cell(point.when) << "` | "
                << cell(point.retentionDays) << " | " << cell(point.source) << " |\n";
        out << '\n';
    }
    if (entry.managedRecoveryPoint)
        out << "Itself a recovery point (" << entry.managedRecoveryPoint->kind << ") of the data store named by `"
            << entry.managedRecoveryPoint->protectsAttribute << "`: a destroy of the same state deletes it.\n\n";
    if (!entry.safeguards.empty()) {
        out << "Safeguards: ";
        bool first = true;
        for (const auto& [name, settings] : entry.safeguards) {
            out << (first ? "" : "; ") << '`' << name << "` sets ";
            bool firstSetting = true;
            for (const auto& [attribute, value] : settings) {
                out << (firstSetting ? "" : ", ") << '`' << attribute << " = " << valueText(value) << '`';
                firstSetting = false;
            }
            first = false;
        }
        out << ".\n\n";
    }
    if (!entry.independentBackup.empty())
        out << "Independent backup (the `independent-backups` safeguard): " << entry.independentBackup << ".\n\n";
    for (const auto& caveat : entry.caveats)
        out << "> Caveat: " << caveat << '\n';
    if (!entry.caveats.empty())
        out << '\n';
}

} // namespace

void RulesCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("rules", "Print the deletion catalogue in force (docs/deletion-rules.md)");
    command->add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
    command->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"markdown"}));
}

int RulesCommand::run(std::ostream& out, std::ostream& /*err*/) const
{
    core::DeletionCatalogue catalogue = importers::CatalogueReader::builtin();
    for (const auto& file : m_ruleFiles)
        importers::CatalogueReader::readFile(file, catalogue);
    writeMarkdown(out, catalogue);
    return ExitOk;
}

void RulesCommand::writeMarkdown(std::ostream& out, const core::DeletionCatalogue& catalogue)
{
    out << "# Deletion rules\n\n"
           "What Blastline knows of how AWS and the Terraform AWS provider delete each resource type: when a\n"
           "delete fails and with which error, which recovery points it creates, destroys or leaves, and what\n"
           "each safeguard changes. Generated by `blastline rules` from `importers/rules/aws-deletion-catalogue.json`\n"
           "(a test keeps this file equal to that output). Conditions read the instance's values in the *state*\n"
           "(formats.md C.7); `$name` is a fact from outside the state, unknown unless an input supplies it.\n"
           "Types not listed here are deleted, treated as holding no data, and named in `unmodelled_types`.\n\n";
    for (const auto& entry : catalogue.entries())
        writeEntry(out, entry);
}

} // namespace blastline::cli
