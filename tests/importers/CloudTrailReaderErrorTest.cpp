// SPDX-License-Identifier: MIT
#include "CloudTrailTestSupport.h"
#include "GzipInflater.h"

#include "blastline/core/Error.h"
#include "blastline/importers/CloudTrailReader.h"

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

const core::TrailInput& readOne(const std::string& bytes, core::Trail& trail, std::uint64_t limit = 1ULL << 30)
{
    CloudTrailReadOptions options = allEvents();
    options.maxFileBytes = limit;
    trail = CloudTrailReader::readBytes(bytes, "trail/bad.json.gz", options);
    return trail.inputs().at(0);
}

TEST(CloudTrailReaderErrors, InvalidJsonNamesThePathAndByteOffset)
{
    core::Trail trail;
    const core::TrailInput& input = readOne(R"({"Records":[{"eventName":"X",}]})", trail);
    EXPECT_EQ(input.errorOffset, 29U);
    EXPECT_EQ(input.error.rfind("trail/bad.json.gz: byte 29: invalid JSON: ", 0), 0U) << input.error;
}

TEST(CloudTrailReaderErrors, ARawControlCharacterInAStringIsInvalid)
{
    core::Trail trail;
    const std::string bytes = std::string(R"({"Records":[{"eventName":"A)") + '\x01' + R"("}]})";
    const core::TrailInput& input = readOne(bytes, trail);
    EXPECT_EQ(input.errorOffset, 27U);
    EXPECT_NE(input.error.find("control character"), std::string::npos) << input.error;
}

TEST(CloudTrailReaderErrors, ErrorsInsideGzipCountBytesOfTheInflatedContent)
{
    core::Trail trail;
    const core::TrailInput& input = readOne(gzipped(R"({"Records":[}])"), trail);
    EXPECT_EQ(input.errorOffset, 12U);
    EXPECT_NE(input.error.find("byte 12 of the inflated content"), std::string::npos) << input.error;
}

TEST(CloudTrailReaderErrors, TruncatedGzipNamesWhereTheStreamEnds)
{
    const std::string whole = gzipped(R"({"Records":[)"
        + cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "e-1", R"({"vpcId":"vpc-1"})") + "]}");
    const std::string truncated = whole.substr(0, whole.size() / 2);
    core::Trail trail;
    const core::TrailInput& input = readOne(truncated, trail);
    EXPECT_NE(input.error.find("truncated gzip data"), std::string::npos) << input.error;
    EXPECT_EQ(input.errorOffset, std::nullopt); // the offset is in the message, counted in compressed bytes
    EXPECT_NE(input.error.find("byte " + std::to_string(truncated.size())), std::string::npos) << input.error;
    EXPECT_TRUE(trail.events().empty());
}

TEST(CloudTrailReaderErrors, ADecompressionBombIsRefusedAtTheLimit)
{
    const std::string zeros(8 << 20, '0'); // 8 MiB that compresses to a few KB
    core::Trail trail;
    const core::TrailInput& input = readOne(gzipped(zeros), trail, 1 << 20);
    EXPECT_NE(input.error.find("inflates to more than 1 MiB"), std::string::npos) << input.error;
}

TEST(CloudTrailReaderErrors, ABombIsRefusedForItsRatioBeforeItExpands)
{
    const std::string zeros(64 << 20, '0'); // 64 MiB that compress to about 64 KB: a ratio near 1,000
    const std::string bomb = gzipped(zeros);
    ASSERT_LT(bomb.size() * 100, zeros.size());
    core::Trail trail;
    const core::TrailInput& input = readOne(bomb, trail); // the size limit (1 GiB) is far away
    EXPECT_NE(input.error.find("inflates to more than 100 times its compressed size"), std::string::npos)
        << input.error;

    // The buffer never grew past 100 times the compressed size: the bomb was not expanded to the size limit.
    GzipInflater inflater;
    std::string out;
    EXPECT_THROW(inflater.inflate(bomb, out, 1ULL << 30, 64, 100), InflateError);
    EXPECT_LE(out.size(), bomb.size() * 100 + 64);

    // Without a ratio limit (0) the same stream inflates whole, up to the size limit.
    EXPECT_NO_THROW(inflater.inflate(bomb, out, 1ULL << 30, 64, 0));
    EXPECT_TRUE(out == zeros) << "inflated " << out.size() << " bytes";
}

TEST(CloudTrailReaderErrors, NotATrailIsSaidPlainly)
{
    core::Trail trail;
    EXPECT_NE(readOne("hello", trail).error.find("not JSON"), std::string::npos);
    EXPECT_NE(readOne("", trail).error.find("empty"), std::string::npos);
    EXPECT_NE(
        readOne(R"({"resources":[]})", trail).error.find("found an object with keys resources"), std::string::npos);
}

TEST(CloudTrailReaderErrors, RecordsThatAreNotCloudTrailsAreSkippedNotFatal)
{
    const std::string file = R"({"Records":[{"eventName":"DeleteVpc"},{"no":"name"},)"
        + cloudTrailRecord("DeleteSubnet", "2026-02-26T22:03:00Z", "e-1") + "]}";
    core::Trail trail;
    const core::TrailInput& input = readOne(file, trail);
    EXPECT_EQ(input.error, "");
    EXPECT_EQ(input.records, 3U);
    EXPECT_EQ(input.skipped, 2U);
    EXPECT_EQ(input.warning, "trail/bad.json.gz: at /Records/0: record DeleteVpc has no eventTime (skipped)");
    EXPECT_EQ(trail.events().size(), 1U);
}

TEST(CloudTrailReaderErrors, NestingIsBounded)
{
    core::Trail trail;
    const std::string deep =
        R"({"Records":[{"eventName":"X","requestParameters":)" + std::string(300, '[') + std::string(300, ']') + "}]}";
    EXPECT_NE(readOne(deep, trail).error, "");
}

TEST(CloudTrailReaderErrors, OneBadFileDoesNotStopTheOthers)
{
    const TemporaryDirectory dir;
    dir.write("a.json", R"({"Records":[)" + cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "e-1") + "]}");
    dir.write("b.json.gz", "\x1f\x8b\x08garbage");
    dir.write("c.json", R"({"Records":[)" + cloudTrailRecord("DeleteSubnet", "2026-02-26T22:02:00Z", "e-2") + "]}");
    const core::Trail trail = CloudTrailReader::read({dir.path().string()}, allEvents());
    EXPECT_TRUE(trail.hasUnreadableInputs());
    EXPECT_EQ(trail.events().size(), 2U);
    EXPECT_NE(trail.inputs()[1].error.find("b.json.gz: byte "), std::string::npos) << trail.inputs()[1].error;
}

TEST(CloudTrailReaderErrors, AMissingPathIsAUsageError)
{
    EXPECT_THROW(CloudTrailReader::read({"/nonexistent/trail"}, allEvents()), core::InputError);
}

} // namespace
} // namespace blastline::importers
