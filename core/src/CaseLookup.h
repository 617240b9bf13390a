// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/sqlite/Statement.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace blastline::core {

namespace sqlite {
class Database;
}

/**
 * One lookup table of a case file (calls, callers, errors, ...): each distinct tuple of values is one row, and
 * events refer to it by id. The table has a UNIQUE constraint over all its columns.
 */
class CaseLookup
{
public:
    using Value = std::variant<std::string_view, std::int64_t>;

    CaseLookup(const sqlite::Database& database, std::string_view table, const std::vector<std::string_view>& columns);
    /** The id of the row holding `values` (one per column, in order), inserted when new. */
    std::int64_t idOf(std::span<const Value> values);

private:
    const sqlite::Database& m_database;
    sqlite::Statement m_select;
    sqlite::Statement m_insert;
};

} // namespace blastline::core
