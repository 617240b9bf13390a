// SPDX-License-Identifier: MIT
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace blastline::core::sqlite {

class Database;

/**
 * One prepared statement, finalized by the destructor. Prepare it once and run it many times: bind, step,
 * reset. Parameters are 1-based (`?1`, or by name with its prefix: ":address"); columns are 0-based. Every
 * value reaches SQLite through a binding, never through the SQL text. Texts and blobs are copied when bound.
 * The Database must outlive the statement. Every failure throws SqliteError.
 */
class Statement
{
public:
    Statement(const Database& database, std::string_view sql);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, std::string_view text);
    /** Any other integer (and bool, as 0 or 1); an unsigned value above INT64_MAX does not fit and is refused. */
    template<std::integral T> void bind(int index, T value) { bindInteger(index, value); }
    void bindBlob(int index, std::span<const std::byte> bytes);
    void bindNull(int index);
    template<typename T> void bind(std::string_view name, const T& value) { bind(parameterIndex(name), value); }
    void bindNull(std::string_view name) { bindNull(parameterIndex(name)); }
    /** The index of a named parameter, prefix included (":address"). Throws when the SQL has no such name. */
    int parameterIndex(std::string_view name) const;

    /** Runs to the next row: true when a row is ready to read, false when the statement is done. */
    bool step();
    /** Steps to completion (an INSERT, UPDATE or DELETE) and resets, ready to be bound and run again. */
    void run();
    /** Rewinds to run again; the bindings stay until bound again. */
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    /** The column as text; empty for NULL. */
    std::string columnText(int column) const;
    std::vector<std::byte> columnBlob(int column) const;

private:
    template<std::integral T> void bindInteger(int index, T value)
    {
        if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t))
            checkFits(index, static_cast<std::uint64_t>(value));
        bind(index, static_cast<std::int64_t>(value));
    }
    void checkFits(int index, std::uint64_t value) const;
    void check(int resultCode) const;

    struct Finalizer
    {
        void operator()(sqlite3_stmt* statement) const noexcept;
    };
    const Database* m_database = nullptr;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

} // namespace blastline::core::sqlite
