// SPDX-License-Identifier: MIT
// A report never carries a secret: passwords planted in a scenario's state, and in a case's state, are in neither the
// Markdown nor the HTML (the importers redact them when the state is read; the report must not bring them back).
#include "ReportTestSupport.h"
#include "TemporaryDirectory.h"
#include "cli/Cli.h"

#include <gtest/gtest.h>

#include <sstream>

namespace blastline::test {
namespace {

using blastline::testing::TemporaryDirectory;

constexpr const char* kPlanted = "PLANTED-REPORT-PASSWORD-7d3a";
constexpr const char* kPlantedInUrl = "PLANTED-URL-PASSWORD-19c2";

/** The DataTalks scenario with the cluster's master password and a connection URL holding a password. */
std::filesystem::path plantedScenario(const TemporaryDirectory& folder)
{
    std::filesystem::copy(
        sampleScenario("datatalks-2026"), folder.path() / "scenario", std::filesystem::copy_options::recursive);
    const std::filesystem::path state = folder.path() / "scenario" / "production.tfstate";
    std::string text = readText(state);
    const std::string original = "\"master_password\": \"FAKE-sample-password-not-real\"";
    const std::size_t at = text.find(original);
    EXPECT_NE(at, std::string::npos);
    text.replace(at, original.size(),
        std::string("\"master_password\": \"") + kPlanted + "\", \"note_url\": \"postgres://admin:" + kPlantedInUrl
            + "@db.internal:5432/app\"");
    writeText(state, text);
    return folder.path() / "scenario";
}

int runCli(const std::vector<std::string>& args, std::string& err)
{
    std::vector<const char*> argv {"blastline"};
    for (const std::string& arg : args)
        argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream errors;
    const int code = cli::runCli(static_cast<int>(argv.size()), argv.data(), out, errors);
    err = errors.str();
    return code;
}

void expectClean(const std::string& document, const std::string& what)
{
    EXPECT_EQ(document.find(kPlanted), std::string::npos) << what << " holds the planted password";
    EXPECT_EQ(document.find(kPlantedInUrl), std::string::npos) << what << " holds the password of the URL";
    EXPECT_EQ(document.find("FAKE-sample-password"), std::string::npos) << what;
}

TEST(ReportSecrets, aScenarioReportHoldsNoPlantedPassword)
{
    TemporaryDirectory folder;
    const std::filesystem::path scenario = plantedScenario(folder);
    ASSERT_NE(readText(scenario / "production.tfstate").find(kPlanted), std::string::npos) << "planted";
    for (const char* format : {"markdown", "html"}) {
        const std::filesystem::path output = folder.path() / (std::string("report.") + format);
        std::string err;
        ASSERT_EQ(runCli({"report", scenario.string(), "--format", format, "-o", output.string()}, err), 0) << err;
        const std::string document = readText(output);
        ASSERT_GT(document.size(), 1000u);
        expectClean(document, format);
    }
}

TEST(ReportSecrets, aCaseReportHoldsNoPlantedPassword)
{
    TemporaryDirectory folder;
    const std::filesystem::path scenario = plantedScenario(folder);
    const std::filesystem::path caseFile = folder.path() / "incident.blc";
    std::string err;
    ASSERT_EQ(runCli({"case", "import", caseFile.string(), (scenario / "production.tfstate").string(),
                         (scenario / "cloudtrail").string()},
                  err),
        0)
        << err;
    for (const char* format : {"markdown", "html"}) {
        const std::filesystem::path output = folder.path() / (std::string("case-report.") + format);
        ASSERT_EQ(runCli({"report", caseFile.string(), "--format", format, "-o", output.string()}, err), 0) << err;
        const std::string document = readText(output);
        EXPECT_NE(document.find("aws_rds_cluster.dev_course_management_cluster"), std::string::npos);
        expectClean(document, std::string("case ") + format);
    }
}

} // namespace
} // namespace blastline::test
