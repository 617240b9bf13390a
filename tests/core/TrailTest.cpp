// SPDX-License-Identifier: MIT
#include "blastline/core/Trail.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace blastline::core;

namespace {

constexpr std::string_view kTerraformAgent =
    "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.31.0";
constexpr std::string_view kCliAgent = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws";

/** An event known by its ID, time and file; `eventName` tells copies apart in assertions. */
void addEvent(Trail& trail, std::int64_t timeMs, std::string_view eventId, std::uint32_t input,
    std::string_view eventName = "DeleteBucket")
{
    TrailEvent event;
    event.timeMs = timeMs;
    event.eventId = trail.intern(eventId);
    event.input = input;
    event.eventName = trail.intern(eventName);
    trail.addEvent(std::move(event));
}

/** "time/id/input" of every event, in order. */
std::vector<std::string> describe(const Trail& trail)
{
    std::vector<std::string> out;
    for (const TrailEvent& event : trail.events())
        out.push_back(std::to_string(event.timeMs) + "/" + std::string(trail.text(event.eventId)) + "/"
            + std::to_string(event.input));
    return out;
}

TEST(Trail, finishOrdersByTimeThenEventIdThenFile)
{
    Trail trail;
    addEvent(trail, 3000, "c", 0);
    addEvent(trail, 1000, "b", 1);
    addEvent(trail, 1000, "a", 2);
    addEvent(trail, 2000, "", 1);
    addEvent(trail, 2000, "", 0);
    EXPECT_EQ(trail.finish(), 0U);
    EXPECT_EQ(describe(trail), (std::vector<std::string> {"1000/a/2", "1000/b/1", "2000//0", "2000//1", "3000/c/0"}));
}

TEST(Trail, finishKeepsTheCopyFromTheFirstFile)
{
    Trail trail;
    addEvent(trail, 1000, "dup", 1);
    addEvent(trail, 1000, "dup", 0);
    addEvent(trail, 2000, "other", 0);
    addEvent(trail, 1000, "dup", 2);
    EXPECT_EQ(trail.finish(), 2U);
    EXPECT_EQ(trail.duplicatesRemoved(), 2U);
    EXPECT_EQ(describe(trail), (std::vector<std::string> {"1000/dup/0", "2000/other/0"}));
}

TEST(Trail, recordsSharingOnlyAnIdAreDifferentEvents)
{
    // Test data reuses placeholder IDs ("1" in Panther's rules); a real copy has the same time and name too.
    Trail trail;
    addEvent(trail, 1000, "1", 0, "DisableKey");
    addEvent(trail, 1000, "1", 0, "ScheduleKeyDeletion");
    addEvent(trail, 4000, "1", 0, "DisableKey");
    EXPECT_EQ(trail.finish(), 0U);
    EXPECT_EQ(trail.events().size(), 3U);
}

TEST(Trail, finishKeepsEveryEventWithoutAnId)
{
    Trail trail;
    addEvent(trail, 1000, "", 0);
    addEvent(trail, 1000, "", 0);
    addEvent(trail, 1000, "", 0);
    EXPECT_EQ(trail.finish(), 0U);
    EXPECT_EQ(trail.events().size(), 3U);
    EXPECT_EQ(trail.duplicatesRemoved(), 0U);
}

TEST(Trail, duplicatesRemovedAddsUpOverFinishCalls)
{
    Trail trail;
    addEvent(trail, 1000, "a", 0);
    addEvent(trail, 1000, "a", 1);
    EXPECT_EQ(trail.finish(), 1U);
    addEvent(trail, 1000, "a", 2);
    addEvent(trail, 500, "b", 2);
    EXPECT_EQ(trail.finish(), 1U);
    EXPECT_EQ(trail.duplicatesRemoved(), 2U);
    EXPECT_EQ(describe(trail), (std::vector<std::string> {"500/b/2", "1000/a/0"}));
}

TEST(Trail, toolForComputesEachAgentOnce)
{
    Trail trail;
    const std::uint32_t terraform = trail.toolFor(kTerraformAgent, "", "203.0.113.7");
    const std::uint32_t cli = trail.toolFor(kCliAgent, "", "203.0.113.7");
    EXPECT_EQ(terraform, 0U);
    EXPECT_EQ(cli, 1U);
    // Another address is the same agent: no new entry.
    EXPECT_EQ(trail.toolFor(kTerraformAgent, "", "198.51.100.20"), terraform);
    EXPECT_EQ(trail.toolFor(kCliAgent, "", "203.0.113.7"), cli);
    ASSERT_EQ(trail.tools().size(), 2U);
    EXPECT_EQ(trail.tool(terraform).kind, ToolIdentity::Kind::Terraform);
    EXPECT_EQ(trail.tool(terraform).name, "Terraform 1.7.5 with terraform-provider-aws 5.31.0");
    EXPECT_EQ(trail.tool(cli).kind, ToolIdentity::Kind::AwsCli);
}

TEST(Trail, agentsOfTheSameToolShareOneIndex)
{
    // Each API call's agent differs in its last tokens; the tool is the same.
    Trail trail;
    const std::uint32_t rds = trail.toolFor(std::string(kTerraformAgent) + " api/rds#1.70.1", "", "203.0.113.7");
    const std::uint32_t ec2 = trail.toolFor(std::string(kTerraformAgent) + " api/ec2#1.150.0", "", "203.0.113.7");
    const std::uint32_t other =
        trail.toolFor("APN/1.0 HashiCorp/1.0 Terraform/1.7.5 terraform-provider-aws/5.40.0", "", "203.0.113.7");
    EXPECT_EQ(rds, ec2);
    EXPECT_NE(rds, other);
    EXPECT_EQ(trail.tools().size(), 2U);
}

TEST(Trail, toolForSeparatesServiceAddressesAndInvokers)
{
    Trail trail;
    const std::uint32_t bare = trail.toolFor("", "", "203.0.113.7");
    const std::uint32_t byService = trail.toolFor("", "", "backup.amazonaws.com");
    const std::uint32_t invoked = trail.toolFor("", "ecs.amazonaws.com", "203.0.113.7");
    EXPECT_NE(bare, byService);
    EXPECT_NE(bare, invoked);
    EXPECT_NE(byService, invoked);
    EXPECT_EQ(trail.toolFor("", "", "backup.amazonaws.com"), byService);
    EXPECT_EQ(trail.tools().size(), 3U);
    EXPECT_EQ(trail.tool(byService).kind, ToolIdentity::Kind::AwsService);
    EXPECT_EQ(trail.tool(byService).name, "backup.amazonaws.com");
    EXPECT_EQ(trail.tool(invoked).name, "ecs.amazonaws.com");
}

TEST(Trail, internedTextRoundTrips)
{
    Trail trail;
    const StringId id = trail.intern("rds.amazonaws.com");
    EXPECT_EQ(trail.intern("rds.amazonaws.com"), id);
    EXPECT_EQ(trail.text(id), "rds.amazonaws.com");
    EXPECT_EQ(trail.text(0), "");
    EXPECT_EQ(trail.strings().size(), 2U);
}

TEST(Trail, reportsUnreadableInputs)
{
    Trail trail;
    EXPECT_FALSE(trail.hasUnreadableInputs());
    TrailInput readable;
    readable.path = "a.json";
    readable.format = "records";
    EXPECT_EQ(trail.addInput(readable), 0U);
    EXPECT_FALSE(trail.hasUnreadableInputs());
    TrailInput unread;
    unread.path = "b.json";
    const std::uint32_t broken = trail.addInput(unread);
    EXPECT_EQ(broken, 1U);
    trail.input(broken).error = "b.json: byte 12: expected '{'";
    EXPECT_TRUE(trail.hasUnreadableInputs());
    EXPECT_EQ(trail.inputs().size(), 2U);
}

} // namespace
