// SPDX-License-Identifier: MIT
#include "gui/DocumentLoader.h"

#include "GuiTestSupport.h"
#include "TemporaryDirectory.h"
#include "gui/EngineRun.h"
#include "gui/InspectorHtml.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/importers/ScenarioSession.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

namespace blastline::gui {

using testing::QuietProgress;
using testing::sourcePath;

namespace {

/** Cancels as soon as anything asks. */
class CancellingProgress : public core::ProgressSink
{
public:
    void progress(std::string_view, std::uint64_t, std::uint64_t) override { }
    bool isCancelled() const override { return true; }
};

std::string messageOf(const std::vector<std::string>& paths)
{
    QuietProgress progress;
    try {
        DocumentLoader::load(paths, progress);
    } catch (const core::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

} // namespace

TEST(DocumentLoader, opensAScenarioWithItsTrail)
{
    const Document& document = testing::dataTalks();
    EXPECT_EQ(document.kind, Document::Kind::Scenario);
    ASSERT_TRUE(document.scenario);
    EXPECT_EQ(document.title, document.scenario->scenario().metadata.title);
    EXPECT_EQ(document.trail.get(), &document.scenario->trail());
    EXPECT_FALSE(document.trail->events().empty());
    EXPECT_TRUE(document.hasProcessSafeguards());
}

TEST(DocumentLoader, opensAStateWithAnInventory)
{
    QuietProgress progress;
    const Document document =
        DocumentLoader::load({sourcePath("sample-data/datatalks-2026/production.tfstate"),
                                 sourcePath("tests/fuzz/seeds/inventory/rds-db-cluster-snapshots.json")},
            progress);
    EXPECT_EQ(document.kind, Document::Kind::State);
    ASSERT_TRUE(document.whatIfInputs);
    EXPECT_FALSE(document.whatIfInputs->state.instances.empty());
    EXPECT_FALSE(document.whatIfInputs->inventory.empty());
    EXPECT_EQ(document.title, "production.tfstate");
    EXPECT_TRUE(document.trail->events().empty());
}

TEST(DocumentLoader, opensAPlanFromItsPriorState)
{
    QuietProgress progress;
    const Document document = DocumentLoader::load({sourcePath("sample-data/rds-rename/plan.json")}, progress);
    EXPECT_EQ(document.kind, Document::Kind::Plan);
    ASSERT_TRUE(document.plan);
    ASSERT_TRUE(document.plan->priorState);
    EXPECT_EQ(document.whatIfInputs->state.instances.size(), document.plan->priorState->instances.size());
}

TEST(DocumentLoader, opensATrailAlone)
{
    QuietProgress progress;
    const Document document = DocumentLoader::load({sourcePath("sample-data/datatalks-2026/cloudtrail")}, progress);
    EXPECT_EQ(document.kind, Document::Kind::Trail);
    EXPECT_FALSE(document.isSimulated());
    EXPECT_FALSE(document.trail->events().empty());
}

TEST(DocumentLoader, opensACaseWithItsStateAndNotes)
{
    blastline::testing::TemporaryDirectory folder;
    const std::string casePath = (folder.path() / "incident.blc").string();
    const std::string statePath = sourcePath("sample-data/datatalks-2026/production.tfstate");
    {
        core::CaseFile caseFile = core::CaseFile::open(casePath, core::CaseFile::OpenMode::CreateIfMissing);
        const core::TerraformState state = importers::StateReader::readFile(statePath);
        core::CaseImport request;
        request.commandLine = "gui_tests";
        request.files = {{statePath, core::EvidenceKind::State}};
        request.state = &state;
        caseFile.importEvidence(request);
        core::NoteInput note;
        note.resourceAddress = testing::kDatabase;
        note.text = "the one that mattered";
        note.author = "tester";
        caseFile.addNote(note);
    }
    QuietProgress progress;
    const Document document = DocumentLoader::load({casePath}, progress);
    EXPECT_EQ(document.kind, Document::Kind::State);
    EXPECT_EQ(document.casePath, casePath);
    EXPECT_EQ(
        document.whatIfInputs->state.instances.size(), importers::StateReader::readFile(statePath).instances.size());
    ASSERT_EQ(document.notes.size(), 1U);
    const RunResult run = EngineRun::run(document, {}, progress);
    EXPECT_TRUE(InspectorHtml::build(document, run, testing::kDatabase, NodeFate::Alive)
                    .contains(QStringLiteral("the one that mattered")));
}

TEST(DocumentLoader, namesTheFileAndWhatIsWrong)
{
    blastline::testing::TemporaryDirectory folder;
    const std::string notes = folder.write("notes.txt", "these are not Terraform's").string();
    EXPECT_NE(messageOf({notes}).find(notes), std::string::npos) << messageOf({notes});
    const std::string missing = (folder.path() / "missing.tfstate").string();
    EXPECT_NE(messageOf({missing}).find("missing.tfstate"), std::string::npos);
    const std::string state = sourcePath("sample-data/datatalks-2026/production.tfstate");
    EXPECT_NE(messageOf({state, state}).find("one scenario, state, plan or case at a time"), std::string::npos);
    const std::string inventory = sourcePath("tests/fuzz/seeds/inventory/rds-db-cluster-snapshots.json");
    EXPECT_NE(messageOf({inventory}).find("needs a state or a plan"), std::string::npos);
    const std::string trail = sourcePath("sample-data/datatalks-2026/cloudtrail");
    EXPECT_NE(messageOf({sourcePath("sample-data/datatalks-2026"), trail}).find("brings its own"), std::string::npos);
}

TEST(DocumentLoader, stopsWhenCancelled)
{
    CancellingProgress progress;
    EXPECT_THROW(DocumentLoader::load({sourcePath("sample-data/datatalks-2026")}, progress), core::OperationCancelled);
}

} // namespace blastline::gui
