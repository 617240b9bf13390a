// SPDX-License-Identifier: MIT
#include "blastline/core/OutcomeDiff.h"

#include <gtest/gtest.h>

namespace blastline::core {
namespace {

ReplayOutcome outcome(std::vector<std::pair<std::string, DataFate>> stores)
{
    ReplayOutcome result;
    for (auto& [address, fate] : stores)
        result.dataStores.push_back({address, fate, "", {}});
    return result;
}

TEST(OutcomeDiff, namesEachStoreWhoseFateChangesInTheOrderOfTheFirstRun)
{
    const auto changes = diffOutcomes(outcome({{"b", DataFate::Lost}, {"a", DataFate::Lost}, {"c", DataFate::Intact}}),
        outcome({{"a", DataFate::Recoverable}, {"b", DataFate::Intact}, {"c", DataFate::Intact}}));
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].describe(), "b: lost \u2192 intact");
    EXPECT_EQ(changes[1].describe(), "a: lost \u2192 recoverable");
}

TEST(OutcomeDiff, aStoreNoRunJudgedWasNotDeleted)
{
    // The command ran against another state under the safeguard: its stores are untouched, which for a store that
    // stayed intact anyway is no change.
    const auto changes =
        diffOutcomes(outcome({{"db", DataFate::Lost}, {"logs", DataFate::Intact}}), outcome({}));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].describe(), "db: lost \u2192 untouched");
    const auto appeared = diffOutcomes(outcome({}), outcome({{"new", DataFate::Lost}}));
    ASSERT_EQ(appeared.size(), 1u);
    EXPECT_EQ(appeared[0].describe(), "new: untouched \u2192 lost");
}

TEST(OutcomeDiff, aStoreJudgedTwiceCountsWithItsLastJudgement)
{
    const auto changes = diffOutcomes(outcome({{"db", DataFate::Intact}, {"db", DataFate::Lost}}),
        outcome({{"db", DataFate::Lost}}));
    EXPECT_TRUE(changes.empty());
}

} // namespace
} // namespace blastline::core
