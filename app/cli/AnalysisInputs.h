// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionCatalogue.h"
#include "blastline/core/WhatIfEngine.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::core {
class ProgressSink;
}

namespace blastline::cli {

/**
 * The inputs of every command that judges a state (destroy, graph, check): the state, and what else
 * is known of it — the configuration, backups outside the state, catalogue additions, the date.
 */
class AnalysisInputs
{
public:
    /** How the state is given: the positional STATE (destroy, graph), or `--state` beside a plan (check). */
    enum class StateArgument
    {
        Positional,
        Option
    };

    void registerWith(CLI::App& command, StateArgument stateArgument = StateArgument::Positional);
    /** The built-in catalogue with the --rules files applied. */
    core::DeletionCatalogue loadCatalogue() const;
    /**
     * Reads and checks everything (throws InputError naming the file and the place); warnings of the
     * readers go to `err`. Nothing is printed to stdout. Without a state path (an optional `--state`
     * not given) the state is left empty for the caller to fill.
     */
    core::WhatIfInputs load(core::ProgressSink* progress, std::ostream& err) const;
    /** The --as-of date, or today in UTC. */
    std::string asOf() const;
    /** Whether a state file was named (STATE or --state); a --case may supply one too (see load()). */
    bool hasStateFile() const { return !m_statePath.empty(); }
    /**
     * With `--save`: keeps this run in the case given by `--case` (kind "destroy", "check", ...; the result
     * document as the command would print it in JSON). Does nothing without `--save`.
     */
    void saveRun(const std::string& kind, const std::string& inputsDescription,
        const std::vector<std::string>& safeguards, const std::string& resultJson) const;
    bool saving() const { return m_save; }

    /** The --assume values as safeguards; throws InputError naming a value that is none. */
    static std::vector<core::Safeguard> parseSafeguards(const std::vector<std::string>& names);
    /** "deletion-protection, prevent-destroy, ..." for help texts and messages. */
    static std::string safeguardNames();

private:
    /** --case: the case's latest state (unless a STATE is given too) and its recovery points. */
    void loadFromCase(core::WhatIfInputs& inputs) const;

    StateArgument m_stateArgument = StateArgument::Positional;
    std::string m_statePath;
    std::string m_casePath;
    bool m_save = false;
    std::string m_configDir;
    std::vector<std::string> m_inventoryFiles;
    std::vector<std::string> m_ruleFiles;
    std::string m_asOf;
    std::string m_awsProviderVersion;
};

} // namespace blastline::cli
