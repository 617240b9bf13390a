// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Error.h"

#include <string>

namespace blastline::core::sqlite {

/**
 * A failed SQLite call. The message names the database file, the first words of the SQL and SQLite's own
 * message ("case.blc: BEGIN IMMEDIATE: database is locked"); the extended result code is kept for callers
 * that must tell a busy database (another writer) from a broken one.
 */
class SqliteError : public Error
{
public:
    SqliteError(const std::string& message, int extendedCode)
        : Error(message)
        , m_extendedCode(extendedCode)
    { }

    int extendedCode() const { return m_extendedCode; }
    /** The primary result code (SQLITE_BUSY, SQLITE_CONSTRAINT, ...): the low byte of the extended one. */
    int primaryCode() const { return m_extendedCode & 0xff; }
    /** Another connection held the lock for longer than the busy timeout. */
    bool isBusy() const;
    /** A NOT NULL, CHECK, UNIQUE or FOREIGN KEY constraint refused the change. */
    bool isConstraint() const;

private:
    int m_extendedCode = 0;
};

} // namespace blastline::core::sqlite
