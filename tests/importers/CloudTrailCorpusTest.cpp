// SPDX-License-Identifier: MIT
// Every file of ../shared/corpus/cloudtrail, written by AWS, Stratus Red Team and Panther rather than by us.
#include "blastline/importers/CloudTrailReader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace blastline::importers {
namespace {

namespace fs = std::filesystem;

fs::path corpusDir()
{
    return fs::path(BLASTLINE_TEST_CORPUS) / "cloudtrail";
}

core::Trail readCorpusFile(const std::string& name)
{
    CloudTrailReadOptions options;
    options.filter.scope = core::TrailFilter::Scope::All;
    return CloudTrailReader::read({(corpusDir() / name).string()}, options);
}

class CloudTrailCorpus : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!fs::is_directory(corpusDir()))
            GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
};

TEST_F(CloudTrailCorpus, EveryFileIngestsOrGivesAClearError)
{
    const std::set<std::string> invalid {"awsdocs_iam_example_with_invalid_control_char.txt",
        "awsdocs_lookup-events_output_AS_PRINTED_not_valid_json.txt"};
    std::size_t files = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(corpusDir())) {
        const std::string name = entry.path().filename().string();
        SCOPED_TRACE(name);
        ++files;
        const core::Trail trail = readCorpusFile(name);
        const core::TrailInput& input = trail.inputs().at(0);
        if (invalid.count(name) != 0) {
            EXPECT_TRUE(input.errorOffset.has_value());
            EXPECT_EQ(input.error.rfind(entry.path().string() + ": byte ", 0), 0U) << input.error;
            EXPECT_NE(input.error.find("control character"), std::string::npos) << input.error;
            continue;
        }
        EXPECT_EQ(input.error, "");
        if (input.format == "digest")
            continue;
        EXPECT_GT(trail.events().size(), 0U);
        for (const core::TrailEvent& event : trail.events())
            EXPECT_FALSE(trail.text(event.eventName).empty());
    }
    EXPECT_EQ(files, 23U);
}

TEST_F(CloudTrailCorpus, StratusArraysAreReadWithTheirIdentifiers)
{
    const core::Trail trail = readCorpusFile("stratus_aws.exfiltration.rds-share-snapshot.json");
    EXPECT_EQ(trail.inputs()[0].format, "array");
    bool found = false;
    for (const core::TrailEvent& event : trail.events()) {
        if (trail.text(event.eventName) != "ModifyDBSnapshotAttribute")
            continue;
        found = true;
        ASSERT_FALSE(event.identifiers.empty());
        EXPECT_EQ(trail.text(event.identifiers[0]), "exfiltration"); // the dBSnapshotIdentifier the record names
    }
    EXPECT_TRUE(found);
}

TEST_F(CloudTrailCorpus, TheDigestIsRecognisedAndSkipped)
{
    const core::Trail trail = readCorpusFile("awsdocs_digest_file_sample.json");
    EXPECT_EQ(trail.inputs()[0].format, "digest");
    EXPECT_TRUE(trail.events().empty());
}

TEST_F(CloudTrailCorpus, PantherTerminateInstancesNamesTheInstance)
{
    const core::Trail trail = readCorpusFile("panther_aws_modify_cloud_compute_infrastructure.yml");
    EXPECT_EQ(trail.inputs()[0].format, "panther-rule");
    bool found = false;
    for (const core::TrailEvent& event : trail.events()) {
        if (trail.text(event.eventName) == "TerminateInstances") {
            found = true;
            EXPECT_EQ(event.eventClass, core::EventClass::Delete);
            EXPECT_EQ(trail.text(event.identifiers.at(0)), "i-0d9853f67e40ab80b");
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(CloudTrailCorpus, KmsScheduleKeyDeletionIsBackupDestroying)
{
    const core::Trail trail = readCorpusFile("panther_aws_kms_cmk_loss.yml");
    bool scheduled = false;
    for (const core::TrailEvent& event : trail.events())
        scheduled |= trail.text(event.eventName) == "ScheduleKeyDeletion"
            && event.eventClass == core::EventClass::BackupDestroying;
    EXPECT_TRUE(scheduled);
}

} // namespace
} // namespace blastline::importers
