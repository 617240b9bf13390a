// SPDX-License-Identifier: MIT
#include "blastline/core/IsoDate.h"

#include <gtest/gtest.h>

#include <limits>

namespace blastline::core {
namespace {

TEST(IsoDate, addsWholeDaysAcrossMonthsAndYears)
{
    EXPECT_EQ(IsoDate::addDays("2026-02-26", 7), "2026-03-05");
    EXPECT_EQ(IsoDate::addDays("2026-12-31", 1), "2027-01-01");
    EXPECT_EQ(IsoDate::addDays("2026-03-01", -1), "2026-02-28");
    EXPECT_EQ(IsoDate::addDays("2026-02-26", 0.9), "2026-02-26");
}

TEST(IsoDate, aRetentionNoDateCanMeanGivesNoDate)
{
    // A retention period comes from a state or an inventory: whatever it says must not reach an undefined conversion.
    EXPECT_EQ(IsoDate::addDays("2026-02-26", 1e300), std::nullopt);
    EXPECT_EQ(IsoDate::addDays("2026-02-26", -1e30), std::nullopt);
    EXPECT_EQ(IsoDate::addDays("2026-02-26", std::numeric_limits<double>::infinity()), std::nullopt);
    EXPECT_EQ(IsoDate::addDays("2026-02-26", std::numeric_limits<double>::quiet_NaN()), std::nullopt);
    EXPECT_EQ(IsoDate::addDays("not a date", 1), std::nullopt);
    EXPECT_TRUE(IsoDate::addDays("2026-02-26", 3'652'500).has_value());
}

} // namespace
} // namespace blastline::core
