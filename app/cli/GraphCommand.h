// SPDX-License-Identifier: MIT
#pragma once

#include "cli/AnalysisInputs.h"

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace blastline::cli {

/**
 * `blastline graph STATE [--inventory FILE]... [--format dot|json|svg]`: the resource graph, with each
 * data store's recovery points as nodes (their fates are those of a full destroy).
 */
class GraphCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    AnalysisInputs m_inputs;
    std::string m_format = "dot";
};

} // namespace blastline::cli
