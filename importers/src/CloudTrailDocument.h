// SPDX-License-Identifier: MIT
#pragma once

#include "CloudTrailRecord.h"

#include "blastline/core/TrailFilter.h"

#include <cstdint>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/**
 * One CloudTrail file's content, recognised by what it holds, never by its name (formats.md E.1, E.5–E.7):
 * {"Records": [...]} as CloudTrail delivers it, a bare array of records, one record, JSON lines,
 * `aws cloudtrail lookup-events` output (records as JSON strings), CloudTrail Lake query results, Panther rule
 * files' test records, and digest files (recognised and skipped: they list log files, they hold no events).
 */
class CloudTrailDocument
{
public:
    struct Result
    {
        std::string format; // TrailInput::format
        std::uint64_t records = 0;
        std::vector<CloudTrailRecord> kept;
        std::string error; // without the path: the caller prefixes it
        std::optional<std::uint64_t> errorOffset;
        std::uint64_t skipped = 0; // records that are not CloudTrail's (RecordError): the rest still count
        std::string warning; // the first skip's reason, without the path
    };

    /**
     * Reads `text`, whose buffer must have simdjson::SIMDJSON_PADDING readable bytes after its end. A syntax
     * error ends the file (error); a record that is not CloudTrail's is skipped (warning) and the rest are read.
     * A file of more than `maxRecords` records is refused whole: the error names the first record past the
     * limit and nothing is kept.
     */
    Result read(std::string_view text, const core::TrailFilter& filter, bool keepRecords, std::uint64_t maxRecords);

private:
    Result readDocument(std::string_view text);
    void readRecords(simdjson::dom::array records, std::string_view pointer, Result& result);
    void readRecord(simdjson::dom::element record, const std::string& pointer, Result& result,
        std::optional<std::int64_t> fallbackTimeMs = std::nullopt, bool ownText = false);
    void readLookupEvents(simdjson::dom::array events, Result& result);
    void readLakeRows(simdjson::dom::array rows, Result& result);
    /** True when `text` is two or more JSON objects one after another; `result` is untouched otherwise. */
    bool readJsonLines(std::string_view text, Result& result);
    void readPantherRule(std::string_view text, Result& result);
    /** Parses a JSON text held elsewhere (an embedded string, a converted row) with the inner parser. */
    void readEmbedded(std::string_view json, const std::string& pointer, Result& result,
        std::optional<std::int64_t> fallbackTimeMs = std::nullopt);
    static void fail(Result& result, std::string message, std::optional<std::uint64_t> offset = std::nullopt);

    simdjson::dom::parser m_parser;
    simdjson::dom::parser m_innerParser; // embedded records: the outer document must stay valid meanwhile
    const core::TrailFilter* m_filter = nullptr;
    bool m_keepRecords = false;
    std::uint64_t m_maxRecords = 0;
};

} // namespace blastline::importers
