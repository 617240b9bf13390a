// SPDX-License-Identifier: MIT
// The per-string limit of docs/reliability.md ("Limits"): one JSON string (a value or a key) longer
// than RecordLimits::stringBytes is refused. In a state both reading paths agree: the simdjson fast
// path declines (whether the string has escapes or not, in attributes, in a field it reads, or in one
// it only validates) and the reference path names the place; the plan and inventory readers name the
// line and column where the string starts. The limit is lowered through the readers' test hooks, so
// the files stay small; a string of exactly the limit is read.
#include "LimitRefusal.h"
#include "LimitedReaders.h"
#include "RecordLimits.h"
#include "StateReaderPaths.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace blastline;
using importers::RecordLimits;

namespace {

using blastline::testing::kSeeTheDoc;
using blastline::testing::refusal;

RecordLimits withStrings(std::size_t bytes)
{
    RecordLimits limits;
    limits.stringBytes = bytes;
    return limits;
}

/** A format 4 state of one instance whose members (inside "instances": [{...}]) are `instance`. */
std::string stateWithInstance(const std::string& instance, const std::string& resourceExtra = "")
{
    return R"({"version": 4, "terraform_version": "1.5.0", "serial": 1, "lineage": "l", "resources": [
        {"mode": "managed", "type": "aws_s3_object", "name": "o",)"
        + resourceExtra + R"( "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
         "instances": [{)"
        + instance + "}]}]}";
}

/** Reads with both paths and the combined reader; returns the combined reader's message. */
std::string refusedByBothPaths(const std::string& text, std::size_t limit)
{
    EXPECT_FALSE(importers::readStateV4Fast(text, "s.tfstate", nullptr, withStrings(limit)).has_value())
        << "the fast path must decline a string over the limit";
    const std::string reference =
        refusal([&] { importers::readStateReference(text, "s.tfstate", nullptr, withStrings(limit)); });
    const std::string combined =
        refusal([&] { importers::readStateText(text, "s.tfstate", nullptr, withStrings(limit)); });
    EXPECT_EQ(reference, combined);
    return combined;
}

TEST(StringLimit, theDefaultIsFarAboveRealStrings)
{
    EXPECT_EQ(RecordLimits {}.stringBytes, 256U * 1024 * 1024);
}

TEST(StringLimit, anAttributeStringPastTheLimitIsRefusedByBothPathsAtItsAttributes)
{
    const std::string content(65, 'x');
    const std::string text = stateWithInstance(R"("attributes": {"id": "o", "content": ")" + content + R"("})");
    EXPECT_EQ(refusedByBothPaths(text, 64),
        "s.tfstate: at /resources/0/instances/0/attributes: a string of 65 bytes, more than the 64 bytes one JSON "
        "string may have"
            + kSeeTheDoc);
    // Exactly the limit: both paths read it, and keep it whole.
    const auto fast = importers::readStateV4Fast(text, "s.tfstate", nullptr, withStrings(65));
    ASSERT_TRUE(fast.has_value());
    EXPECT_EQ(fast->instances.at(0).attributes.find("content")->text, content);
    EXPECT_EQ(importers::readStateReference(text, "s.tfstate", nullptr, withStrings(65))
                  .instances.at(0)
                  .attributes.find("content")
                  ->text,
        content);
}

TEST(StringLimit, theUnescapedLengthIsWhatCounts)
{
    // The structure's own strings are under 64 bytes (the provider address is the longest, 47).
    std::string escapes;
    for (int i = 0; i < 40; ++i)
        escapes += "\\n";
    // 80 characters in the file, 40 bytes once read: under a limit of 64 for both paths.
    const std::string text = stateWithInstance(R"("attributes": {"id": "o", "content": ")" + escapes + R"("})");
    const auto fast = importers::readStateV4Fast(text, "s.tfstate", nullptr, withStrings(64));
    ASSERT_TRUE(fast.has_value());
    EXPECT_EQ(fast->instances.at(0).attributes.find("content")->text, std::string(40, '\n'));
    EXPECT_NO_THROW(importers::readStateReference(text, "s.tfstate", nullptr, withStrings(64)));
    // With escapes and past the limit, the fast path declines too.
    std::string longer;
    for (int i = 0; i < 33; ++i)
        longer += "a\\n";
    EXPECT_NE(refusedByBothPaths(stateWithInstance(R"("attributes": {"id": "o", "content": ")" + longer + R"("})"), 64)
                  .find("a string of 66 bytes, more than the 64 bytes"),
        std::string::npos);
}

TEST(StringLimit, aKeyPastTheLimitIsRefusedToo)
{
    const std::string key(70, 'k');
    const std::string text = stateWithInstance(R"("attributes": {"id": "o", "tags": {")" + key + R"(": "1"}})");
    EXPECT_EQ(refusedByBothPaths(text, 64),
        "s.tfstate: at /resources/0/instances/0/attributes: a string of 70 bytes, more than the 64 bytes one JSON "
        "string may have"
            + kSeeTheDoc);
    // A key of the state's own structure is named by the object that holds it.
    const std::string field = stateWithInstance(R"("attributes": {"id": "o"}, ")" + key + R"(": 1)");
    EXPECT_EQ(refusedByBothPaths(field, 64),
        "s.tfstate: at /resources/0/instances/0: a string of 70 bytes, more than the 64 bytes one JSON string may "
        "have"
            + kSeeTheDoc);
}

TEST(StringLimit, stringsOutsideAttributesCountToo)
{
    const std::string long70(70, 'a');
    // `private` is only validated by the fast path, the resource's module is read by it: both decline.
    const std::string inPrivate = stateWithInstance(R"("attributes": {"id": "o"}, "private": ")" + long70 + "\"");
    EXPECT_EQ(refusedByBothPaths(inPrivate, 64),
        "s.tfstate: at /resources/0/instances/0/private: a string of 70 bytes, more than the 64 bytes one JSON "
        "string may have"
            + kSeeTheDoc);
    const std::string inHeader =
        stateWithInstance(R"("attributes": {"id": "o"})", R"( "module": "module.)" + long70 + "\",");
    EXPECT_NE(refusedByBothPaths(inHeader, 64).find("/resources/0/module: a string of 77 bytes"), std::string::npos);
    const std::string inOutputs = R"({"version": 4, "serial": 1, "outputs": {"o": {"value": ")" + long70
        + R"(", "type": "string"}}, "resources": []})";
    EXPECT_NE(refusedByBothPaths(inOutputs, 64).find("a string of 70 bytes"), std::string::npos);
}

TEST(StringLimit, aPlanNamesTheLineAndColumnWhereTheStringStarts)
{
    const std::string plan = "{\"format_version\": \"1.2\",\n  \"resource_changes\": [{\"address\": \"aws_vpc.v\", "
                             "\"mode\": \"managed\", \"type\": \"aws_vpc\", \"name\": \"v\", \"change\": "
                             "{\"actions\": [\"delete\"], \"before\": {\"tags\": {\"Name\": \"0123456789abcdefg\"}}, "
                             "\"after\": null}}]}";
    const std::size_t column = plan.find("\"0123456789abcdefg\"") - plan.find('\n');
    EXPECT_EQ(refusal([&] { importers::readPlanText(plan, "p.json", nullptr, withStrings(16)); }),
        "p.json:2:" + std::to_string(column) + ": a string of 17 bytes, more than the 16 bytes one JSON string may have"
            + kSeeTheDoc);
    EXPECT_EQ(importers::readPlanText(plan, "p.json", nullptr, withStrings(17)).resourceChanges.size(), 1U);
}

TEST(StringLimit, anInventoryListingIsBoundToo)
{
    const std::string listing = R"({"DBSnapshots": [{"DBSnapshotIdentifier": "s", "DBInstanceIdentifier": "db",
        "SnapshotType": "manual", "SnapshotCreateTime": "2026-01-01T00:00:00Z", "Status": "available",
        ")"
        + std::string(70, 'a') + R"(": 1}]})";
    EXPECT_EQ(refusal([&] { importers::readInventoryText(listing, "i.json", withStrings(64)); }),
        "i.json:3:9: a string of 70 bytes, more than the 64 bytes one JSON string may have" + kSeeTheDoc);
    EXPECT_EQ(importers::readInventoryText(listing, "i.json", withStrings(70)).recoveryPoints.size(), 1U);
}

} // namespace
