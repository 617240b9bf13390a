// SPDX-License-Identifier: MIT
#include "CaseLookup.h"

#include "blastline/core/sqlite/Database.h"

namespace blastline::core {

namespace {

std::string selectSql(std::string_view table, const std::vector<std::string_view>& columns)
{
    std::string sql = "SELECT id FROM " + std::string(table) + " WHERE ";
    for (std::size_t i = 0; i < columns.size(); ++i)
        sql += (i ? " AND " : "") + std::string(columns[i]) + " = ?" + std::to_string(i + 1);
    return sql;
}

std::string insertSql(std::string_view table, const std::vector<std::string_view>& columns)
{
    std::string names;
    std::string values;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        names += (i ? ", " : "") + std::string(columns[i]);
        values += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + values + ")";
}

} // namespace

CaseLookup::CaseLookup(
    const sqlite::Database& database, std::string_view table, const std::vector<std::string_view>& columns)
    : m_database(database)
    , m_select(database, selectSql(table, columns))
    , m_insert(database, insertSql(table, columns))
{ }

std::int64_t CaseLookup::idOf(std::span<const Value> values)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        std::visit(
            [&](const auto& value) {
                m_select.bind(index, value);
                m_insert.bind(index, value);
            },
            values[i]);
    }
    const bool found = m_select.step();
    const std::int64_t id = found ? m_select.columnInt64(0) : 0;
    m_select.reset();
    if (found)
        return id;
    m_insert.run();
    return m_database.lastInsertRowId();
}

} // namespace blastline::core
