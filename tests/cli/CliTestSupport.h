// SPDX-License-Identifier: MIT
// Helpers shared by the CLI tests: run the command line in process, compare with golden files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace blastline::test {

inline const std::string kSourceDir = BLASTLINE_SOURCE_DIR;

struct CliRun
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

/** Runs `blastline ARGS...` in this process, capturing what it prints. */
CliRun runInProcess(std::vector<std::string> args);
/** Paths in outputs depend on where the checkout lies; the golden files hold "<source>" instead. */
std::string normalised(std::string text);
std::string readFile(const std::filesystem::path& path);
/** Compares JSON with tests/golden/NAME as parsed JSON; BLASTLINE_UPDATE_GOLDEN=1 rewrites the file. */
void expectMatchesGolden(const std::string& actual, const std::string& goldenName);
/** A file of sample-data/. */
std::string sample(const std::string& relative);

} // namespace blastline::test
