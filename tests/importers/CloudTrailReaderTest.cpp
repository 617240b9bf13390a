// SPDX-License-Identifier: MIT
#include "blastline/importers/CloudTrailReader.h"

#include "CloudTrailTestSupport.h"

#include "blastline/core/UtcTime.h"

#include <gtest/gtest.h>

#include <string>

namespace blastline::importers {
namespace {

using testing::cloudTrailRecord;
using testing::gzipped;
using testing::TemporaryDirectory;

CloudTrailReadOptions allEvents()
{
    CloudTrailReadOptions options;
    options.filter.scope = core::TrailFilter::Scope::All;
    return options;
}

std::string names(const core::Trail& trail)
{
    std::string out;
    for (const core::TrailEvent& event : trail.events())
        out += std::string(out.empty() ? "" : " ") + std::string(trail.text(event.eventName));
    return out;
}

TEST(CloudTrailReader, ReadsARecordsFileAndNormalisesTheEvent)
{
    const std::string file = R"({"Records":[)"
        + cloudTrailRecord("DeleteDBCluster", "2026-02-26T22:02:04Z", "e-1",
            R"({"dBClusterIdentifier":"dev-course-management-cluster","skipFinalSnapshot":true,)"
            R"("deleteAutomatedBackups":true})")
        + "]}";
    const core::Trail trail = CloudTrailReader::readBytes(file, "t.json", allEvents());
    ASSERT_EQ(trail.events().size(), 1U);
    const core::TrailEvent& event = trail.events()[0];
    EXPECT_EQ(trail.inputs()[0].format, "records");
    EXPECT_EQ(event.timeMs, *core::UtcTime::parse("2026-02-26T22:02:04Z"));
    EXPECT_EQ(trail.text(event.eventSource), "rds.amazonaws.com");
    EXPECT_EQ(trail.text(event.region), "eu-west-1");
    EXPECT_EQ(trail.text(event.account), "123456789012");
    EXPECT_EQ(trail.text(event.principal), "arn:aws:iam::123456789012:user/alexey");
    EXPECT_EQ(trail.text(event.principalType), "IAMUser");
    EXPECT_EQ(trail.text(event.accessKeyId), "AKIAEXAMPLE");
    EXPECT_EQ(trail.text(event.sourceIp), "203.0.113.10");
    EXPECT_EQ(event.eventClass, core::EventClass::Delete);
    EXPECT_EQ(trail.tool(event.tool).kind, core::ToolIdentity::Kind::Terraform);
    EXPECT_EQ(trail.tool(event.tool).version, "1.7.4");
    EXPECT_EQ(trail.tool(event.tool).providerVersion, "5.38.0");
    ASSERT_EQ(event.identifiers.size(), 1U);
    EXPECT_EQ(trail.text(event.identifiers[0]), "dev-course-management-cluster");
    ASSERT_EQ(event.backupEffects.size(), 2U);
    EXPECT_EQ(event.backupEffects[0].kind, core::BackupEffect::Kind::AutomatedBackups);
    EXPECT_EQ(event.backupEffects[0].fate, core::BackupEffect::Fate::Deleted);
    EXPECT_EQ(event.backupEffects[1].fate, core::BackupEffect::Fate::NotTaken);
}

TEST(CloudTrailReader, RecognisesEveryShapeByContent)
{
    const std::string record = cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "e-2", R"({"vpcId":"vpc-1"})");
    const auto formatOf = [](const std::string& bytes) {
        const core::Trail trail = CloudTrailReader::readBytes(bytes, "x", allEvents());
        EXPECT_EQ(trail.inputs()[0].error, "");
        return trail.inputs()[0].format + ":" + std::to_string(trail.events().size());
    };
    EXPECT_EQ(formatOf("[" + record + "]"), "array:1");
    EXPECT_EQ(formatOf(record), "record:1");
    EXPECT_EQ(formatOf(record + "\n" + cloudTrailRecord("DeleteSubnet", "2026-02-26T22:03:01Z", "e-3") + "\n"),
        "json-lines:2");
    EXPECT_EQ(formatOf(gzipped(R"({"Records":[)" + record + "]}")), "records:1");
    EXPECT_EQ(formatOf("\xEF\xBB\xBF" + std::string(R"({"Records":[]})")), "records:0");
    EXPECT_EQ(formatOf(R"({"awsAccountId":"1","digestStartTime":"2026-02-26T21:00:00Z","logFiles":[]})"), "digest:0");
}

TEST(CloudTrailReader, ReadsLookupEventsWhoseRecordsAreJsonStrings)
{
    std::string escaped;
    for (char c : cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "e-4", R"({"vpcId":"vpc-1"})")) {
        if (c == '"' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    const std::string file = R"({"Events":[{"EventId":"e-4","EventName":"DeleteVpc","EventTime":1772143380.0,)"
                             R"("CloudTrailEvent":")"
        + escaped + R"("}],"NextToken":"x"})";
    const core::Trail trail = CloudTrailReader::readBytes(file, "lookup.json", allEvents());
    EXPECT_EQ(trail.inputs()[0].format, "lookup-events");
    ASSERT_EQ(trail.events().size(), 1U);
    EXPECT_EQ(trail.text(trail.events()[0].eventId), "e-4");
    EXPECT_EQ(trail.text(trail.events()[0].identifiers.at(0)), "vpc-1");
}

TEST(CloudTrailReader, ReadsCloudTrailLakeQueryResultRows)
{
    const std::string file = R"({"QueryStatus":"FINISHED","QueryResultRows":[[{"eventID":"e-5"},)"
                             R"({"eventTime":"2026-02-26 22:02:04.000"},{"eventSource":"rds.amazonaws.com"},)"
                             R"({"eventName":"DeleteDBCluster"},{"userIdentity.arn":"arn:aws:iam::1:user/a"},)"
                             R"({"readOnly":"false"},{"requestParameters":"{\"dBClusterIdentifier\":\"c1\"}"}]]})";
    const core::Trail trail = CloudTrailReader::readBytes(file, "lake.json", allEvents());
    EXPECT_EQ(trail.inputs()[0].format, "lake-query-results");
    EXPECT_EQ(trail.inputs()[0].error, "");
    ASSERT_EQ(trail.events().size(), 1U);
    const core::TrailEvent& event = trail.events()[0];
    EXPECT_EQ(event.timeMs, *core::UtcTime::parse("2026-02-26T22:02:04Z")); // Lake's zone-less time is UTC
    EXPECT_EQ(trail.text(event.principal), "arn:aws:iam::1:user/a");
    EXPECT_FALSE(event.readOnly);
    EXPECT_EQ(trail.text(event.identifiers.at(0)), "c1");
}

TEST(CloudTrailReader, WalksAnS3LogTreeAndRemovesDuplicatesByEventId)
{
    const TemporaryDirectory dir;
    const std::string a = cloudTrailRecord("DeleteSubnet", "2026-02-26T22:01:00Z", "dup", R"({"subnetId":"s-1"})");
    const std::string b = cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "e-6", R"({"vpcId":"vpc-1"})");
    const std::string prefix = "AWSLogs/o-abc123/123456789012/CloudTrail/eu-west-1/2026/02/26/";
    dir.write(prefix + "123456789012_CloudTrail_eu-west-1_20260226T2205Z_a.json.gz",
        gzipped(R"({"Records":[)" + b + "," + a + "]}"));
    dir.write(
        prefix + "123456789012_CloudTrail_eu-west-1_20260226T2210Z_b.json.gz", gzipped(R"({"Records":[)" + a + "]}"));
    dir.write("AWSLogs/o-abc123/123456789012/CloudTrail-Digest/eu-west-1/2026/02/26/d.json.gz",
        gzipped(R"({"digestStartTime":"x","digestEndTime":"y","logFiles":[]})"));
    dir.write("README.txt", "not a trail: skipped by the walk for its name");
    dir.write(".hidden/x.json", "{");

    const core::Trail trail = CloudTrailReader::read({dir.path().string()}, allEvents());
    ASSERT_EQ(trail.inputs().size(), 3U);
    EXPECT_FALSE(trail.hasUnreadableInputs());
    EXPECT_EQ(trail.duplicatesRemoved(), 1U);
    EXPECT_EQ(names(trail), "DeleteSubnet DeleteVpc"); // in time order, not file order
}

TEST(CloudTrailReader, FiltersWhileReading)
{
    const std::string file = R"({"Records":[)"
        + cloudTrailRecord("DescribeVpcs", "2026-02-26T21:00:00Z", "r-1", "null", R"(,"readOnly":true)") + ","
        + cloudTrailRecord("CreateVpc", "2026-02-26T21:05:00Z", "c-1") + ","
        + cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "d-1", R"({"vpcId":"vpc-1"})") + "]}";
    CloudTrailReadOptions options;
    options.filter.scope = core::TrailFilter::Scope::Destructive;
    EXPECT_EQ(names(CloudTrailReader::readBytes(file, "x", options)), "DeleteVpc");
    options.filter.scope = core::TrailFilter::Scope::Writes;
    EXPECT_EQ(names(CloudTrailReader::readBytes(file, "x", options)), "CreateVpc DeleteVpc");
    options.filter.toMs = core::UtcTime::parse("2026-02-26T22:00:00Z");
    EXPECT_EQ(names(CloudTrailReader::readBytes(file, "x", options)), "CreateVpc");
    options.filter = {};
    options.filter.principal = "ALEXEY"; // case-insensitive
    EXPECT_EQ(names(CloudTrailReader::readBytes(file, "x", options)), "CreateVpc DeleteVpc");
    options.filter.principal = "someone-else";
    EXPECT_EQ(names(CloudTrailReader::readBytes(file, "x", options)), "");
    const core::Trail counted = CloudTrailReader::readBytes(file, "x", options);
    EXPECT_EQ(counted.inputs()[0].records, 3U);
    EXPECT_EQ(counted.inputs()[0].kept, 0U);
}

TEST(CloudTrailReader, KeepsWholeRecordsWithSecretsRedactedOnlyWhenAsked)
{
    const std::string file = R"({"Records":[)"
        + cloudTrailRecord("CreateDBCluster", "2026-02-26T21:00:00Z", "c-2",
            R"({"dBClusterIdentifier":"c1","masterUserPassword":"hunter2-PLANTED"})", R"(,"customField":{"kept":true})",
            R"({"credentials":{"sessionToken":"PLANTED-TOKEN","accessKeyId":"ASIA1"}})")
        + "]}";
    CloudTrailReadOptions options = allEvents();
    EXPECT_EQ(CloudTrailReader::readBytes(file, "x", options).events()[0].record, 0U);
    options.keepRecords = true;
    const core::Trail trail = CloudTrailReader::readBytes(file, "x", options);
    const std::string_view record = trail.text(trail.events()[0].record);
    EXPECT_EQ(record.find("PLANTED"), std::string_view::npos) << record;
    EXPECT_NE(record.find(R"x("masterUserPassword":"(redacted)")x"), std::string_view::npos) << record;
    EXPECT_NE(record.find(R"("customField":{"kept":true})"), std::string_view::npos) << record; // unknown fields kept
    EXPECT_NE(record.find(R"("accessKeyId":"ASIA1")"), std::string_view::npos) << record;
}

TEST(CloudTrailReader, ReadsOnSeveralThreadsWithTheSameResult)
{
    const TemporaryDirectory dir;
    for (int file = 0; file < 8; ++file) {
        std::string records;
        for (int i = 0; i < 50; ++i) {
            const std::string id = std::to_string(file) + "-" + std::to_string(i);
            const std::string time = "2026-02-26T22:" + std::to_string(10 + i) + ":0" + std::to_string(file) + "Z";
            records += (records.empty() ? "" : ",")
                + cloudTrailRecord("DeleteSubnet", time, id, R"({"subnetId":"subnet-)" + id + "\"}");
        }
        dir.write("f" + std::to_string(file) + ".json.gz", gzipped(R"({"Records":[)" + records + "]}"));
    }
    CloudTrailReadOptions options = allEvents();
    options.threads = 1;
    const core::Trail one = CloudTrailReader::read({dir.path().string()}, options);
    options.threads = 4;
    const core::Trail four = CloudTrailReader::read({dir.path().string()}, options);
    ASSERT_EQ(one.events().size(), 400U);
    ASSERT_EQ(four.events().size(), 400U);
    for (std::size_t i = 0; i < one.events().size(); ++i) {
        EXPECT_EQ(one.text(one.events()[i].eventId), four.text(four.events()[i].eventId));
        EXPECT_EQ(one.events()[i].input, four.events()[i].input);
    }
}

} // namespace
} // namespace blastline::importers
