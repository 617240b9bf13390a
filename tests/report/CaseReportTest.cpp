// SPDX-License-Identifier: MIT
// The report of a case file: the engine's judgement of the case's latest state, the trail's deletions and the
// investigator's notes, with the evidence digests the case recorded at import.
#include "ReportTestSupport.h"
#include "TemporaryDirectory.h"
#include "cli/Cli.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/Safeguard.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/report/ReportBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace blastline::test {
namespace {

using blastline::testing::TemporaryDirectory;

int blastline(const std::vector<std::string>& args)
{
    std::vector<const char*> argv {"blastline"};
    for (const std::string& arg : args)
        argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::runCli(static_cast<int>(argv.size()), argv.data(), out, err);
    EXPECT_EQ(code, 0) << err.str();
    return code;
}

class CaseReport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const std::filesystem::path sample = sampleScenario("datatalks-2026");
        blastline({"case", "import", casePath().string(), (sample / "production.tfstate").string(),
            (sample / "cloudtrail").string()});
        blastline({"case", "note", casePath().string(), "--at", "2026-02-26T22:02:04Z", "the database goes"});
    }
    std::filesystem::path casePath() const { return m_folder.path() / "incident.blc"; }
    report::ReportModel build(const std::vector<std::string>& assumed = {}) const
    {
        const core::CaseFile caseFile = core::CaseFile::open(casePath(), core::CaseFile::OpenMode::ReadOnly);
        const core::CatalogueRules rules(importers::CatalogueReader::builtin());
        return report::ReportBuilder(report::TimeZone::utc(), kFixedDate).fromCase(caseFile, rules, assumed);
    }

private:
    TemporaryDirectory m_folder;
};

TEST_F(CaseReport, judgesTheLatestStateAndChecksItAgainstTheTrail)
{
    const report::ReportModel model = build();
    EXPECT_EQ(model.kind, "case");
    EXPECT_EQ(model.verdict, "data-loss");
    const auto cluster = std::find_if(model.impact.begin(), model.impact.end(),
        [](const report::ImpactEntry& e) { return e.address == "aws_rds_cluster.dev_course_management_cluster"; });
    ASSERT_NE(cluster, model.impact.end());
    EXPECT_EQ(cluster->fate, "lost");
    EXPECT_NE(cluster->explanation.find("The trail records its deletion."), std::string::npos);
    EXPECT_FALSE(model.bursts.empty());
    EXPECT_FALSE(model.graphSvg.empty());
    EXPECT_FALSE(model.response[2].known());
    EXPECT_NE(model.response[2].basis.find("a case has no key time"), std::string::npos);
}

TEST_F(CaseReport, holdsTheNotesAndTheRecordedDigests)
{
    const report::ReportModel model = build();
    EXPECT_TRUE(std::any_of(model.timeline.begin(), model.timeline.end(), [](const report::TimelineEntry& e) {
        return e.origin == "note" && e.text.find("the database goes") != std::string::npos;
    }));
    const core::CaseFile caseFile = core::CaseFile::open(casePath(), core::CaseFile::OpenMode::ReadOnly);
    const std::vector<core::EvidenceRow> rows = caseFile.evidence();
    ASSERT_EQ(model.evidence.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(model.evidence[i].sha256, rows[i].sha256) << rows[i].path;
}

TEST_F(CaseReport, actionItemsAreTheEnginesComparison)
{
    const report::ReportModel model = build();
    ASSERT_EQ(model.actionItems.size(), core::allSafeguards().size());
    const auto protection = std::find_if(model.actionItems.begin(), model.actionItems.end(),
        [](const report::ActionItem& item) { return item.safeguard == "deletion-protection"; });
    ASSERT_NE(protection, model.actionItems.end());
    EXPECT_FALSE(protection->changesNothing);
    EXPECT_NE(protection->actsAt.find("aws_rds_cluster.dev_course_management_cluster"), std::string::npos);
}

TEST_F(CaseReport, takesOnlyTheDeletionSafeguards)
{
    EXPECT_EQ(build({"deletion-protection"}).assumed, std::vector<std::string> {"deletion-protection"});
    EXPECT_THROW(build({"approval-gate"}), core::InputError);
}

} // namespace
} // namespace blastline::test
