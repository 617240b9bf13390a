// SPDX-License-Identifier: MIT
#pragma once

namespace blastline::core::sqlite {

class Database;

/**
 * A write transaction, rolled back by the destructor unless committed: whatever throws between construction
 * and commit() leaves the database as it was. It begins IMMEDIATE, taking the write lock at once, so that a
 * second writer waits (up to the busy timeout) before doing any work rather than failing halfway.
 */
class Transaction
{
public:
    /** Throws SqliteError (isBusy() when another writer kept the lock past the busy timeout). */
    explicit Transaction(Database& database);
    /** Rolls back if commit() was not reached; never throws. */
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /** Throws SqliteError; the transaction is then rolled back by the destructor. */
    void commit();

private:
    Database& m_database;
    bool m_open = true;
};

} // namespace blastline::core::sqlite
