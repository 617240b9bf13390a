// SPDX-License-Identifier: MIT
#include "blastline/report/TimeZone.h"

#include "blastline/core/Error.h"
#include "blastline/core/UtcTime.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace blastline::report {
namespace {

std::int64_t at(const char* text)
{
    return *core::UtcTime::parse(text);
}

bool haveZoneinfo()
{
    return std::filesystem::exists("/usr/share/zoneinfo/Europe/Berlin");
}

/** A version-2 TZif file with no transitions, only its type and a POSIX footer: how "slim" files end. */
std::string footerOnly(const std::string& footer, std::int32_t offset, const std::string& abbreviation)
{
    std::string bytes;
    const auto u32 = [&](std::uint32_t value) {
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += static_cast<char>((value >> shift) & 0xff);
    };
    const auto header = [&]() {
        bytes += "TZif2";
        bytes += std::string(15, '\0');
        for (const std::uint32_t count : {0u, 0u, 0u, 0u, 1u, static_cast<std::uint32_t>(abbreviation.size() + 1)})
            u32(count);
    };
    const auto body = [&]() {
        u32(static_cast<std::uint32_t>(offset));
        bytes += '\0';
        bytes += '\0';
        bytes += abbreviation;
        bytes += '\0';
    };
    header();
    body();
    header();
    body();
    bytes += "\n" + footer + "\n";
    return bytes;
}

TEST(TimeZone, utcNeedsNoFile)
{
    EXPECT_EQ(TimeZone::utc().format(at("2026-02-26T22:02:04Z")), "2026-02-26 22:02:04 UTC");
    EXPECT_TRUE(TimeZone::utc().isUtc());
}

TEST(TimeZone, berlinInWinterAndSummer)
{
    if (!haveZoneinfo())
        GTEST_SKIP() << "/usr/share/zoneinfo is missing (Debian's tzdata)";
    const TimeZone berlin = TimeZone::load("Europe/Berlin");
    EXPECT_EQ(berlin.format(at("2026-02-26T22:02:04Z")), "2026-02-26 23:02:04 CET");
    EXPECT_EQ(berlin.format(at("2026-07-01T12:00:00Z")), "2026-07-01 14:00:00 CEST");
    // The switch on the last Sunday of March 2026 (29 March, 01:00 UTC).
    EXPECT_EQ(berlin.format(at("2026-03-29T00:59:59Z")), "2026-03-29 01:59:59 CET");
    EXPECT_EQ(berlin.format(at("2026-03-29T01:00:00Z")), "2026-03-29 03:00:00 CEST");
    EXPECT_FALSE(berlin.isUtc());
}

TEST(TimeZone, otherZonesAndHalfHours)
{
    if (!haveZoneinfo())
        GTEST_SKIP() << "/usr/share/zoneinfo is missing (Debian's tzdata)";
    EXPECT_EQ(TimeZone::load("America/New_York").format(at("2014-06-17T19:00:00Z")), "2014-06-17 15:00:00 EDT");
    EXPECT_EQ(TimeZone::load("Asia/Kolkata").format(at("2026-02-26T22:02:04Z")), "2026-02-27 03:32:04 IST");
    EXPECT_EQ(TimeZone::load("Australia/Sydney").format(at("2024-05-02T00:00:00Z")), "2024-05-02 10:00:00 AEST");
}

TEST(TimeZone, unknownNamesAreInputErrors)
{
    for (const char* name : {"Mars/Olympus_Mons", "", "../etc/passwd", "/etc/localtime", "Europe/../Europe/Berlin"})
        EXPECT_THROW(TimeZone::load(name), core::InputError) << name;
}

TEST(TimeZone, aFileThatIsNotTzifIsAnInputError)
{
    EXPECT_THROW(TimeZone::parse("x", "not a zone file"), core::InputError);
    EXPECT_THROW(TimeZone::parse("x", "TZif2"), core::InputError);
}

TEST(TimeZone, instantsAfterTheLastTransitionFollowTheFooter)
{
    const TimeZone zone = TimeZone::parse("Test/Berlin", footerOnly("CET-1CEST,M3.5.0,M10.5.0/3", 3600, "CET"));
    EXPECT_EQ(zone.format(at("2030-01-15T12:00:00Z")), "2030-01-15 13:00:00 CET");
    EXPECT_EQ(zone.format(at("2030-07-15T12:00:00Z")), "2030-07-15 14:00:00 CEST");
    // 2030: last Sunday of October is the 27th; summer time ends at 03:00 CEST = 01:00 UTC.
    EXPECT_EQ(zone.format(at("2030-10-27T00:59:59Z")), "2030-10-27 02:59:59 CEST");
    EXPECT_EQ(zone.format(at("2030-10-27T01:00:00Z")), "2030-10-27 02:00:00 CET");
    const TimeZone southern = TimeZone::parse("Test/Sydney", footerOnly("AEST-10AEDT,M10.1.0,M4.1.0/3", 36000, "AEST"));
    EXPECT_EQ(southern.format(at("2030-01-15T00:00:00Z")), "2030-01-15 11:00:00 AEDT");
    EXPECT_EQ(southern.format(at("2030-06-15T00:00:00Z")), "2030-06-15 10:00:00 AEST");
    const TimeZone numeric = TimeZone::parse("Test/Numeric", footerOnly("<+0530>-5:30", 19800, "+0530"));
    EXPECT_EQ(numeric.format(at("2030-06-15T00:00:00Z")), "2030-06-15 05:30:00 +05:30");
}

} // namespace
} // namespace blastline::report
