// SPDX-License-Identifier: MIT
// The limits of docs/reliability.md that every reader shares:
// - a file over the reader's size limit (importers/src/FileLimits.h) is refused before it is mapped
//   or read, naming the file, its size and the limit; a file at the limit passes the size check. The
//   large files are sparse (resize_file on an empty file), so they cost no disk and no reading;
// - a raw control character or a broken UTF-8 sequence inside a JSON string is refused at its line
//   and column, and the message neither repeats the string's bytes nor carries invalid UTF-8.
#include "FileLimits.h"
#include "MappedFile.h"
#include "TemporaryDirectory.h"

#include "blastline/core/Error.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/CloudTrailReader.h"
#include "blastline/importers/ConfigurationReader.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/PlanReader.h"
#include "blastline/importers/ScenarioReader.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace blastline;
using blastline::testing::TemporaryDirectory;
using importers::FileLimit;
namespace fileLimits = importers::fileLimits;
namespace fs = std::filesystem;

namespace {

const std::string kSeeTheDoc = " (Blastline's limit; see docs/reliability.md)";

struct LimitRow
{
    const char* name;
    FileLimit limit;
    const char* relativePath; // the file made at the limit's size, inside a fresh folder
    std::function<void(const fs::path& folder, const fs::path& file)> read;
    const char* overTheLimit; // the message for limit + 1 bytes, between "<path>: " and kSeeTheDoc
};

void PrintTo(const LimitRow& row, std::ostream* out)
{
    *out << row.name;
}

fs::path sparseFile(const TemporaryDirectory& folder, const std::string& relative, std::uintmax_t bytes)
{
    const fs::path file = folder.write(relative, "");
    fs::resize_file(file, bytes);
    return file;
}

/** The message the reader throws for `file`, or "" when it reads it. */
std::string refusal(const LimitRow& row, const fs::path& folder, const fs::path& file)
{
    try {
        row.read(folder, file);
    } catch (const core::InputError& error) {
        return error.what();
    }
    return {};
}

class ReaderFileLimits : public ::testing::TestWithParam<LimitRow>
{ };

TEST_P(ReaderFileLimits, refusesAFileOneByteOverTheLimitNamingItsSizeAndTheLimit)
{
    const LimitRow& row = GetParam();
    const TemporaryDirectory folder;
    const fs::path file = sparseFile(folder, row.relativePath, row.limit.maxBytes + 1);
    EXPECT_EQ(refusal(row, folder.path(), file), file.string() + ": " + row.overTheLimit + kSeeTheDoc);
}

class ReaderFileAtTheLimit : public ::testing::TestWithParam<LimitRow>
{ };

TEST_P(ReaderFileAtTheLimit, isNotRefusedForItsSize)
{
    // All zero bytes: the reader refuses the content at its first byte, never for the size.
    const LimitRow& row = GetParam();
    const TemporaryDirectory folder;
    const fs::path file = sparseFile(folder, row.relativePath, row.limit.maxBytes);
    const std::string message = refusal(row, folder.path(), file);
    EXPECT_NE(message, "");
    EXPECT_EQ(message.find("Blastline's limit"), std::string::npos) << message;
}

std::vector<LimitRow> limitRows()
{
    return {
        {"state", fileLimits::kState, "big.tfstate",
            [](const fs::path&, const fs::path& file) { importers::StateReader::readFile(file.string()); },
            "4,294,967,297 bytes, more than the 4 GiB a state may have"},
        {"plan", fileLimits::kPlan, "plan.json",
            [](const fs::path&, const fs::path& file) { importers::PlanReader::readFile(file.string()); },
            "8,589,934,593 bytes, more than the 8 GiB a plan may have"},
        {"inventory", fileLimits::kInventory, "snapshots.json",
            [](const fs::path&, const fs::path& file) { importers::InventoryReader::readFile(file.string()); },
            "1,073,741,825 bytes, more than the 1 GiB an inventory listing may have"},
        {"configurationFile", fileLimits::kConfigurationFile, "main.tf",
            [](const fs::path& folder, const fs::path&) {
                importers::ConfigurationReader::readDirectory(folder.string());
            },
            "67,108,865 bytes, more than the 64 MiB a configuration file may have"},
        {"moduleFile", fileLimits::kConfigurationFile, "modules/db/main.tf",
            [](const fs::path& folder, const fs::path&) {
                std::ofstream(folder / "main.tf") << "module \"db\" {\n  source = \"./modules/db\"\n}\n";
                importers::ConfigurationReader::readDirectory(folder.string());
            },
            "67,108,865 bytes, more than the 64 MiB a configuration file may have"},
        {"lockFile", fileLimits::kConfigurationFile, ".terraform.lock.hcl",
            [](const fs::path& folder, const fs::path&) {
                std::ofstream(folder / "main.tf") << "resource \"aws_s3_bucket\" \"logs\" {}\n";
                importers::ConfigurationReader::readDirectory(folder.string());
            },
            "67,108,865 bytes, more than the 64 MiB a configuration file may have"},
        {"scenario", fileLimits::kScenario, "scenario.json",
            [](const fs::path& folder, const fs::path&) { importers::ScenarioReader::readFile(folder.string()); },
            "16,777,217 bytes, more than the 16 MiB a scenario may have"},
        {"catalogue", fileLimits::kCatalogue, "catalogue.json",
            [](const fs::path&, const fs::path& file) {
                core::DeletionCatalogue catalogue;
                importers::CatalogueReader::readFile(file.string(), catalogue);
            },
            "67,108,865 bytes, more than the 64 MiB a catalogue may have"},
    };
}

std::string rowName(const ::testing::TestParamInfo<LimitRow>& row)
{
    return row.param.name;
}

INSTANTIATE_TEST_SUITE_P(EveryReader, ReaderFileLimits, ::testing::ValuesIn(limitRows()), rowName);

/**
 * Not the state: a 4 GiB state is mapped and simdjson's first stage indexes all of it before the
 * first error is seen, 16 s of page faults here. MappedFileLimit below checks the same boundary with
 * a small limit on the path StateReader::readFile takes. Of the configuration rows only the root file:
 * the module and lock files are read by the same function, and each 64 MiB file costs 1.5 s to map.
 */
std::vector<LimitRow> rowsReadAtTheLimit()
{
    std::vector<LimitRow> rows = limitRows();
    std::erase_if(rows, [](const LimitRow& row) {
        const std::string_view name = row.name;
        return name == "state" || name == "moduleFile" || name == "lockFile";
    });
    return rows;
}

INSTANTIATE_TEST_SUITE_P(EveryReaderOnce, ReaderFileAtTheLimit, ::testing::ValuesIn(rowsReadAtTheLimit()), rowName);

// ---------------------------------------------------------------------------------------------
// The shared check, with limits small enough to write real files at and around them.

/** The message MappedFile throws for `path`, or "(mapped)". */
std::string mappingError(const std::string& path, const FileLimit& limit)
{
    try {
        const importers::MappedFile mapped(path, limit);
        return "(mapped)";
    } catch (const core::InputError& error) {
        return error.what();
    }
}

TEST(MappedFileLimit, readsAFileOfExactlyTheLimitAndRefusesOneByteMore)
{
    const TemporaryDirectory folder;
    const fs::path sixteen = folder.write("sixteen.json", "[1,2,3,4,5,6,7] ");
    const fs::path seventeen = folder.write("seventeen.json", "[1,2,3,4,5,6,7]  ");
    EXPECT_EQ(importers::MappedFile(sixteen.string(), FileLimit {16, "a test file"}).text(), "[1,2,3,4,5,6,7] ");
    EXPECT_EQ(mappingError(seventeen.string(), FileLimit {16, "a test file"}),
        seventeen.string() + ": 17 bytes, more than the 16 bytes a test file may have" + kSeeTheDoc);
}

TEST(MappedFileLimit, stopsReadingAnEndlessStreamAtTheLimit)
{
    // /dev/zero is not a regular file: it is read the plain way, which would never end without the limit.
    EXPECT_EQ(mappingError("/dev/zero", FileLimit {100'000, "a test file"}),
        "/dev/zero: more than the 100,000 bytes a test file may have" + kSeeTheDoc);
}

TEST(MappedFileLimit, aDirectoryIsNamedAsTheDocumentExpected)
{
    const TemporaryDirectory folder;
    EXPECT_EQ(mappingError(folder.path().string(), fileLimits::kPlan),
        folder.path().string() + ": is a directory; expected a plan");
}

TEST(FileLimitText, groupsDigitsAndNamesWholeUnits)
{
    EXPECT_EQ(importers::describeByteCount(0), "0 bytes");
    EXPECT_EQ(importers::describeByteCount(1), "1 byte");
    EXPECT_EQ(importers::describeByteCount(999), "999 bytes");
    EXPECT_EQ(importers::describeByteCount(1000), "1,000 bytes");
    EXPECT_EQ(importers::describeByteCount(5'368'709'121), "5,368,709,121 bytes");
    EXPECT_EQ(importers::describeLimit(4 * fileLimits::kGiB), "4 GiB");
    EXPECT_EQ(importers::describeLimit(64 * fileLimits::kMiB), "64 MiB");
    EXPECT_EQ(importers::describeLimit(fileLimits::kGiB + 1), "1,073,741,825 bytes");
}

// ---------------------------------------------------------------------------------------------
// Bytes JSON forbids inside a string. Each document holds "@" where the bytes go.

struct StringBytesRow
{
    const char* name;
    std::string bytes;
    std::size_t bytesAfter; // bytes of `bytes` accepted before the one the parser refuses
    std::size_t columnsAfter; // the same in characters, as columns count them (a lead byte is one)
    std::string detail; // after "syntax error: "
};

void PrintTo(const StringBytesRow& row, std::ostream* out)
{
    *out << row.name;
}

const std::string kIllFormed = "invalid string: ill-formed UTF-8 byte (while parsing value)";

std::vector<StringBytesRow> stringBytesRows()
{
    return {
        {"nul", std::string(1, '\0'), 0, 0,
            "invalid string: control character U+0000 (NUL) must be escaped to \\u0000 (while parsing value)"},
        {"startOfHeading", "\x01", 0, 0,
            "invalid string: control character U+0001 (SOH) must be escaped to \\u0001 (while parsing value)"},
        {"lineFeed", "\n", 0, 0,
            "invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n (while parsing value)"},
        {"badContinuation", "\xC3(", 1, 1, kIllFormed},
        {"byteFF", "\xFF", 0, 0, kIllFormed},
        {"overlongSlash", "\xC0\xAF", 0, 0, kIllFormed},
        {"surrogate", "\xED\xA0\x80", 1, 1, kIllFormed},
        {"truncatedAtEndOfString", "\xE2\x82", 2, 1, kIllFormed},
    };
}

struct JsonReader
{
    const char* name;
    std::string document; // one "@"; the string around it starts with "hunter2"
    std::function<void(const std::string& text, const std::string& name)> read;
};

std::vector<JsonReader> jsonReaders()
{
    return {
        {"state",
            R"({"version": 4, "terraform_version": "1.5.0", "serial": 1, "lineage": "x", "resources": [{"mode": "managed",
 "type": "aws_db_instance", "name": "db", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
 "instances": [{"attributes": {"password": "hunter2@"}}]}]})",
            [](const std::string& text, const std::string& name) { importers::StateReader::readText(text, name); }},
        {"plan", R"({"format_version": "1.2", "terraform_version": "hunter2@", "resource_changes": []})",
            [](const std::string& text, const std::string& name) { importers::PlanReader::readText(text, name); }},
        {"inventory", R"({"DBSnapshots": [{"DBSnapshotIdentifier": "hunter2@", "DBInstanceIdentifier": "db",
 "SnapshotType": "manual", "SnapshotCreateTime": "2026-01-01T00:00:00Z", "Status": "available"}]})",
            [](const std::string& text, const std::string& name) { importers::InventoryReader::readText(text, name); }},
        {"scenario", R"({"schema": "blastline.scenario/2",
  "metadata": {"id": "t", "title": "hunter2@", "incident": {"start": "2026-01-01", "end": "2026-01-02"},
    "summary": "s", "reconstructed": "r", "sources": [{"id": "a", "title": "A", "url": "https://example.com/a", "kind": "primary"}]},
  "evidence": {"states": []},
  "narrative": [{"time": "2026-01-01T10:00:00Z", "actor": "x", "text": "y", "sources": ["a"]}],
  "decisions": [], "ground_truth": {"outcome": "o"}})",
            [](const std::string& text, const std::string& name) {
                importers::ScenarioReader::readText(text, name, fs::temp_directory_path());
            }},
        {"catalogue", R"({"schema": "blastline.deletion-catalogue/1", "entries": [
 {"type": "aws_db_instance", "description": "hunter2@", "data_store": false}]})",
            [](const std::string& text, const std::string& name) {
                core::DeletionCatalogue catalogue;
                importers::CatalogueReader::readText(text, name, catalogue);
            }},
    };
}

std::string withBytes(std::string document, const std::string& bytes)
{
    return document.replace(document.find('@'), 1, bytes);
}

/** "LINE:COLUMN" of the character `skip` characters after the "@" (all before it are ASCII). */
std::string placeOfMarker(const std::string& document, std::size_t skip)
{
    const std::size_t at = document.find('@');
    const std::size_t lineStart = document.rfind('\n', at);
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(document.begin(), document.begin() + at, '\n'));
    const std::size_t column = (lineStart == std::string::npos ? at + 1 : at - lineStart) + skip;
    return std::to_string(line) + ":" + std::to_string(column);
}

bool isPrintableAscii(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

class JsonStringBytes : public ::testing::TestWithParam<std::tuple<JsonReader, StringBytesRow>>
{ };

TEST_P(JsonStringBytes, areRefusedAtTheirPlaceWithoutEchoingTheString)
{
    const auto& [reader, row] = GetParam();
    std::string message = "(no error)";
    try {
        reader.read(withBytes(reader.document, row.bytes), "in.json");
    } catch (const core::InputError& error) {
        message = error.what();
    }
    EXPECT_EQ(message, "in.json:" + placeOfMarker(reader.document, row.columnsAfter) + ": syntax error: " + row.detail);
    EXPECT_TRUE(isPrintableAscii(message)) << message;
    EXPECT_EQ(message.find("hunter2"), std::string::npos) << "the string's content was repeated: " << message;
}

INSTANTIATE_TEST_SUITE_P(EveryJsonReader, JsonStringBytes,
    ::testing::Combine(::testing::ValuesIn(jsonReaders()), ::testing::ValuesIn(stringBytesRows())),
    [](const ::testing::TestParamInfo<std::tuple<JsonReader, StringBytesRow>>& row) {
        return std::string(std::get<0>(row.param).name) + "_" + std::get<1>(row.param).name;
    });

TEST(JsonStringBytes, wellFormedUtf8IsRead)
{
    // The control for the refusals above: the same documents with "é" and "€" in the string are read.
    for (const JsonReader& reader : jsonReaders()) {
        SCOPED_TRACE(reader.name);
        EXPECT_NO_THROW(reader.read(withBytes(reader.document, "\xC3\xA9\xE2\x82\xAC"), "in.json"));
    }
}

TEST(JsonStringBytes, aCloudTrailFileIsRefusedAtTheByteWithoutEchoingTheString)
{
    importers::CloudTrailReadOptions options;
    options.filter.scope = core::TrailFilter::Scope::All;
    const std::string document = R"({"Records":[{"eventName":"hunter2@"}]})";
    const std::size_t marker = document.find('@');
    for (const StringBytesRow& row : stringBytesRows()) {
        SCOPED_TRACE(row.name);
        const core::Trail trail =
            importers::CloudTrailReader::readBytes(withBytes(document, row.bytes), "t.json", options);
        const std::string& error = trail.inputs().at(0).error;
        EXPECT_EQ(error, "t.json: byte " + std::to_string(marker + row.bytesAfter) + ": invalid JSON: " + row.detail);
        EXPECT_TRUE(isPrintableAscii(error)) << error;
    }
}

TEST(JsonSyntaxErrors, aBrokenLiteralIsQuotedWithItsBytesEscapedAndWithoutTheStringBeforeIt)
{
    // Outside strings the token is kept (it is short and says what went wrong), escaped where needed;
    // nlohmann's token would begin at the string before the literal, which is left out.
    const std::string text = "{\"format_version\": \"1.2\", \"x\": [\"hunter2\", tru\xC3\xA9]}";
    const std::string column = std::to_string(text.find("tru") + 4);
    try {
        importers::PlanReader::readText(text, "p.json");
        FAIL() << "a broken literal was read";
    } catch (const core::InputError& error) {
        EXPECT_EQ(std::string(error.what()),
            "p.json:1:" + column + ": syntax error: invalid literal; last read: 'tru<0xC3>' (while parsing value)");
    }
}

// ---------------------------------------------------------------------------------------------
// Configuration files are UTF-8 or refused, as Terraform refuses them, wherever the bytes are.

TEST(HclUtf8, aFileThatIsNotUtf8IsRefusedAtTheFirstBadSequence)
{
    struct Place
    {
        const char* name;
        std::string before; // the text before the bad bytes, ASCII
        std::string after;
    };
    const std::vector<Place> places = {
        {"string", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"hunter2", "\"\n}\n"},
        {"comment", "# hunter2", "\nresource \"aws_s3_bucket\" \"b\" {}\n"},
        {"heredoc", "locals {\n  x = <<EOT\nhunter2", "\nEOT\n}\n"},
        {"endOfFile", "locals {}\n# hunter2", ""},
    };
    for (const Place& place : places) {
        for (const StringBytesRow& row : stringBytesRows()) {
            if (static_cast<unsigned char>(row.bytes[0]) < 0x80)
                continue; // control characters are UTF-8; the lexer refuses them outside strings and comments
            SCOPED_TRACE(std::string(place.name) + " " + row.name);
            const std::size_t line =
                1 + static_cast<std::size_t>(std::count(place.before.begin(), place.before.end(), '\n'));
            const std::size_t column = place.before.size() - (place.before.rfind('\n') + 1) + 1;
            char lead[8];
            std::snprintf(lead, sizeof lead, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(row.bytes[0])));
            std::string message = "(no error)";
            try {
                importers::ConfigurationReader::readText(place.before + row.bytes + place.after, "m.tf");
            } catch (const core::InputError& error) {
                message = error.what();
            }
            EXPECT_EQ(message,
                "m.tf:" + std::to_string(line) + ":" + std::to_string(column)
                    + ": expected UTF-8 text (Terraform reads only UTF-8), found byte " + lead);
        }
    }
}

TEST(HclUtf8, wellFormedUtf8IsRead)
{
    const core::TerraformConfiguration configuration =
        importers::ConfigurationReader::readText("# caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x94\xA5\nresource "
                                                 "\"aws_s3_bucket\" \"b\" {\n  bucket = \"caf\xC3\xA9\"\n}\n",
            "m.tf");
    EXPECT_EQ(configuration.resources.size(), 1U);
}

} // namespace
