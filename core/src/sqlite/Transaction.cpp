// SPDX-License-Identifier: MIT
#include "blastline/core/sqlite/Transaction.h"

#include "blastline/core/sqlite/Database.h"

#include <sqlite3.h>

namespace blastline::core::sqlite {

Transaction::Transaction(Database& database)
    : m_database(database)
{
    m_database.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    // A failed COMMIT may already have ended the transaction; ROLLBACK then fails, harmlessly and silently.
    if (m_open && !sqlite3_get_autocommit(m_database.handle()))
        sqlite3_exec(m_database.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_database.exec("COMMIT");
    m_open = false;
}

} // namespace blastline::core::sqlite
