// SPDX-License-Identifier: MIT
#pragma once

#include "cli/AnalysisInputs.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::cli {

/**
 * `blastline check PLAN [--state S] [--config DIR] [--inventory F]... [--assume S]...
 *  [--format text|json|markdown|sarif] [--fail-on data-loss|unknown|recoverable|any-delete]`:
 * the CI gate. Exit 0 when the plan passes, 1 (ExitFindings) when it reaches the threshold.
 */
class CheckCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    std::string m_planPath;
    AnalysisInputs m_inputs;
    std::vector<std::string> m_assumptions;
    std::string m_failOn = "data-loss";
    std::string m_format = "text";
};

} // namespace blastline::cli
