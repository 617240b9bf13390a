// SPDX-License-Identifier: MIT
#include "blastline/core/sqlite/Statement.h"

#include "blastline/core/sqlite/Database.h"

#include <sqlite3.h>

#include <cstring>
#include <limits>

namespace blastline::core::sqlite {

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const noexcept
{
    sqlite3_finalize(statement);
}

Statement::Statement(const Database& database, std::string_view sql)
    : m_database(&database)
{
    sqlite3_stmt* statement = nullptr;
    // Prepared once and run many times (the import runs one INSERT a million times): say so to SQLite.
    const int result = sqlite3_prepare_v3(
        database.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    m_statement.reset(statement);
    if (result != SQLITE_OK)
        throw database.error(sql, result);
    if (!statement)
        throw SqliteError(database.path() + ": empty SQL statement", SQLITE_MISUSE);
}

void Statement::check(int resultCode) const
{
    if (resultCode != SQLITE_OK)
        throw m_database->error(sqlite3_sql(m_statement.get()), resultCode);
}

void Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_statement.get(), index, value));
}

void Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_statement.get(), index, value));
}

void Statement::bind(int index, std::string_view text)
{
    // A null data pointer would bind NULL: an empty text must stay an empty text.
    check(sqlite3_bind_text64(
        m_statement.get(), index, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bindBlob(int index, std::span<const std::byte> bytes)
{
    check(sqlite3_bind_blob64(m_statement.get(), index, bytes.data() ? bytes.data() : static_cast<const void*>(""),
        bytes.size(), SQLITE_TRANSIENT));
}

void Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_statement.get(), index));
}

void Statement::checkFits(int index, std::uint64_t value) const
{
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw SqliteError(m_database->path() + ": " + sqlite3_sql(m_statement.get()) + ": parameter "
                + std::to_string(index) + ": " + std::to_string(value) + " does not fit a 64-bit signed integer",
            SQLITE_RANGE);
}

int Statement::parameterIndex(std::string_view name) const
{
    const std::string text(name);
    const int index = sqlite3_bind_parameter_index(m_statement.get(), text.c_str());
    if (index == 0)
        throw SqliteError(
            m_database->path() + ": " + sqlite3_sql(m_statement.get()) + ": no parameter " + text, SQLITE_RANGE);
    return index;
}

bool Statement::step()
{
    const int result = sqlite3_step(m_statement.get());
    if (result == SQLITE_ROW)
        return true;
    if (result == SQLITE_DONE)
        return false;
    // Reset so that the statement can run again after the caller handled the error (a busy database).
    sqlite3_reset(m_statement.get());
    throw m_database->error(sqlite3_sql(m_statement.get()), result);
}

void Statement::run()
{
    while (step()) { }
    reset();
}

void Statement::reset()
{
    // sqlite3_reset repeats the last step's error, which step() has already thrown.
    sqlite3_reset(m_statement.get());
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_statement.get());
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement.get(), column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_statement.get(), column);
}

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(m_statement.get(), column);
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)) : std::string();
}

std::vector<std::byte> Statement::columnBlob(int column) const
{
    const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(m_statement.get(), column));
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    return data ? std::vector<std::byte>(data, data + size) : std::vector<std::byte>();
}

} // namespace blastline::core::sqlite
