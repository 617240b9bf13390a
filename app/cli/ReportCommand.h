// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::cli {

/**
 * `blastline report (CASE | SCENARIO) [--assume S]... [--tz ZONE] [--rules FILE]... --format markdown|html -o OUT`:
 * the postmortem of an incident scenario or of a case file (app/report), written atomically to OUT.
 */
class ReportCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

    /**
     * Writes `content` to `path` through a temporary file in the same folder and a rename, so that `path` is either
     * its old self or the whole new report, never half of one. Throws InputError when the folder cannot be written.
     */
    static void writeAtomically(const std::string& path, const std::string& content);

private:
    std::string m_input;
    std::vector<std::string> m_assumptions;
    std::vector<std::string> m_ruleFiles;
    std::string m_timeZone;
    std::string m_format = "markdown";
    std::string m_output;
};

} // namespace blastline::cli
