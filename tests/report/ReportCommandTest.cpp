// SPDX-License-Identifier: MIT
// `blastline report` and `blastline graph --format svg` from the command line: exit codes as docs/cli.md says, the
// time zone checked before any work, and the output written whole or not at all.
#include "ReportTestSupport.h"
#include "TemporaryDirectory.h"
#include "cli/Cli.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace blastline::test {
namespace {

using blastline::testing::TemporaryDirectory;

struct CommandRun
{
    int code = -1;
    std::string out;
    std::string err;
};

CommandRun blastline(const std::vector<std::string>& args)
{
    std::vector<const char*> argv {"blastline"};
    for (const std::string& arg : args)
        argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream err;
    CommandRun run;
    run.code = cli::runCli(static_cast<int>(argv.size()), argv.data(), out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::vector<std::string> filesIn(const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(ReportCommand, writesTheHtmlReportOfAScenario)
{
    TemporaryDirectory folder;
    const std::filesystem::path output = folder.path() / "r.html";
    const CommandRun run = blastline({"report", sampleScenario("datatalks-2026").string(), "--format", "html", "--tz",
        "Europe/Berlin", "-o", output.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string html = readText(output);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("2026-02-26 23:02:04 CET"), std::string::npos);
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org")) << "nothing is fetched: only namespaces";
    EXPECT_EQ(filesIn(folder.path()), std::vector<std::string> {"r.html"}) << "no temporary file is left";
}

TEST(ReportCommand, anUnknownZoneIsBadInputAndWritesNothing)
{
    TemporaryDirectory folder;
    const std::filesystem::path output = folder.path() / "r.md";
    for (const char* zone : {"Mars/Olympus_Mons", "../../etc/passwd", "/etc/localtime"}) {
        const CommandRun run =
            blastline({"report", sampleScenario("rds-rename").string(), "--tz", zone, "-o", output.string()});
        EXPECT_EQ(run.code, 2) << zone;
        EXPECT_NE(run.err.find("unknown time zone"), std::string::npos) << run.err;
    }
    EXPECT_TRUE(filesIn(folder.path()).empty());
}

TEST(ReportCommand, badInputLeavesTheOldReportWhole)
{
    TemporaryDirectory folder;
    const std::filesystem::path output = folder.write("r.md", "the previous report\n");
    const CommandRun missing =
        blastline({"report", (folder.path() / "no-such-scenario").string(), "-o", output.string()});
    EXPECT_EQ(missing.code, 2) << missing.err;
    const CommandRun badSafeguard =
        blastline({"report", sampleScenario("rds-rename").string(), "--assume", "hope", "-o", output.string()});
    EXPECT_EQ(badSafeguard.code, 2);
    EXPECT_NE(badSafeguard.err.find("not a safeguard"), std::string::npos);
    const CommandRun badFormat =
        blastline({"report", sampleScenario("rds-rename").string(), "--format", "pdf", "-o", output.string()});
    EXPECT_EQ(badFormat.code, 2);
    EXPECT_EQ(readText(output), "the previous report\n");
    EXPECT_EQ(filesIn(folder.path()), std::vector<std::string> {"r.md"});
}

TEST(ReportCommand, replacesAnExistingReportAtomically)
{
    TemporaryDirectory folder;
    const std::filesystem::path output = folder.write("r.md", "old\n");
    const CommandRun run = blastline({"report", sampleScenario("rds-rename").string(), "-o", output.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string markdown = readText(output);
    EXPECT_EQ(markdown.rfind("# Postmortem: ", 0), 0u);
    EXPECT_EQ(filesIn(folder.path()), std::vector<std::string> {"r.md"});
}

TEST(ReportCommand, anOutputFolderThatDoesNotExistIsBadInput)
{
    TemporaryDirectory folder;
    const CommandRun run = blastline(
        {"report", sampleScenario("rds-rename").string(), "-o", (folder.path() / "missing" / "r.md").string()});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
}

TEST(ReportCommand, theOutputIsRequired)
{
    const CommandRun run = blastline({"report", sampleScenario("rds-rename").string()});
    EXPECT_EQ(run.code, 2);
}

TEST(GraphCommand, svgIsTheReportsFigure)
{
    const CommandRun run =
        blastline({"graph", (sampleScenario("datatalks-2026") / "production.tfstate").string(), "--format", "svg"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_NE(run.out.find("aws_rds_cluster.dev_course_management_cluster: deleted, data store"), std::string::npos);
    EXPECT_NE(run.out.find("class=\"legend\""), std::string::npos);
}

} // namespace
} // namespace blastline::test
