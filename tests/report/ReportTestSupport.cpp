// SPDX-License-Identifier: MIT
#include "ReportTestSupport.h"

#include "blastline/importers/ScenarioSession.h"
#include "blastline/report/HtmlReport.h"
#include "blastline/report/MarkdownReport.h"
#include "blastline/report/ReportBuilder.h"
#include "blastline/report/TimeZone.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace blastline::test {

std::filesystem::path sampleScenario(const std::string& name)
{
    return kSourceDir / "sample-data" / name;
}

report::ReportModel scenarioReport(const std::string& name, const std::vector<std::string>& assumed)
{
    const importers::ScenarioSession session(sampleScenario(name).string(), {});
    const report::ReportBuilder builder(report::TimeZone::load("Europe/Berlin"), kFixedDate);
    return builder.fromScenario(session, assumed);
}

std::string markdownOf(const report::ReportModel& model)
{
    std::ostringstream out;
    report::MarkdownReport::write(out, model);
    return out.str();
}

std::string htmlOf(const report::ReportModel& model)
{
    std::ostringstream out;
    report::HtmlReport::write(out, model);
    return out.str();
}

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeText(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::optional<std::filesystem::path> findProgram(const std::string& program)
{
    const char* path = std::getenv("PATH");
    std::stringstream folders(path ? path : "");
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        const std::filesystem::path candidate = std::filesystem::path(folder) / program;
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error))
            return candidate;
    }
    return std::nullopt;
}

int runCommand(const std::string& commandLine)
{
    const int status = std::system(commandLine.c_str());
    if (status == -1 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

} // namespace blastline::test
