// SPDX-License-Identifier: MIT
#include "CaseTestSupport.h"
#include "GraphBuilder.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/core/sqlite/Database.h"
#include "blastline/core/sqlite/Statement.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

using namespace blastline::core;
using blastline::core::test::TemporaryDirectory;
using OpenMode = CaseFile::OpenMode;

namespace {

/** The InputError message of opening `path`, or "" when it opened. */
std::string openError(
    const std::filesystem::path& path, OpenMode mode, const CaseSchema& schema = CaseSchema::current())
{
    try {
        CaseFile::open(path, mode, schema);
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

void exec(const std::filesystem::path& path, std::string_view sql)
{
    sqlite::Database database(path.string(), sqlite::Database::Access::ReadWrite);
    database.exec(sql);
}

std::int64_t queryNumber(const std::filesystem::path& path, std::string_view sql)
{
    const sqlite::Database database(path.string(), sqlite::Database::Access::ReadOnly);
    sqlite::Statement statement(database, sql);
    statement.step();
    return statement.columnInt64(0);
}

TEST(CaseFileSchema, refusesWhatIsNotACase)
{
    TemporaryDirectory folder;
    const auto otherSqlite = folder.path() / "other.sqlite";
    {
        sqlite::Database database(otherSqlite.string(), sqlite::Database::Access::ReadWriteCreate);
        database.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)");
    }
    EXPECT_EQ(openError(otherSqlite, OpenMode::CreateIfMissing), otherSqlite.string() + ": not a Blastline case file");
    EXPECT_EQ(queryNumber(otherSqlite, "SELECT count(*) FROM sqlite_master"), 1) << "the file was altered";

    const auto text = folder.write("notes.txt", std::string(8192, 'x'));
    EXPECT_EQ(
        openError(text, OpenMode::MustExist), text.string() + ": not a Blastline case file (not an SQLite database)");

    const auto missing = folder.path() / "missing.blcase";
    EXPECT_EQ(openError(missing, OpenMode::MustExist), missing.string() + ": no such case file");
    EXPECT_EQ(openError(missing, OpenMode::ReadOnly), missing.string() + ": no such case file");
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(CaseFileSchema, refusesACaseFromANewerBlastline)
{
    TemporaryDirectory folder;
    const auto path = folder.path() / "incident.blcase";
    CaseFile::open(path, OpenMode::CreateIfMissing);
    exec(path, "PRAGMA user_version = 3");
    const CaseSchema twoMigrations({CaseSchema::current().migration(1), "CREATE TABLE later (id INTEGER)"});
    EXPECT_EQ(openError(path, OpenMode::MustExist, twoMigrations),
        path.string() + " was written by a newer Blastline (schema 3; this one reads up to 2)");
}

TEST(CaseFileSchema, migratesAnOlderCaseAfterABackup)
{
    TemporaryDirectory folder;
    const auto path = folder.path() / "incident.blcase";
    const CaseSchema version1({CaseSchema::current().migration(1)});
    const CaseSchema version2(
        {CaseSchema::current().migration(1), "ALTER TABLE notes ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0"});
    {
        CaseFile caseFile = CaseFile::open(path, OpenMode::CreateIfMissing, version1);
        // Left in the WAL file: the backup must still hold it.
        caseFile.addNote({1000, std::nullopt, std::nullopt, "before the migration", "alexey"});
        EXPECT_EQ(openError(path, OpenMode::ReadOnly, version2),
            path.string()
                + " has schema 1 and needs migrating to schema 2: open it for writing once (a backup copy "
                  "is kept)");
        const CaseFile migrated = CaseFile::open(path, OpenMode::MustExist, version2);
        EXPECT_EQ(migrated.notes().size(), 1U);
    }
    EXPECT_EQ(queryNumber(path, "PRAGMA user_version"), 2);
    EXPECT_EQ(queryNumber(path, "SELECT count(*) FROM notes WHERE reviewed = 0"), 1);

    const auto backup = folder.path() / "incident.blcase.bak-schema1";
    ASSERT_TRUE(std::filesystem::exists(backup));
    EXPECT_EQ(queryNumber(backup, "PRAGMA user_version"), 1);
    EXPECT_EQ(CaseFile::open(backup, OpenMode::ReadOnly, version1).notes().size(), 1U);

    // A second migration of another copy never overwrites the first backup.
    std::filesystem::copy_file(backup, folder.path() / "again.blcase");
    std::filesystem::copy_file(backup, folder.path() / "again.blcase.bak-schema1");
    CaseFile::open(folder.path() / "again.blcase", OpenMode::MustExist, version2);
    EXPECT_TRUE(std::filesystem::exists(folder.path() / "again.blcase.bak-schema1-2"));
}

TEST(CaseFileSchema, readOnlyRefusesWrites)
{
    TemporaryDirectory folder;
    const auto path = folder.path() / "incident.blcase";
    CaseFile::open(path, OpenMode::CreateIfMissing);
    CaseFile readOnly = CaseFile::open(path, OpenMode::ReadOnly);
    EXPECT_THROW(readOnly.addNote({1, std::nullopt, std::nullopt, "x", "y"}), sqlite::SqliteError);
    EXPECT_EQ(readOnly.counts(), CaseCounts {});
}

class FailingSink : public ProgressSink
{
public:
    explicit FailingSink(bool cancel)
        : m_cancel(cancel)
    { }
    void progress(std::string_view phase, std::uint64_t done, std::uint64_t total) override
    {
        // Fails once every event is written, just before the commit: the worst moment.
        if (!m_cancel && phase == "Writing events" && done == total)
            throw std::runtime_error("disk on fire");
        m_lastPhase = std::string(phase);
    }
    bool isCancelled() const override { return m_cancel && m_lastPhase == "Writing events"; }

private:
    bool m_cancel;
    std::string m_lastPhase;
};

struct FailedImportCase
{
    TemporaryDirectory folder;
    TerraformState state = test::makeState("aws_db_instance.orders");
    Trail trail;
    CaseImport request;

    FailedImportCase()
    {
        state.path = folder.write("prod.tfstate", "{}").string();
        const std::string trailPath = folder.write("trail.json", "{}").string();
        TrailInput file;
        file.path = trailPath;
        const std::uint32_t input = trail.addInput(file);
        for (int i = 0; i < 100; ++i) {
            TrailEvent event;
            event.timeMs = i;
            event.input = input;
            event.eventName = trail.intern("DeleteDBInstance");
            event.tool = trail.toolFor("aws-cli/2.15.30", "", "");
            event.identifiers = {trail.intern("orders")};
            trail.addEvent(event);
        }
        trail.finish();
        request.files = {{state.path, EvidenceKind::State}, {trailPath, EvidenceKind::Trail}};
        request.state = &state;
        request.trail = &trail;
    }
};

TEST(CaseFileImport, aFailedImportLeavesTheCaseAsItWas)
{
    FailedImportCase setup;
    const auto path = setup.folder.path() / "incident.blcase";
    CaseFile caseFile = CaseFile::open(path, OpenMode::CreateIfMissing);
    caseFile.addNote({1, std::nullopt, std::nullopt, "before", "x"});
    const CaseCounts before = caseFile.counts();

    FailingSink throwing(false);
    setup.request.progress = &throwing;
    EXPECT_THROW(caseFile.importEvidence(setup.request), std::runtime_error);
    EXPECT_EQ(caseFile.counts(), before);

    FailingSink cancelling(true);
    setup.request.progress = &cancelling;
    EXPECT_THROW(caseFile.importEvidence(setup.request), OperationCancelled);
    EXPECT_EQ(caseFile.counts(), before);

    setup.request.progress = nullptr;
    setup.request.files.pop_back(); // the trail's file is not evidence: refused, nothing written
    EXPECT_THROW(caseFile.importEvidence(setup.request), Error);
    EXPECT_EQ(caseFile.counts(), before);
    EXPECT_TRUE(caseFile.evidence().empty());
}

TEST(CaseFileImport, keepsTheFilesBytesOnlyWhenAskedTo)
{
    TemporaryDirectory folder;
    const std::string secret = "AKIA-SQUEAMISH-OSSIFRAGE-7f3e";
    const std::string statePath = folder.write("prod.tfstate", R"({"password":")" + secret + R"("})").string();
    TerraformState state = test::makeState("aws_db_instance.orders");
    state.path = statePath;
    test::setAttribute(state, "aws_db_instance.orders", "password", AttributeValue::redacted());
    CaseImport request;
    request.files = {{statePath, EvidenceKind::State}};
    request.state = &state;

    const auto plain = folder.path() / "plain.blcase";
    CaseFile::open(plain, OpenMode::CreateIfMissing).importEvidence(request);
    const std::string bytes = test::readFile(plain) + test::readFile(plain.string() + "-wal");
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "the redacted secret reached the case file";
    EXPECT_NE(bytes.find("aws_db_instance.orders"), std::string::npos);

    request.embed = true;
    const auto embedding = folder.path() / "embedding.blcase";
    CaseFile embedded = CaseFile::open(embedding, OpenMode::CreateIfMissing);
    embedded.importEvidence(request);
    EXPECT_TRUE(embedded.evidence().at(0).embedded);
    EXPECT_NE(
        (test::readFile(embedding) + test::readFile(embedding.string() + "-wal")).find(secret), std::string::npos);
}

} // namespace
