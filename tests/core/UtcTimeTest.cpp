// SPDX-License-Identifier: MIT
#include "blastline/core/UtcTime.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

using blastline::core::UtcTime;

namespace {

// Epoch milliseconds computed independently (Python's datetime), so that parse and fromCivil are not checked
// against each other.
constexpr std::int64_t kMoonLanding = -14'182'940'000; // 1969-07-20T20:17:40Z
constexpr std::int64_t kIncident = 1'772'143'265'000; // 2026-02-26T22:01:05Z
constexpr std::int64_t kLeapDay2024 = 1'709'164'800'000; // 2024-02-29T00:00:00Z
constexpr std::int64_t kInt32SecondsOverflow = 2'147'483'648'000; // 2038-01-19T03:14:08Z
constexpr std::int64_t kEndOf2100 = 4'133'980'799'000; // 2100-12-31T23:59:59Z

TEST(UtcTime, parsesZuluTime)
{
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05Z"), kIncident);
    EXPECT_EQ(UtcTime::parse("2026-02-26t22:01:05z"), kIncident);
    EXPECT_EQ(UtcTime::parse("2026-02-26 22:01:05Z"), kIncident);
    EXPECT_EQ(UtcTime::parse("1970-01-01T00:00:00Z"), 0);
}

TEST(UtcTime, parsesFractionsToMilliseconds)
{
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05.123Z"), kIncident + 123);
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05.5Z"), kIncident + 500);
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05.000Z"), kIncident);
    // Digits past the millisecond are dropped, not rounded.
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05.123999Z"), kIncident + 123);
}

TEST(UtcTime, appliesOffsets)
{
    EXPECT_EQ(UtcTime::parse("2026-02-26T23:01:05+01:00"), kIncident);
    EXPECT_EQ(UtcTime::parse("2026-02-26T16:31:05-05:30"), kIncident);
    EXPECT_EQ(UtcTime::parse("2026-02-27T00:01:05.250+02:00"), kIncident + 250);
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05+00:00"), kIncident);
}

TEST(UtcTime, bareDateIsMidnightUtc)
{
    EXPECT_EQ(UtcTime::parse("2024-02-29"), kLeapDay2024);
    EXPECT_EQ(UtcTime::parse("1970-01-01"), 0);
}

TEST(UtcTime, acceptsLeapDaysOnlyInLeapYears)
{
    EXPECT_EQ(UtcTime::parse("2024-02-29T00:00:00Z"), kLeapDay2024);
    EXPECT_EQ(UtcTime::parse("2023-02-29T00:00:00Z"), std::nullopt);
    EXPECT_EQ(UtcTime::parse("2023-02-29"), std::nullopt);
    EXPECT_TRUE(UtcTime::parse("2000-02-29").has_value()); // divisible by 400
    EXPECT_EQ(UtcTime::parse("1900-02-29"), std::nullopt); // divisible by 100 only
    EXPECT_EQ(UtcTime::parse("2026-04-31"), std::nullopt);
}

TEST(UtcTime, rejectsGarbage)
{
    for (const char* text :
        {"", "2026", "not a date", "2026-13-01", "2026-00-10", "2026-02-00", "2026/02/26", "2026-02-26T25:00:00Z",
            "2026-02-26T22:60:00Z", "2026-02-26T22:01:05+0100", "2026-02-26T22:01:05+24:00", "2026-02-26T22:01:05.Z",
            "2026-02-26T22:01Z", "2026-02-26X22:01:05Z", "2026-02-26T22:01:05Zjunk", "2026-02-26 "})
        EXPECT_EQ(UtcTime::parse(text), std::nullopt) << text;
}

TEST(UtcTime, rejectsTimesWithoutZone)
{
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05"), std::nullopt);
    EXPECT_EQ(UtcTime::parse("2026-02-26T22:01:05.123"), std::nullopt);
}

TEST(UtcTime, formatsWithMilliseconds)
{
    EXPECT_EQ(UtcTime::format(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(UtcTime::format(kIncident + 7), "2026-02-26T22:01:05.007Z");
    EXPECT_EQ(UtcTime::format(kLeapDay2024), "2024-02-29T00:00:00.000Z");
}

TEST(UtcTime, formatsTimesBeforeTheEpoch)
{
    EXPECT_EQ(UtcTime::format(-1), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(UtcTime::format(kMoonLanding), "1969-07-20T20:17:40.000Z");
}

TEST(UtcTime, formatsPastTheYear2038)
{
    EXPECT_EQ(UtcTime::format(kInt32SecondsOverflow), "2038-01-19T03:14:08.000Z");
    EXPECT_EQ(UtcTime::format(kEndOf2100), "2100-12-31T23:59:59.000Z");
}

TEST(UtcTime, formatThenParseRoundTrips)
{
    for (std::int64_t instant : {std::int64_t {0}, std::int64_t {-1}, kMoonLanding, kIncident + 999, kLeapDay2024,
             kInt32SecondsOverflow, kEndOf2100 + 1})
        EXPECT_EQ(UtcTime::parse(UtcTime::format(instant)), instant) << instant;
}

TEST(UtcTime, fromCivilCountsDaysSinceTheEpoch)
{
    EXPECT_EQ(UtcTime::fromCivil(1970, 1, 1), 0);
    EXPECT_EQ(UtcTime::fromCivil(1970, 1, 2), 86'400'000);
    EXPECT_EQ(UtcTime::fromCivil(1969, 12, 31), -86'400'000);
    EXPECT_EQ(UtcTime::fromCivil(2024, 2, 29), kLeapDay2024);
}

} // namespace
