// SPDX-License-Identifier: MIT
#include "gui/EngineRun.h"

#include "GuiTestSupport.h"
#include "gui/DocumentLoader.h"

#include "blastline/core/Error.h"
#include "blastline/core/OutcomeDiff.h"
#include "blastline/core/UtcTime.h"
#include "blastline/importers/ScenarioSession.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace blastline::gui {

using testing::dataTalks;
using testing::engineFateAt;
using testing::kDatabase;
using testing::QuietProgress;

namespace {

std::optional<core::DataFate> storeFate(const core::ReplayOutcome& outcome, const std::string& address)
{
    std::optional<core::DataFate> fate;
    for (const core::ReplayOutcome::DataStore& store : outcome.dataStores) {
        if (store.address == address)
            fate = store.fate; // the last judgement counts, as the story ends with it
    }
    return fate;
}

} // namespace

TEST(EngineRun, aScenarioRunIsTheReplayEnginesRun)
{
    QuietProgress progress;
    const RunResult run = EngineRun::run(dataTalks(), {}, progress);
    const core::ReplayResult direct = dataTalks().scenario->engine().run({});
    EXPECT_EQ(run.outcome().verdict, direct.outcome.verdict);
    EXPECT_EQ(run.events().size(), direct.events.size());
    ASSERT_TRUE(run.graph);
    EXPECT_FALSE(run.relativeTimes);
    EXPECT_LE(run.startMs, run.endMs);

    // The recorded DeleteDBCluster is at 22:02:04Z; the world shown is the engine's simulated one, whatever it says.
    const std::int64_t recordedDelete = *core::UtcTime::parse("2026-02-26T22:02:04Z");
    for (const std::int64_t instant : {recordedDelete - 60'000, recordedDelete + 30'000, run.endMs})
        EXPECT_EQ(run.fatesAt(instant).at(kDatabase), engineFateAt(direct, kDatabase, instant));
    const std::optional<std::int64_t> deleted = testing::engineDeleteTime(direct, kDatabase);
    ASSERT_TRUE(deleted) << "the engine deletes the cluster in the evening's destroy";
    EXPECT_NE(run.fatesAt(*deleted - 1).at(kDatabase), NodeFate::Deleted);
    EXPECT_EQ(run.fatesAt(*deleted).at(kDatabase), NodeFate::Deleted);
    EXPECT_EQ(run.fatesAt(run.endMs).at(kDatabase), NodeFate::Deleted);
}

TEST(EngineRun, aSafeguardChangesWhatTheEngineSays)
{
    QuietProgress progress;
    const RunResult baseline = EngineRun::run(dataTalks(), {}, progress);
    const RunResult guarded = EngineRun::run(dataTalks(), {"deletion-protection"}, progress);
    const core::ReplayResult direct = dataTalks().scenario->engine().run({"deletion-protection"});
    EXPECT_EQ(storeFate(guarded.outcome(), kDatabase), storeFate(direct.outcome, kDatabase));
    EXPECT_EQ(guarded.safeguards(), std::vector<std::string> {"deletion-protection"});
    const std::vector<core::FateChange> changes = core::diffOutcomes(baseline.outcome(), guarded.outcome());
    const bool databaseChanges = std::any_of(
        changes.begin(), changes.end(), [](const core::FateChange& change) { return change.address == kDatabase; });
    EXPECT_EQ(databaseChanges, storeFate(baseline.outcome(), kDatabase) != storeFate(direct.outcome, kDatabase));
}

TEST(EngineRun, aStateRunIsTheWhatIfEnginesDestroy)
{
    QuietProgress progress;
    const Document document =
        DocumentLoader::load({testing::sourcePath("sample-data/datatalks-2026/production.tfstate")}, progress);
    const RunResult run = EngineRun::run(document, {}, progress);
    const core::WhatIfResult direct = core::WhatIfEngine::runOnce(*document.whatIfInputs, *document.catalogue, {});
    EXPECT_TRUE(run.relativeTimes);
    EXPECT_EQ(run.outcome().verdict, direct.analysis.verdict);
    ASSERT_EQ(run.outcome().dataStores.size(), direct.analysis.dataStores.size());
    // Every delete the engine did is deleted at the run's end, and pending at its start.
    for (const core::Operation& operation : direct.simulation.operations) {
        if (operation.outcome != core::OperationOutcome::Done)
            continue;
        EXPECT_EQ(run.fatesAt(run.endMs).at(operation.address), NodeFate::Deleted) << operation.address;
        EXPECT_EQ(run.fatesAt(-1).at(operation.address), NodeFate::Pending) << operation.address;
    }
}

TEST(EngineRun, offersTheSafeguardsTheEngineTakes)
{
    const std::vector<std::string> names = EngineRun::availableSafeguards(dataTalks());
    EXPECT_NE(std::find(names.begin(), names.end(), "deletion-protection"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "approval-gate"), names.end());

    QuietProgress progress;
    const Document state =
        DocumentLoader::load({testing::sourcePath("sample-data/datatalks-2026/production.tfstate")}, progress);
    const std::vector<std::string> stateNames = EngineRun::availableSafeguards(state);
    EXPECT_EQ(std::find(stateNames.begin(), stateNames.end(), "approval-gate"), stateNames.end());
    EXPECT_THROW(EngineRun::run(state, {"approval-gate"}, progress), core::InputError);
}

} // namespace blastline::gui
