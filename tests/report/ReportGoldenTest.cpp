// SPDX-License-Identifier: MIT
// Golden reports of the sample scenarios, Markdown and HTML, with the generation date fixed (kFixedDate), so that a
// change of wording, ranking or figures is seen in review. To regenerate them after an intended change:
//   BLASTLINE_UPDATE_GOLDEN=1 build/dev/tests/report/report_tests --gtest_filter='Golden*'
// then read the diff of tests/report/golden/ before committing it.
#include "ReportTestSupport.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ostream>

namespace blastline::test {
namespace {

const std::filesystem::path kGoldenDir = kSourceDir / "tests" / "report" / "golden";

struct GoldenCase
{
    std::string scenario;
    std::string format; // "md" or "html"
};

void PrintTo(const GoldenCase& row, std::ostream* out)
{
    *out << row.scenario << "." << row.format;
}

class GoldenReport : public ::testing::TestWithParam<GoldenCase>
{ };

TEST_P(GoldenReport, matchesTheGoldenFile)
{
    const GoldenCase& row = GetParam();
    const report::ReportModel model = scenarioReport(row.scenario);
    const std::string actual = row.format == "html" ? htmlOf(model) : markdownOf(model);
    ASSERT_NE(actual.find(kFixedDate), std::string::npos) << "the date is fixed, not today's";
    const std::filesystem::path golden = kGoldenDir / (row.scenario + "." + row.format);
    if (std::getenv("BLASTLINE_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(kGoldenDir);
        writeText(golden, actual);
        GTEST_SKIP() << "rewrote " << golden;
    }
    ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing; run with BLASTLINE_UPDATE_GOLDEN=1";
    const std::string expected = readText(golden);
    if (actual == expected)
        return;
    // Name the first differing line rather than print two 200 KB documents.
    std::size_t line = 1;
    std::size_t at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) {
        if (actual[at] == '\n')
            ++line;
        ++at;
    }
    const auto lineAt = [](const std::string& text, std::size_t offset) {
        const std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
        const std::size_t from = start == std::string::npos ? 0 : start + 1;
        return text.substr(from, text.find('\n', from) - from);
    };
    FAIL() << golden << " differs at line " << line << "\n  expected: " << lineAt(expected, at)
           << "\n  actual:   " << lineAt(actual, at);
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenReport,
    ::testing::Values(GoldenCase {"datatalks-2026", "md"}, GoldenCase {"datatalks-2026", "html"},
        GoldenCase {"rds-rename", "md"}, GoldenCase {"rds-rename", "html"}, GoldenCase {"codespaces-2014", "md"},
        GoldenCase {"codespaces-2014", "html"}),
    [](const ::testing::TestParamInfo<GoldenCase>& row) {
        std::string name = row.param.scenario + "_" + row.param.format;
        for (char& c : name) {
            if (!std::isalnum(static_cast<unsigned char>(c)))
                c = '_';
        }
        return name;
    });

} // namespace
} // namespace blastline::test
