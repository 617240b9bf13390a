// SPDX-License-Identifier: MIT
// The HTML report as a reader gets it: well-formed for an XML parser (xmllint, else python3's parser), and drawn by
// headless Chromium into a page that is neither blank nor cut short. Each test skips, saying why, when its tool is
// absent (scripts/install-deps.sh installs libxml2-utils and chromium).
#include "PngImage.h"
#include "ReportTestSupport.h"
#include "TemporaryDirectory.h"

#include "blastline/core/ResourceGraph.h"
#include "blastline/importers/StateReader.h"
#include "blastline/report/GraphSvg.h"

#include <gtest/gtest.h>

#include <iostream>

namespace blastline::test {
namespace {

using blastline::testing::TemporaryDirectory;

/** 0 when `file` parses as XML; skips the test when no parser is installed. */
int parseAsXml(const std::filesystem::path& file)
{
    if (findProgram("xmllint"))
        return runCommand("xmllint --noout '" + file.string() + "' 2>&1");
    if (findProgram("python3"))
        return runCommand("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' '"
            + file.string() + "' 2>&1");
    return -2;
}

class WellFormedHtml : public ::testing::TestWithParam<std::string>
{ };

TEST_P(WellFormedHtml, parsesAsXml)
{
    TemporaryDirectory folder;
    const std::filesystem::path file = folder.write("report.html", htmlOf(scenarioReport(GetParam())));
    const int status = parseAsXml(file);
    if (status == -2)
        GTEST_SKIP() << "neither xmllint (libxml2-utils) nor python3 is installed";
    EXPECT_EQ(status, 0) << file << " is not well-formed";
}

INSTANTIATE_TEST_SUITE_P(Samples, WellFormedHtml, ::testing::Values("datatalks-2026", "rds-rename", "codespaces-2014"),
    [](const ::testing::TestParamInfo<std::string>& row) {
        std::string name = row.param;
        for (char& c : name)
            c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        return name;
    });

TEST(WellFormedHtml, escapesWhatTheEvidenceHolds)
{
    // Markup, an ampersand, a control character and invalid UTF-8 in the words of the report all stay text.
    report::ReportModel model = scenarioReport("rds-rename");
    model.summary = "<script>alert('x')</script> & \x01 \xff\xfe ]]> \"quoted\"";
    model.title = "a <b>bold</b> title";
    const std::string html = htmlOf(model);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_EQ(html.find("<b>bold</b>"), std::string::npos);
    TemporaryDirectory folder;
    const int status = parseAsXml(folder.write("report.html", html));
    if (status == -2)
        GTEST_SKIP() << "neither xmllint (libxml2-utils) nor python3 is installed";
    EXPECT_EQ(status, 0);
}

TEST(WellFormedHtml, theGraphFigureAloneIsAnSvgDocument)
{
    const core::TerraformState state =
        importers::StateReader::readFile((sampleScenario("datatalks-2026") / "production.tfstate").string());
    const core::ResourceGraph graph(state);
    report::GraphFates fates;
    fates.byAddress["aws_rds_cluster.dev_course_management_cluster"] = report::NodeFate::Deleted;
    fates.dataStores.insert("aws_rds_cluster.dev_course_management_cluster");
    const std::string svg = report::GraphSvg::render(graph, fates, "a & b");
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_NE(svg.find("aws_rds_cluster.dev_course_management_cluster: deleted, data store"), std::string::npos);
    TemporaryDirectory folder;
    const int status = parseAsXml(folder.write("graph.svg", svg));
    if (status == -2)
        GTEST_SKIP() << "neither xmllint (libxml2-utils) nor python3 is installed";
    EXPECT_EQ(status, 0);
}

TEST(ChromiumRender, theDataTalksReportIsAFullPage)
{
    const auto chromium = findProgram("chromium");
    if (!chromium)
        GTEST_SKIP() << "chromium is not installed (Debian's chromium package; scripts/install-deps.sh)";
    TemporaryDirectory folder;
    const std::filesystem::path html = folder.write("report.html", htmlOf(scenarioReport("datatalks-2026")));
    const std::filesystem::path png = folder.path() / "report.png";
    // A window taller than the page: the screenshot is the viewport, so the page's end shows as white rows. Run as
    // root (CI containers) Chromium needs --no-sandbox; its own HOME keeps it from touching the user's profile.
    constexpr std::uint32_t kWindowHeight = 30000;
    const std::string command = "HOME='" + folder.path().string() + "' timeout 120 '" + chromium->string()
        + "' --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir='"
        + (folder.path() / "profile").string() + "' --screenshot='" + png.string() + "' --window-size=1280,"
        + std::to_string(kWindowHeight) + " 'file://" + html.string() + "' >/dev/null 2>&1";
    ASSERT_EQ(runCommand(command), 0) << command;
    ASSERT_TRUE(std::filesystem::exists(png));

    const PngImage image = PngImage::decode(readText(png));
    ASSERT_EQ(image.width, 1280u);
    ASSERT_EQ(image.height, kWindowHeight);
    std::size_t inkRows = 0;
    std::uint32_t lastInkRow = 0;
    for (std::uint32_t y = 0; y < image.height; ++y) {
        for (std::uint32_t x = 0; x < image.width; x += 2) {
            if (image.isInk(x, y)) {
                ++inkRows;
                lastInkRow = y;
                break;
            }
        }
    }
    EXPECT_GT(inkRows, 1000u) << "the page is (nearly) blank";
    // The DataTalks report (header, tables, two figures, a timeline of some two hundred and fifty rows) is about
    // 18,500 px at 1280 px wide. Much shorter means sections or figures went missing; much taller, a layout that
    // stopped fitting the page (a figure drawn at full size, a column squeezed to a word a line).
    EXPECT_GT(lastInkRow, 12000u) << "the page is shorter than the report should be";
    EXPECT_LT(lastInkRow, 26000u) << "the page is taller than the report should be";
    RecordProperty("content_height", static_cast<int>(lastInkRow));
    std::cout << "content height: " << lastInkRow << " px, rows with ink: " << inkRows << '\n';
}

} // namespace
} // namespace blastline::test
