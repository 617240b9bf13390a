// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/sqlite/SqliteError.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace blastline::core::sqlite {

/**
 * One connection to an SQLite database, closed by the destructor. Every connection enforces foreign keys and
 * waits up to a busy timeout for another connection's lock, after which the call fails with
 * SqliteError::isBusy(): two writers wait for each other or fail, never corrupt. A writable connection uses
 * write-ahead logging, so readers keep reading while one writer writes, with `synchronous=NORMAL` (a commit
 * survives a killed process; only a power cut may lose the last commits, never consistency).
 * Not thread-safe: one connection per thread.
 */
class Database
{
public:
    enum class Access
    {
        ReadOnly,
        ReadWrite, // the file must exist
        ReadWriteCreate
    };
    static constexpr std::chrono::milliseconds kDefaultBusyTimeout {5000};

    /** Throws SqliteError when the file cannot be opened or is not a database. */
    Database(std::string path, Access access, std::chrono::milliseconds busyTimeout = kDefaultBusyTimeout);
    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    /** Runs one or more statements without parameters (schema scripts, pragmas). Throws SqliteError. */
    void exec(std::string_view sql);
    /** The rowid of the last row inserted on this connection. */
    std::int64_t lastInsertRowId() const;
    /** Rows changed by the last INSERT, UPDATE or DELETE. */
    int changes() const;
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    const std::string& path() const { return m_path; }

    /** The raw handle, for Statement. */
    sqlite3* handle() const { return m_handle.get(); }
    /** An SqliteError for `resultCode` returned by `sql`, naming this database and SQLite's message. */
    SqliteError error(std::string_view sql, int resultCode) const;

private:
    struct Closer
    {
        void operator()(sqlite3* handle) const noexcept;
    };
    std::string m_path;
    Access m_access = Access::ReadOnly;
    std::unique_ptr<sqlite3, Closer> m_handle;
};

} // namespace blastline::core::sqlite
