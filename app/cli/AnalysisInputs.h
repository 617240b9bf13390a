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
 * The inputs of every command that judges a state (destroy, graph): the state, and what else is
 * known of it — the configuration, backups outside the state, catalogue additions, the date.
 */
class AnalysisInputs
{
public:
    void registerWith(CLI::App& command);
    /** The built-in catalogue with the --rules files applied. */
    core::DeletionCatalogue loadCatalogue() const;
    /**
     * Reads and checks everything (throws InputError naming the file and the place); warnings of the
     * readers go to `err`. Nothing is printed to stdout.
     */
    core::WhatIfInputs load(core::ProgressSink* progress, std::ostream& err) const;
    /** The --as-of date, or today in UTC. */
    std::string asOf() const;

private:
    std::string m_statePath;
    std::string m_configDir;
    std::vector<std::string> m_inventoryFiles;
    std::vector<std::string> m_ruleFiles;
    std::string m_asOf;
    std::string m_awsProviderVersion;
};

} // namespace blastline::cli
