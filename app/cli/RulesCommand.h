// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::core {
class DeletionCatalogue;
}

namespace blastline::cli {

/**
 * `blastline rules [--rules FILE]... [--format markdown]`: the deletion catalogue in force, every entry
 * with its sources. docs/deletion-rules.md is this command's output (a test keeps the two equal).
 */
class RulesCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;
    static void writeMarkdown(std::ostream& out, const core::DeletionCatalogue& catalogue);

private:
    std::vector<std::string> m_ruleFiles;
    std::string m_format = "markdown";
};

} // namespace blastline::cli
