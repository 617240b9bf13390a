// SPDX-License-Identifier: MIT
#include "blastline/core/CaseFile.h"

#include "CaseFileFixture.h"

#include "blastline/core/Error.h"
#include "blastline/core/Sha256.h"
#include "blastline/core/sqlite/SqliteError.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace blastline::core;
using namespace blastline::core::test;

namespace {

class CaseFileTest : public CaseFileFixture
{ };

TEST_F(CaseFileTest, keepsWhatWasImportedAcrossReopening)
{
    ResourceInstance deposed = state.instances[1];
    deposed.deposedKey = "1a2b3c4d";
    deposed.tainted = true;
    state.instances.push_back(deposed);
    std::int64_t stateId = 0;
    {
        CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
        const ImportResult result = caseFile.importEvidence(stateImport());
        ASSERT_TRUE(result.stateId);
        stateId = *result.stateId;
        EXPECT_EQ(result.resources, 3U);
        EXPECT_EQ(result.dependencies, 2U); // both objects of the database depend on the VPC
    }
    const CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::ReadOnly);
    const std::vector<EvidenceRow> evidence = caseFile.evidence();
    ASSERT_EQ(evidence.size(), 1U);
    EXPECT_EQ(evidence[0].path, statePath);
    EXPECT_EQ(evidence[0].absolutePath, statePath);
    EXPECT_EQ(evidence[0].kind, EvidenceKind::State);
    EXPECT_EQ(evidence[0].size, std::string(kStateBytes).size());
    EXPECT_EQ(evidence[0].sha256, Sha256::hex(kStateBytes));
    EXPECT_EQ(evidence[0].blastlineVersion, "0.1.0");
    EXPECT_FALSE(evidence[0].embedded);
    EXPECT_EQ(caseFile.findEvidence(Sha256::hex(kStateBytes))->id, evidence[0].id);
    EXPECT_FALSE(caseFile.findEvidence(Sha256::hex("other bytes")));

    const std::vector<StateRow> states = caseFile.states();
    ASSERT_EQ(states.size(), 1U);
    EXPECT_EQ(states[0].lineage, "5f8c-lineage");
    EXPECT_EQ(states[0].serial, 42U);
    EXPECT_EQ(states[0].resources, 3U);

    const TerraformState loaded = caseFile.loadState(stateId);
    EXPECT_EQ(loaded.path, statePath);
    EXPECT_EQ(loaded.terraformVersion, "1.7.4");
    ASSERT_EQ(loaded.instances.size(), state.instances.size());
    for (std::size_t i = 0; i < state.instances.size(); ++i) {
        const ResourceInstance& before = state.instances[i];
        const ResourceInstance& after = loaded.instances[i];
        EXPECT_EQ(after.address, before.address);
        EXPECT_EQ(after.displayName(), before.displayName());
        EXPECT_EQ(after.provider, before.provider);
        EXPECT_EQ(after.dependencies, before.dependencies);
        EXPECT_EQ(after.tainted, before.tainted);
        EXPECT_EQ(after.attributes.entries(), before.attributes.entries()) << before.displayName();
    }
    ASSERT_EQ(loaded.outputs.size(), 1U);
    EXPECT_TRUE(loaded.outputs[0].sensitive);
    EXPECT_EQ(loaded.outputs[0].valueText, "\"(redacted)\"");
    EXPECT_THROW(caseFile.loadState(stateId + 1), InputError);
}

TEST_F(CaseFileTest, keepsRecoveryPointsAndFilesWithoutNormalisedContent)
{
    const std::string inventoryPath = folder.write("snapshots.json", R"({"DBSnapshots":[]})").string();
    const std::string configurationPath =
        folder.write("main.tf", "resource \"aws_db_instance\" \"orders\" {}").string();
    RecoveryPoint snapshot;
    snapshot.id = "orders-final";
    snapshot.kind = "manual-snapshot";
    snapshot.origin = RecoveryPoint::Origin::Inventory;
    snapshot.protects = "orders";
    snapshot.sourceDocument = inventoryPath;
    snapshot.createdAt = "2026-03-01T03:05:00Z";
    snapshot.retentionDays = 7.5;
    RecoveryPoint vaulted = snapshot;
    vaulted.id = "arn:aws:backup:us-east-1:123456789012:recovery-point:1";
    vaulted.vault = "prod-vault";
    vaulted.createdAt.reset();
    vaulted.retentionDays.reset();
    const std::vector<RecoveryPoint> points {snapshot, vaulted};
    CaseImport request;
    request.files = {{inventoryPath, EvidenceKind::Inventory}, {configurationPath, EvidenceKind::Configuration}};
    request.recoveryPoints = &points;

    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const ImportResult result = caseFile.importEvidence(request);
    EXPECT_EQ(result.recoveryPoints, 2U);
    EXPECT_FALSE(result.stateId);
    const std::vector<RecoveryPoint> loaded = caseFile.recoveryPoints();
    ASSERT_EQ(loaded.size(), 2U);
    EXPECT_EQ(loaded[0].id, "orders-final");
    EXPECT_EQ(loaded[0].origin, RecoveryPoint::Origin::Inventory);
    EXPECT_EQ(loaded[0].createdAt, "2026-03-01T03:05:00Z");
    EXPECT_EQ(loaded[0].retentionDays, 7.5);
    EXPECT_EQ(loaded[1].vault, "prod-vault");
    EXPECT_FALSE(loaded[1].createdAt);
    EXPECT_FALSE(loaded[1].retentionDays);
    const std::vector<EvidenceRow> evidence = caseFile.evidence();
    ASSERT_EQ(evidence.size(), 2U);
    EXPECT_EQ(evidence[1].kind, EvidenceKind::Configuration);
    EXPECT_EQ(evidence[0].importId, evidence[1].importId);
    EXPECT_EQ(caseFile.counts().imports, 1U);
}

TEST_F(CaseFileTest, aNoteHasExactlyOneAnchor)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const std::int64_t stateId = *caseFile.importEvidence(stateImport()).stateId;
    fillTrail(2);
    const TrailCorrelator correlator({&state});
    caseFile.importEvidence(trailImport(correlator, stateId));
    const std::int64_t eventId = *caseFile.findEvent("event-1");

    caseFile.addNote({kT0, std::nullopt, std::nullopt, "outage starts", "alexey"});
    caseFile.addNote({std::nullopt, eventId, std::nullopt, "this is the delete", "alexey"});
    caseFile.addNote({std::nullopt, std::nullopt, "aws_db_instance.orders", "no final snapshot", "ops"});
    const auto refused = [&](const NoteInput& note) {
        try {
            caseFile.addNote(note);
        } catch (const sqlite::SqliteError& error) {
            return error.isConstraint();
        }
        return false;
    };
    EXPECT_TRUE(refused({kT0, eventId, std::nullopt, "two anchors", "x"}));
    EXPECT_TRUE(refused({std::nullopt, std::nullopt, std::nullopt, "no anchor", "x"}));
    EXPECT_TRUE(refused({std::nullopt, eventId + 100, std::nullopt, "an event that is not there", "x"}));

    const std::vector<NoteRow> notes = caseFile.notes();
    ASSERT_EQ(notes.size(), 3U);
    EXPECT_EQ(notes[0].note.atMs, kT0);
    EXPECT_EQ(notes[1].note.eventId, eventId);
    EXPECT_EQ(notes[2].note.resourceAddress, "aws_db_instance.orders");
    EXPECT_EQ(notes[2].note.author, "ops");
    EXPECT_EQ(notes[2].createdAt.size(), std::string("2026-03-05T22:00:00.000Z").size());
}

TEST_F(CaseFileTest, keepsSimulationsAsGiven)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    caseFile.addSimulation({"destroy", "prod.tfstate", "independent-backups", R"({"verdict":"data-loss"})", "0.1.0"});
    const std::vector<SimulationRow> simulations = caseFile.simulations();
    ASSERT_EQ(simulations.size(), 1U);
    EXPECT_EQ(simulations[0].simulation.kind, "destroy");
    EXPECT_EQ(simulations[0].simulation.result, R"({"verdict":"data-loss"})");
    EXPECT_EQ(caseFile.counts().simulations, 1U);
}

TEST_F(CaseFileTest, verifyFindsChangedAndMissingEvidence)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const std::int64_t stateId = *caseFile.importEvidence(stateImport()).stateId;
    fillTrail(1);
    const TrailCorrelator correlator({&state});
    caseFile.importEvidence(trailImport(correlator, stateId));
    for (const VerifyResult& result : caseFile.verify())
        EXPECT_EQ(result.status, VerifyResult::Status::Ok) << result.evidence.path;

    folder.write("prod.tfstate", std::string(kStateBytes) + " ");
    std::filesystem::remove(trailPath);
    const std::vector<VerifyResult> results = caseFile.verify();
    ASSERT_EQ(results.size(), 2U);
    EXPECT_EQ(results[0].status, VerifyResult::Status::Changed);
    EXPECT_EQ(results[0].size, std::string(kStateBytes).size() + 1);
    EXPECT_EQ(results[1].status, VerifyResult::Status::Missing);
    EXPECT_NE(results[1].problem.find(trailPath), std::string::npos) << results[1].problem;
}

} // namespace
