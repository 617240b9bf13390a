// SPDX-License-Identifier: MIT
#include "blastline/core/sqlite/SqliteError.h"

#include <sqlite3.h>

namespace blastline::core::sqlite {

bool SqliteError::isBusy() const
{
    return primaryCode() == SQLITE_BUSY;
}

bool SqliteError::isConstraint() const
{
    return primaryCode() == SQLITE_CONSTRAINT;
}

} // namespace blastline::core::sqlite
