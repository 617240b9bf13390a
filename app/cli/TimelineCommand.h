// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/importers/CloudTrailReader.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace blastline::cli {

/**
 * `blastline timeline (TRAIL... | --case CASE) [--state S]... [--from T] [--to T] [--only destructive|writes|all]
 *  [--principal P] [--format text|json|jsonl|csv|timesketch] [--records] [--threads N] [--max-file-size MIB]
 *  [--max-inflation-ratio N]
 *  [--save]`
 */
class TimelineCommand
{
public:
    void registerWith(CLI::App& app);
    int run(std::ostream& out, std::ostream& err) const;

private:
    std::vector<std::string> m_trails;
    std::vector<std::string> m_states;
    std::string m_from;
    std::string m_to;
    std::string m_only = "writes";
    std::string m_principal;
    std::string m_format = "text";
    bool m_records = false;
    unsigned m_threads = 0;
    std::uint64_t m_maxFileMiB = 1024;
    std::uint64_t m_maxInflationRatio = importers::CloudTrailReadOptions {}.maxInflationRatio;
    std::string m_case;
    bool m_save = false;
};

} // namespace blastline::cli
