// SPDX-License-Identifier: MIT
#include "blastline/core/CaseFile.h"

#include "blastline/core/Error.h"
#include "blastline/core/sqlite/Statement.h"
#include "blastline/core/sqlite/Transaction.h"

#include <sqlite3.h>

namespace blastline::core {

namespace {

// "Blst": marks the file as a Blastline case, so that another program's SQLite file is refused, not altered.
constexpr std::int64_t kApplicationId = 0x426c7374;

sqlite::Database::Access accessFor(CaseFile::OpenMode mode)
{
    switch (mode) {
    case CaseFile::OpenMode::CreateIfMissing:
        return sqlite::Database::Access::ReadWriteCreate;
    case CaseFile::OpenMode::MustExist:
        return sqlite::Database::Access::ReadWrite;
    case CaseFile::OpenMode::ReadOnly:
        break;
    }
    return sqlite::Database::Access::ReadOnly;
}

std::int64_t queryNumber(const sqlite::Database& database, std::string_view sql)
{
    sqlite::Statement statement(database, sql);
    statement.step();
    return statement.columnInt64(0);
}

/** `<case>.bak-schema<N>`; never an existing file, which may be the only copy left of an earlier migration. */
std::string backupPath(const std::string& casePath, std::int64_t version)
{
    const std::string base = casePath + ".bak-schema" + std::to_string(version);
    std::string candidate = base;
    std::error_code ignored;
    for (int copy = 2; std::filesystem::exists(candidate, ignored); ++copy)
        candidate = base + "-" + std::to_string(copy);
    return candidate;
}

/** Applies the missing migrations, each in its own transaction. The version is read again inside each one:
 *  another process may have migrated the case since it was opened. */
void migrate(sqlite::Database& database, const CaseSchema& schema)
{
    while (true) {
        sqlite::Transaction transaction(database);
        const std::int64_t version = queryNumber(database, "PRAGMA user_version");
        if (version >= schema.version())
            return;
        if (version == 0)
            database.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        database.exec(schema.migration(static_cast<int>(version + 1)));
        database.exec("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
    }
}

void prepare(sqlite::Database& database, const std::string& name, CaseFile::OpenMode mode, const CaseSchema& schema)
{
    const std::int64_t applicationId = queryNumber(database, "PRAGMA application_id");
    const std::int64_t version = queryNumber(database, "PRAGMA user_version");
    const bool blank =
        applicationId == 0 && version == 0 && queryNumber(database, "SELECT count(*) FROM sqlite_master") == 0;
    if (applicationId != kApplicationId && !(blank && mode == CaseFile::OpenMode::CreateIfMissing))
        throw InputError(name + ": not a Blastline case file");
    if (version > schema.version())
        throw InputError(name + " was written by a newer Blastline (schema " + std::to_string(version)
            + "; this one reads up to " + std::to_string(schema.version()) + ")");
    if (version == schema.version())
        return;
    if (mode == CaseFile::OpenMode::ReadOnly)
        throw InputError(name + " has schema " + std::to_string(version) + " and needs migrating to schema "
            + std::to_string(schema.version()) + ": open it for writing once (a backup copy is kept)");
    if (version > 0) {
        // VACUUM INTO reads through this connection, so the copy includes what is still in the WAL file.
        sqlite::Statement copy(database, "VACUUM INTO ?1");
        copy.bind(1, backupPath(name, version));
        copy.run();
    }
    migrate(database, schema);
}

} // namespace

CaseFile::CaseFile(std::filesystem::path path, sqlite::Database database)
    : m_path(std::move(path))
    , m_database(std::move(database))
{ }

CaseFile CaseFile::open(const std::filesystem::path& path, OpenMode mode)
{
    return open(path, mode, CaseSchema::current());
}

CaseFile CaseFile::open(const std::filesystem::path& path, OpenMode mode, const CaseSchema& schema)
{
    const std::string name = path.string();
    std::error_code ignored;
    if (mode != OpenMode::CreateIfMissing && !std::filesystem::exists(path, ignored))
        throw InputError(name + ": no such case file");
    try {
        sqlite::Database database(name, accessFor(mode));
        prepare(database, name, mode, schema);
        return CaseFile(path, std::move(database));
    } catch (const sqlite::SqliteError& error) {
        if (error.primaryCode() == SQLITE_NOTADB)
            throw InputError(name + ": not a Blastline case file (not an SQLite database)");
        throw;
    }
}

} // namespace blastline::core
