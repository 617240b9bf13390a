// SPDX-License-Identifier: MIT
#include "CaseTestSupport.h"

#include "blastline/core/sqlite/Database.h"
#include "blastline/core/sqlite/Statement.h"
#include "blastline/core/sqlite/Transaction.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace blastline::core::sqlite;
using blastline::core::test::TemporaryDirectory;

namespace {

using Access = Database::Access;

std::int64_t count(const Database& database, std::string_view table)
{
    Statement select(database, "SELECT count(*) FROM " + std::string(table));
    select.step();
    return select.columnInt64(0);
}

TEST(SqliteStatement, bindsAndReadsEveryType)
{
    Database database(":memory:", Access::ReadWriteCreate);
    database.exec("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n TEXT)");
    Statement insert(database, "INSERT INTO t VALUES (?1, ?2, :text, ?4, ?5)");
    insert.bind(1, std::int64_t {1} << 40);
    insert.bind(2, 2.5);
    insert.bind(":text", std::string_view("it's \"quoted\"; DROP TABLE t"));
    const std::vector<std::byte> blob {std::byte {0}, std::byte {0xff}, std::byte {7}};
    insert.bindBlob(4, blob);
    insert.bindNull(5);
    insert.run();
    EXPECT_EQ(database.lastInsertRowId(), 1);
    EXPECT_EQ(database.changes(), 1);

    Statement select(database, "SELECT i, d, s, b, n FROM t");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnCount(), 5);
    EXPECT_EQ(select.columnInt64(0), std::int64_t {1} << 40);
    EXPECT_DOUBLE_EQ(select.columnDouble(1), 2.5);
    EXPECT_EQ(select.columnText(2), "it's \"quoted\"; DROP TABLE t");
    EXPECT_EQ(select.columnBlob(3), blob);
    EXPECT_TRUE(select.isNull(4));
    EXPECT_FALSE(select.isNull(0));
    EXPECT_EQ(select.columnText(4), "");
    EXPECT_FALSE(select.step());
}

TEST(SqliteStatement, emptyTextStaysTextAndBoolsAreNumbers)
{
    Database database(":memory:", Access::ReadWriteCreate);
    Statement select(database, "SELECT typeof(?1), ?2 + 0, ?3 + 0");
    select.bind(1, std::string_view());
    select.bind(2, true);
    select.bind(3, 7U);
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnText(0), "text");
    EXPECT_EQ(select.columnInt64(1), 1);
    EXPECT_EQ(select.columnInt64(2), 7);
}

TEST(SqliteStatement, preparedOnceRunsManyTimes)
{
    Database database(":memory:", Access::ReadWriteCreate);
    database.exec("CREATE TABLE t (i INTEGER)");
    Statement insert(database, "INSERT INTO t VALUES (?1)");
    for (int i = 0; i < 100; ++i) {
        insert.bind(1, i);
        insert.run();
    }
    Statement sum(database, "SELECT sum(i) FROM t WHERE i >= ?1");
    sum.bind(1, 90);
    ASSERT_TRUE(sum.step());
    EXPECT_EQ(sum.columnInt64(0), 90 + 91 + 92 + 93 + 94 + 95 + 96 + 97 + 98 + 99);
    sum.reset();
    sum.bind(1, 99);
    ASSERT_TRUE(sum.step());
    EXPECT_EQ(sum.columnInt64(0), 99);
}

TEST(SqliteStatement, unsignedValuesBeyondInt64AreRefused)
{
    Database database(":memory:", Access::ReadWriteCreate);
    Statement select(database, "SELECT ?1");
    EXPECT_THROW(select.bind(1, std::numeric_limits<std::uint64_t>::max()), SqliteError);
    EXPECT_THROW(select.bind(":missing", 1), SqliteError);
}

TEST(SqliteDatabase, errorNamesTheDatabaseTheStatementAndSqlitesMessage)
{
    TemporaryDirectory folder;
    const std::string path = (folder.path() / "errors.db").string();
    Database database(path, Access::ReadWriteCreate);
    try {
        Statement statement(database, "SELEC count(*) FROM nowhere");
        FAIL() << "prepared a syntax error";
    } catch (const SqliteError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path), std::string::npos) << message;
        EXPECT_NE(message.find("SELEC count"), std::string::npos) << message;
        EXPECT_NE(message.find("syntax error"), std::string::npos) << message;
        EXPECT_FALSE(error.isBusy());
    }
}

TEST(SqliteDatabase, enforcesForeignKeys)
{
    Database database(":memory:", Access::ReadWriteCreate);
    database.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                  "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id))");
    try {
        database.exec("INSERT INTO child VALUES (42)");
        FAIL() << "a dangling foreign key was accepted";
    } catch (const SqliteError& error) {
        EXPECT_TRUE(error.isConstraint()) << error.what();
    }
}

TEST(SqliteTransaction, rollsBackWhenAnExceptionLeavesIt)
{
    Database database(":memory:", Access::ReadWriteCreate);
    database.exec("CREATE TABLE t (i INTEGER)");
    try {
        Transaction transaction(database);
        database.exec("INSERT INTO t VALUES (1)");
        throw std::runtime_error("import failed halfway");
    } catch (const std::runtime_error&) { }
    EXPECT_EQ(count(database, "t"), 0);

    {
        Transaction transaction(database);
        database.exec("INSERT INTO t VALUES (1)");
        transaction.commit();
    }
    EXPECT_EQ(count(database, "t"), 1);
}

TEST(SqliteTransaction, secondWriterWaitsForTheTimeoutThenFailsBusy)
{
    TemporaryDirectory folder;
    const std::string path = (folder.path() / "busy.db").string();
    Database first(path, Access::ReadWriteCreate);
    first.exec("CREATE TABLE t (i INTEGER)");
    Transaction writing(first);
    first.exec("INSERT INTO t VALUES (1)");

    constexpr std::chrono::milliseconds kTimeout {200};
    Database second(path, Access::ReadWrite, kTimeout);
    const auto start = std::chrono::steady_clock::now();
    try {
        Transaction waiting(second);
        FAIL() << "two writers at once";
    } catch (const SqliteError& error) {
        EXPECT_TRUE(error.isBusy()) << error.what();
        EXPECT_NE(std::string(error.what()).find("BEGIN IMMEDIATE"), std::string::npos) << error.what();
    }
    EXPECT_GE(std::chrono::steady_clock::now() - start, kTimeout);
}

TEST(SqliteTransaction, readerReadsWhileAWriterWrites)
{
    TemporaryDirectory folder;
    const std::string path = (folder.path() / "wal.db").string();
    Database writer(path, Access::ReadWriteCreate);
    writer.exec("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1)");
    Transaction writing(writer);
    writer.exec("INSERT INTO t VALUES (2)");

    // Write-ahead logging: the reader sees the last commit at once, neither waiting nor seeing the open write.
    const Database reader(path, Access::ReadOnly, std::chrono::milliseconds {0});
    EXPECT_EQ(count(reader, "t"), 1);
    writing.commit();
    EXPECT_EQ(count(reader, "t"), 2);
}

} // namespace
