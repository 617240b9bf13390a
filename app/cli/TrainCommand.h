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
 * `blastline train SCENARIO [--answers FILE] [--rules FILE]...`: a terminal exercise. It tells the story up to
 * each decision point, reads the trainee's choice (from the terminal, or from FILE: one `decision=option` per
 * line), replays the incident with every choice so far and shows what the engine computes, then scores the data
 * saved and the time to recover against what really happened.
 */
class TrainCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::istream& in, std::ostream& out, std::ostream& err) const;

private:
    std::string m_scenario;
    std::string m_answers;
    std::vector<std::string> m_ruleFiles;
};

} // namespace blastline::cli
