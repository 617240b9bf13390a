// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace blastline::cli {

/** `blastline graph STATE --format dot|json` */
class GraphCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    std::string m_statePath;
    std::string m_format = "dot";
};

} // namespace blastline::cli
