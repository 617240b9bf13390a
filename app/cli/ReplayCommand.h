// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::cli {

/** `blastline replay SCENARIO [--at TIME] [--assume S]... [--rules FILE]... [--format text|json]` */
class ReplayCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    std::string m_scenario;
    std::string m_at;
    std::vector<std::string> m_assumptions;
    std::vector<std::string> m_ruleFiles;
    std::string m_format = "text";
};

} // namespace blastline::cli
