// SPDX-License-Identifier: MIT
#include "CliTestSupport.h"

#include "cli/Cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace blastline::test {

CliRun runInProcess(std::vector<std::string> args)
{
    args.insert(args.begin(), "blastline");
    std::vector<const char*> argv;
    for (const auto& arg : args)
        argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream err;
    CliRun run;
    run.exitCode = blastline::cli::runCli(static_cast<int>(argv.size()), argv.data(), out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::string normalised(std::string text)
{
    for (std::size_t at = text.find(kSourceDir); at != std::string::npos; at = text.find(kSourceDir, at))
        text.replace(at, kSourceDir.size(), "<source>");
    return text;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void expectMatchesGolden(const std::string& actual, const std::string& goldenName)
{
    const auto goldenPath = std::filesystem::path(kSourceDir) / "tests" / "golden" / goldenName;
    const char* update = std::getenv("BLASTLINE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(goldenPath, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << goldenPath;
    }
    ASSERT_TRUE(std::filesystem::exists(goldenPath)) << goldenPath << " is missing; run with BLASTLINE_UPDATE_GOLDEN=1";
    // Compared as parsed JSON; a difference is reported as a JSON patch from the golden file to the output.
    const auto expected = nlohmann::json::parse(readFile(goldenPath));
    const auto got = nlohmann::json::parse(actual);
    EXPECT_TRUE(got == expected) << goldenName << " differs (BLASTLINE_UPDATE_GOLDEN=1 rewrites it): "
                                 << nlohmann::json::diff(expected, got).dump().substr(0, 2000);
}

std::string sample(const std::string& relative)
{
    return kSourceDir + "/sample-data/" + relative;
}

} // namespace blastline::test
