// SPDX-License-Identifier: MIT
#include "blastline/core/sqlite/Database.h"

#include "blastline/core/sqlite/Statement.h"

#include <climits>
#include <sqlite3.h>

#include <algorithm>

namespace blastline::core::sqlite {

namespace {

/** The first few words of a statement, enough to say which one failed without quoting a whole script. */
std::string sqlHead(std::string_view sql)
{
    constexpr int kWords = 3;
    constexpr std::size_t kMaxLength = 60;
    std::string head;
    int words = 0;
    bool inWord = false;
    for (const char c : sql) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == ';';
        if (space && inWord && ++words == kWords)
            break;
        if (!space && !inWord && !head.empty())
            head.push_back(' ');
        if (!space)
            head.push_back(c);
        inWord = !space;
        if (head.size() >= kMaxLength)
            break;
    }
    return head;
}

int openFlags(Database::Access access)
{
    switch (access) {
    case Database::Access::ReadOnly:
        return SQLITE_OPEN_READONLY;
    case Database::Access::ReadWrite:
        return SQLITE_OPEN_READWRITE;
    case Database::Access::ReadWriteCreate:
        break;
    }
    return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
}

} // namespace

void Database::Closer::operator()(sqlite3* handle) const noexcept
{
    // sqlite3_close_v2 defers the close until every statement is finalized, so member order cannot leak.
    sqlite3_close_v2(handle);
}

Database::Database(std::string path, Access access, std::chrono::milliseconds busyTimeout)
    : m_path(std::move(path))
    , m_access(access)
{
    sqlite3* handle = nullptr;
    const int opened = sqlite3_open_v2(m_path.c_str(), &handle, openFlags(access), nullptr);
    m_handle.reset(handle);
    if (opened != SQLITE_OK)
        throw SqliteError(m_path + ": cannot open: " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(opened)),
            handle ? sqlite3_extended_errcode(handle) : opened);
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(
        handle, static_cast<int>(std::min<std::chrono::milliseconds::rep>(busyTimeout.count(), INT_MAX)));
    exec("PRAGMA foreign_keys = ON");
    if (access == Access::ReadOnly)
        return;
    Statement journal(*this, "PRAGMA journal_mode = WAL");
    journal.step();
    // An in-memory database keeps its "memory" journal; anything else means WAL is unavailable here (a
    // file system without shared memory), and readers would then block the writer.
    if (const std::string mode = journal.columnText(0); mode != "wal" && mode != "memory")
        throw SqliteError(m_path + ": PRAGMA journal_mode: write-ahead logging unavailable (journal mode " + mode + ")",
            SQLITE_ERROR);
    exec("PRAGMA synchronous = NORMAL");
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    const int result = sqlite3_exec(handle(), text.c_str(), nullptr, nullptr, nullptr);
    if (result != SQLITE_OK)
        throw error(sql, result);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(handle());
}

int Database::changes() const
{
    return sqlite3_changes(handle());
}

SqliteError Database::error(std::string_view sql, int resultCode) const
{
    const int extended = sqlite3_extended_errcode(handle());
    // The handle's message belongs to its last failure; when that is not this one, SQLite's generic text is.
    const bool matches = (extended & 0xff) == (resultCode & 0xff);
    return SqliteError(
        m_path + ": " + sqlHead(sql) + ": " + (matches ? sqlite3_errmsg(handle()) : sqlite3_errstr(resultCode)),
        matches ? extended : resultCode);
}

} // namespace blastline::core::sqlite
