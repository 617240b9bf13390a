// SPDX-License-Identifier: MIT
#include "CloudTrailTestSupport.h"

#include "blastline/core/Error.h"
#include "blastline/importers/EvidenceRecognizer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace blastline::importers {
namespace {

using core::EvidenceKind;

std::string sample(const std::string& relative)
{
    return std::string(BLASTLINE_SOURCE_DIR) + "/sample-data/" + relative;
}

TEST(EvidenceRecognizer, tellsTheSampleDataApart)
{
    EXPECT_EQ(EvidenceRecognizer::recognize(sample("datatalks-2026/production.tfstate")), EvidenceKind::State);
    EXPECT_EQ(EvidenceRecognizer::recognize(sample("rds-rename/plan.json")), EvidenceKind::Plan);
    EXPECT_EQ(EvidenceRecognizer::recognize(sample("datatalks-2026/cloudtrail")), EvidenceKind::Trail);
}

TEST(EvidenceRecognizer, readsOnlyTheOpeningOfEachShape)
{
    const auto kind = [](std::string_view text) { return EvidenceRecognizer::recognizeText(text, "x"); };
    EXPECT_EQ(kind(R"({"version": 4, "terraform_version": "1.7.4", "serial": 3, "lineage": "l", "resources": [)"),
        EvidenceKind::State);
    EXPECT_EQ(kind(R"({"version": 3, "serial": 1, "modules": [{"path": ["root"], "resources": {)"),
        EvidenceKind::State);
    EXPECT_EQ(kind(R"({"format_version": "1.0", "terraform_version": "1.7.4", "values": {"root_module": {)"),
        EvidenceKind::State); // terraform show -json of a state
    EXPECT_EQ(kind(R"({"format_version": "1.2", "planned_values": {"root_module": {}}, "resource_changes": [)"),
        EvidenceKind::Plan);
    EXPECT_EQ(kind(R"({"Records": [{"eventVersion": "1.09", "userIdentity": {"type": "IAMUser")"),
        EvidenceKind::Trail);
    EXPECT_EQ(kind(R"([{"eventName": "DeleteVpc"}])"), EvidenceKind::Trail);
    EXPECT_EQ(kind(R"({"Events": [{"CloudTrailEvent": "{\"resources\": 1}"}]})"), EvidenceKind::Trail);
    EXPECT_EQ(kind(testing::gzipped(R"({"Records": []})")), EvidenceKind::Trail);
    EXPECT_EQ(kind(R"({"DBClusterSnapshots": [{"DBClusterSnapshotIdentifier": "s"}]})"), EvidenceKind::Inventory);
    EXPECT_EQ(kind(R"({"schema": "blastline.scenario/1", "title": "x"})"), EvidenceKind::Scenario);
    // Keys deeper down do not count: a record's "resources" is not a state's.
    EXPECT_EQ(kind(R"({"eventVersion": "1.0", "resources": [{"ARN": "a"}], "lineage": 1})"), EvidenceKind::State)
        << "a top-level lineage decides";
    EXPECT_EQ(kind(R"({"Records": [{"lineage": "x", "resources": []}]})"), EvidenceKind::Trail);
}

TEST(EvidenceRecognizer, aConfigurationFolderHoldsTerraformFiles)
{
    const testing::TemporaryDirectory dir;
    dir.write("main.tf", "resource \"aws_vpc\" \"main\" {}\n");
    EXPECT_EQ(EvidenceRecognizer::recognize(dir.path().string()), EvidenceKind::Configuration);
}

TEST(EvidenceRecognizer, somethingElseIsRefusedByName)
{
    try {
        (void)EvidenceRecognizer::recognizeText(R"({"hello": "world"})", "notes.json");
        FAIL() << "expected an InputError";
    } catch (const core::InputError& error) {
        EXPECT_EQ(std::string(error.what()).rfind("notes.json: not a kind of evidence Blastline reads", 0), 0U);
    }
    EXPECT_THROW((void)EvidenceRecognizer::recognize("/nonexistent/file"), core::InputError);
}

} // namespace
} // namespace blastline::importers
