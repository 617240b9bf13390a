// SPDX-License-Identifier: MIT
#include "gui/ReportExport.h"

#include "GuiTestSupport.h"
#include "TemporaryDirectory.h"
#include "gui/DocumentLoader.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace blastline::gui {
namespace {

using testing::QuietProgress;
using testing::sourcePath;

std::string contentOf(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(ReportExport, writesTheScenariosReportUnderTheTickedSafeguards)
{
    const blastline::testing::TemporaryDirectory folder;
    const auto html = folder.path() / "postmortem.html";
    ASSERT_TRUE(ReportExport::canReport(testing::dataTalks()));
    ReportExport::write(testing::dataTalks(), {"deletion-protection"}, html.string(), true);
    const std::string page = contentOf(html);
    EXPECT_NE(page.find("<html"), std::string::npos);
    EXPECT_NE(page.find("deletion-protection"), std::string::npos);
    EXPECT_EQ(page.find("FAKE-sample-password"), std::string::npos); // the sample's stand-in secret, redacted on import
    const auto markdown = folder.path() / "postmortem.md";
    ReportExport::write(testing::dataTalks(), {}, markdown.string(), false);
    EXPECT_EQ(contentOf(markdown).rfind("# Postmortem: ", 0), 0u);
}

TEST(ReportExport, aBareStateHasNoReportAndSaysWhy)
{
    QuietProgress progress;
    const Document state =
        DocumentLoader::load({sourcePath("sample-data/datatalks-2026/production.tfstate")}, progress);
    EXPECT_FALSE(ReportExport::canReport(state));
    const blastline::testing::TemporaryDirectory folder;
    EXPECT_THROW(ReportExport::write(state, {}, (folder.path() / "r.html").string(), true), core::InputError);
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "r.html"));
}

} // namespace
} // namespace blastline::gui
