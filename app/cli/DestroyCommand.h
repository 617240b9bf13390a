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
 * `blastline destroy STATE [--target ADDR]... [--parallelism N] [--config DIR] [--inventory FILE]...
 *  [--assume SAFEGUARD]... [--compare] [--rules FILE]... [--as-of DATE] [--aws-provider-version V]
 *  [--format text|json]`
 */
class DestroyCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    AnalysisInputs m_inputs;
    std::vector<std::string> m_targets;
    int m_parallelism = 10;
    std::vector<std::string> m_assumptions;
    bool m_compare = false;
    bool m_caveats = false;
    std::string m_format = "text";
};

} // namespace blastline::cli
