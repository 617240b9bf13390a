// SPDX-License-Identifier: MIT
// ReplayComparison on the sample scenarios: every safeguard replayed alone, ranked by its effect, each with the step
// where it acts; here rather than in core_tests because it reads the real sample files.
#include "blastline/core/ReplayComparison.h"

#include "ReportTestSupport.h"

#include "blastline/importers/ScenarioSession.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace blastline::test {
namespace {

const core::SafeguardEffect& effect(const core::ReplayComparisonResult& result, const std::string& name)
{
    const auto found = std::find_if(result.ranked.begin(), result.ranked.end(),
        [&](const core::SafeguardEffect& e) { return e.safeguard == name; });
    if (found == result.ranked.end())
        throw std::runtime_error("no effect for " + name);
    return *found;
}

TEST(ReplayComparison, triesEverySafeguardOnceAndRanksByVerdictThenSaved)
{
    const importers::ScenarioSession session(sampleScenario("datatalks-2026").string(), {});
    const core::ReplayComparisonResult result = core::ReplayComparison::compute(session.engine());
    EXPECT_EQ(result.baseline.outcome.verdict, core::Verdict::DataLoss);
    std::set<std::string> names;
    for (const core::SafeguardEffect& e : result.ranked)
        names.insert(e.safeguard);
    EXPECT_EQ(names.size(), core::allSafeguards().size() + core::kProcessSafeguards.size());
    EXPECT_EQ(names.size(), result.ranked.size());
    for (std::size_t i = 1; i < result.ranked.size(); ++i) {
        const core::SafeguardEffect& before = result.ranked[i - 1];
        const core::SafeguardEffect& after = result.ranked[i];
        const int a = core::ReplayComparison::verdictRank(before.verdict);
        const int b = core::ReplayComparison::verdictRank(after.verdict);
        EXPECT_LE(a, b) << before.safeguard << " before " << after.safeguard;
        if (a == b) {
            EXPECT_GE(before.saved, after.saved) << before.safeguard << " before " << after.safeguard;
        }
    }
    EXPECT_TRUE(effect(result, "approval-gate").process);
    EXPECT_FALSE(effect(result, "final-snapshot").process);
}

TEST(ReplayComparison, eachEffectComesFromItsOwnReplay)
{
    const importers::ScenarioSession session(sampleScenario("datatalks-2026").string(), {});
    const core::ReplayEngine engine = session.engine();
    const core::ReplayComparisonResult result = core::ReplayComparison::compute(engine);
    for (const char* name : {"approval-gate", "deletion-protection", "final-snapshot"}) {
        const core::ReplayResult alone = engine.run({name});
        const core::SafeguardEffect& e = effect(result, name);
        EXPECT_EQ(e.verdict, alone.outcome.verdict) << name;
        EXPECT_EQ(e.changes.size(), core::diffOutcomes(result.baseline.outcome, alone.outcome).size()) << name;
        if (alone.divergence) {
            ASSERT_TRUE(e.actsAt) << name;
            EXPECT_EQ(e.actsAt->timeMs, alone.divergence->timeMs) << name;
        }
    }
    const core::SafeguardEffect& snapshot = effect(result, "final-snapshot");
    ASSERT_TRUE(snapshot.actsAt) << "a judgement that changes is dated at the delete it judges";
    EXPECT_EQ(snapshot.saved, 1u);
    EXPECT_EQ(snapshot.worsened, 0u);
}

TEST(ReplayComparison, aSafeguardThatChangesNothingIsReportedAsSuch)
{
    const importers::ScenarioSession session(sampleScenario("rds-rename").string(), {});
    const core::ReplayComparisonResult result = core::ReplayComparison::compute(session.engine());
    const core::SafeguardEffect& remote = effect(result, "remote-state");
    EXPECT_TRUE(remote.changes.empty());
    EXPECT_FALSE(remote.actsAt);
    EXPECT_TRUE(remote.changesNothing(result.baseline.outcome.verdict));
    EXPECT_EQ(result.ranked.back().verdict, core::Verdict::DataLoss) << "those that change nothing rank last";
    EXPECT_FALSE(effect(result, "deletion-protection").changesNothing(result.baseline.outcome.verdict));
}

} // namespace
} // namespace blastline::test
