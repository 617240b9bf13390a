// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::cli {

/** `blastline destroy STATE [--target ADDR]... [--parallelism N] [--format text|json]` */
class DestroyCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    std::string m_statePath;
    std::vector<std::string> m_targets;
    int m_parallelism = 10;
    std::string m_format = "text";
};

} // namespace blastline::cli
