// SPDX-License-Identifier: MIT
// The replay engine on the other scenarios of sample-data: rds-rename (an apply of a plan that replaces the
// production database) and codespaces-2014 (an attacker's console deletes, told by the trail and the narrative).
// Here rather than in core_tests because it reads the real sample files.
#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/ReplayEngine.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/CloudTrailReader.h"
#include "blastline/importers/PlanReader.h"
#include "blastline/importers/ScenarioReader.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace blastline::importers {
namespace {

constexpr const char* kOrders = "aws_db_instance.orders";

/** A scenario folder and everything its evidence holds, read as `blastline replay` reads them. */
class ScenarioReplay
{
public:
    explicit ScenarioReplay(const std::string& folder)
        : m_scenario(ScenarioReader::readFile(std::string(BLASTLINE_SOURCE_DIR) + "/sample-data/" + folder))
    {
        for (const core::ScenarioEvidenceFile& file : m_scenario.evidence.states)
            m_inputs.states.emplace(
                file.id, file.path ? StateReader::readFile(file.path->string()) : core::TerraformState {});
        for (const core::ScenarioEvidenceFile& file : m_scenario.evidence.plans)
            m_inputs.plans.emplace(file.id, PlanReader::readFile(file.path->string()));
        std::vector<std::string> trails;
        for (const core::ScenarioEvidenceFile& file : m_scenario.evidence.trails)
            trails.push_back(file.path->string());
        if (trails.empty()) {
            m_trail.finish();
        } else {
            CloudTrailReadOptions options;
            options.filter.scope = core::TrailFilter::Scope::All;
            m_trail = CloudTrailReader::read(trails, options);
        }
        m_inputs.scenario = &m_scenario;
        m_inputs.trail = &m_trail;
        m_inputs.catalogue = &m_catalogue;
        m_inputs.asOf = "2026-02-26";
    }

    core::ReplayResult replay(const std::vector<std::string>& safeguards) const
    {
        return core::ReplayEngine(m_inputs).run(safeguards);
    }

    const core::Scenario& scenario() const { return m_scenario; }
    core::ReplayInputs& inputs() { return m_inputs; }

private:
    core::Scenario m_scenario;
    core::Trail m_trail;
    core::CatalogueRules m_catalogue {CatalogueReader::builtin()};
    core::ReplayInputs m_inputs;
};

std::optional<core::DataFate> fateOf(const core::ReplayResult& result, const std::string& address)
{
    for (const auto& store : result.outcome.dataStores) {
        if (store.address == address)
            return store.fate;
    }
    return std::nullopt;
}

bool hasEvent(const core::ReplayResult& result, core::ReplayEvent::Origin origin, const std::string& outcome,
    const std::string& address)
{
    return std::any_of(result.events.begin(), result.events.end(), [&](const core::ReplayEvent& event) {
        return event.origin == origin && event.outcome == outcome
            && std::find(event.addresses.begin(), event.addresses.end(), address) != event.addresses.end();
    });
}

TEST(ReplayRdsRename, appliedAsIsTheDatabaseIsLost)
{
    const ScenarioReplay rename("rds-rename");
    const core::ReplayResult result = rename.replay({});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::DataLoss);
    EXPECT_EQ(fateOf(result, kOrders), core::DataFate::Lost);
    EXPECT_TRUE(hasEvent(result, core::ReplayEvent::Origin::Simulated, "done", kOrders));
    // The harmless changes are listed, not simulated: the bucket is created after the replacement.
    EXPECT_TRUE(hasEvent(result, core::ReplayEvent::Origin::Simulated, "done", "aws_s3_bucket.exports"));
    // What the engine finds is the scenario's ground truth.
    ASSERT_EQ(rename.scenario().groundTruth.dataStores.size(), 1u);
    EXPECT_EQ(rename.scenario().groundTruth.dataStores[0].address, kOrders);
    EXPECT_EQ(rename.scenario().groundTruth.dataStores[0].fate, core::DataStoreFate::Lost);
}

TEST(ReplayRdsRename, anApprovalGateStopsTheApply)
{
    const ScenarioReplay rename("rds-rename");
    const core::ReplayResult result = rename.replay({"approval-gate"});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::NoDataLoss);
    EXPECT_NE(fateOf(result, kOrders), core::DataFate::Lost);
    EXPECT_TRUE(hasEvent(result, core::ReplayEvent::Origin::Simulated, "stopped", kOrders));
    EXPECT_FALSE(hasEvent(result, core::ReplayEvent::Origin::Simulated, "done", kOrders));
    ASSERT_TRUE(result.divergence.has_value());
    EXPECT_TRUE(result.divergence->operationsDiffer);
}

TEST(ReplayRdsRename, aFinalSnapshotLeavesItRecoverable)
{
    const ScenarioReplay rename("rds-rename");
    const core::ReplayResult result = rename.replay({"final-snapshot"});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::Recoverable);
    EXPECT_EQ(fateOf(result, kOrders), core::DataFate::Recoverable);
    // The same apply runs; only its judgement changes, at the replacement rather than at the epoch.
    ASSERT_TRUE(result.divergence.has_value());
    EXPECT_FALSE(result.divergence->operationsDiffer);
    EXPECT_GT(result.divergence->timeMs, 0);
}

TEST(ReplayRdsRename, preventDestroyRefusesTheWholePlan)
{
    const ScenarioReplay rename("rds-rename");
    const core::ReplayResult result = rename.replay({"prevent-destroy"});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::Aborted);
    EXPECT_TRUE(hasEvent(result, core::ReplayEvent::Origin::Simulated, "aborted", kOrders));
    EXPECT_FALSE(hasEvent(result, core::ReplayEvent::Origin::Simulated, "done", "aws_s3_bucket.exports"));
}

TEST(ReplayRdsRename, aPlanMissingFromTheInputsIsAnError)
{
    ScenarioReplay rename("rds-rename");
    rename.inputs().plans.clear();
    EXPECT_THROW((void)rename.replay({}), core::Error);
}

TEST(ReplayCodeSpaces, readsAndReplaysTheAttackersDeletes)
{
    const ScenarioReplay codeSpaces("codespaces-2014");
    const core::ReplayResult result = codeSpaces.replay({});
    for (const char* address : {"aws_ebs_snapshot.repositories_svn_nightly", "aws_s3_bucket.offsite_backups",
             "aws_instance.svn_1", "aws_ebs_volume.database"}) {
        EXPECT_TRUE(hasEvent(result, core::ReplayEvent::Origin::CloudTrail, "", address)) << address;
    }
    const auto console = std::count_if(result.events.begin(), result.events.end(), [](const core::ReplayEvent& e) {
        return e.origin == core::ReplayEvent::Origin::CloudTrail && e.text.find("(AWS console)") != std::string::npos
            && e.text.find("backup-admin2") != std::string::npos;
    });
    EXPECT_EQ(console, 16);
    // The deletes are not Terraform's: the command stands for the recorded history, replayed delete by delete.
    EXPECT_TRUE(result.sequenceDifferences.empty());
    const auto replayed = std::count_if(result.events.begin(), result.events.end(), [](const core::ReplayEvent& e) {
        return e.origin == core::ReplayEvent::Origin::Simulated && e.outcome == "done";
    });
    EXPECT_EQ(replayed, 16); // 5 snapshots, 2 AMIs, 3 buckets, 4 instances, 2 volumes
}

TEST(ReplayCodeSpaces, theRecordedDeletesLoseTheVolumesTheirSnapshotsWentWith)
{
    const ScenarioReplay codeSpaces("codespaces-2014");
    const core::ReplayResult result = codeSpaces.replay({});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::DataLoss);
    // The ground truth's lost volumes: lost, their snapshots deleted before them.
    for (const core::DataStoreTruth& truth : codeSpaces.scenario().groundTruth.dataStores) {
        if (truth.address.rfind("aws_ebs_volume.", 0) == 0 && truth.fate == core::DataStoreFate::Lost) {
            EXPECT_EQ(fateOf(result, truth.address), core::DataFate::Lost) << truth.address;
        }
    }
    // A bucket can only be deleted empty: whether objects were in it before (data events are not in a management
    // trail) is not known, and the engine says so rather than guessing.
    EXPECT_EQ(fateOf(result, "aws_s3_bucket.offsite_backups"), core::DataFate::Unknown);
    EXPECT_EQ(fateOf(result, "aws_ebs_volume.repositories_git"), core::DataFate::Intact);
}

TEST(ReplayCodeSpaces, backupsInAnotherAccountMakeEveryDeletedStoreRecoverable)
{
    const ScenarioReplay codeSpaces("codespaces-2014");
    const core::ReplayResult result = codeSpaces.replay({"independent-backups"});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::Recoverable);
    for (const auto& store : result.outcome.dataStores)
        EXPECT_NE(store.fate, core::DataFate::Lost) << store.address;
    EXPECT_EQ(fateOf(result, "aws_s3_bucket.offsite_backups"), core::DataFate::Recoverable);
    ASSERT_TRUE(result.divergence);
    EXPECT_FALSE(result.divergence->operationsDiffer); // the attacker still deletes everything
}

TEST(ReplayCodeSpaces, denyingDeletesStopsTheAttackerButSaysWhatIsNotKnown)
{
    const ScenarioReplay codeSpaces("codespaces-2014");
    const core::ReplayResult result = codeSpaces.replay({"scp-deny-delete"});
    EXPECT_EQ(result.outcome.verdict, core::Verdict::NoDataLoss);
    ASSERT_TRUE(result.divergence);
    EXPECT_TRUE(result.divergence->operationsDiffer);
    EXPECT_NE(result.divergence->description.find("not known from the evidence"), std::string::npos);
}

TEST(ReplayCodeSpaces, safeguardsThatCouldNotHaveActedChangeNothingOrNotTheVerdict)
{
    const ScenarioReplay codeSpaces("codespaces-2014");
    // Nobody reviews deletes made in a console: an approval gate changes nothing.
    const core::ReplayResult gated = codeSpaces.replay({"approval-gate"});
    EXPECT_FALSE(gated.divergence);
    EXPECT_EQ(gated.outcome.verdict, core::Verdict::DataLoss);
    // Termination protection stops the console's TerminateInstances, not the snapshot and volume deletes.
    const core::ReplayResult protectedRun = codeSpaces.replay({"deletion-protection"});
    EXPECT_EQ(fateOf(protectedRun, "aws_instance.svn_1"), core::DataFate::Intact);
    EXPECT_EQ(fateOf(protectedRun, "aws_ebs_volume.database"), core::DataFate::Lost);
    EXPECT_EQ(protectedRun.outcome.verdict, core::Verdict::DataLoss);
    // What acts through Terraform (its configuration, the parameters of its delete calls) cannot change console calls.
    for (const char* terraformOnly : {"prevent-destroy", "final-snapshot", "retain-automated-backups"}) {
        const core::ReplayResult result = codeSpaces.replay({terraformOnly});
        EXPECT_FALSE(result.divergence) << terraformOnly;
        EXPECT_EQ(result.outcome.verdict, core::Verdict::DataLoss) << terraformOnly;
        ASSERT_EQ(result.outcome.notes.size(), 1u) << terraformOnly;
        EXPECT_NE(result.outcome.notes.front().find("made outside Terraform"), std::string::npos);
    }
}

TEST(ReplayCodeSpaces, groundTruthListsWhatWasLost)
{
    const ScenarioReplay codeSpaces("codespaces-2014");
    std::vector<std::string> lost;
    for (const core::DataStoreTruth& store : codeSpaces.scenario().groundTruth.dataStores) {
        if (store.fate == core::DataStoreFate::Lost)
            lost.push_back(store.address);
    }
    EXPECT_EQ(lost,
        (std::vector<std::string> {"aws_s3_bucket.repository_backups", "aws_s3_bucket.offsite_backups",
            "aws_s3_bucket.machine_configs", "aws_ebs_volume.repositories_svn", "aws_ebs_volume.database"}));
    // Every lost store is in the estate, and the trail records its delete.
    const core::ReplayResult result = codeSpaces.replay({});
    for (const std::string& address : lost)
        EXPECT_TRUE(hasEvent(result, core::ReplayEvent::Origin::CloudTrail, "", address)) << address;
    // The lesson is a backup in another account: a decision offers it.
    bool independent = false;
    for (const core::DecisionPoint& decision : codeSpaces.scenario().decisions) {
        for (const core::DecisionOption& option : decision.options)
            independent = independent || option.effect.name == "independent-backups";
    }
    EXPECT_TRUE(independent);
}

} // namespace
} // namespace blastline::importers
