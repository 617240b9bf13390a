// SPDX-License-Identifier: MIT
#include "CloudTrailDocument.h"

#include "FileLimits.h"
#include "JsonLocation.h"
#include "PantherRuleFile.h"

#include "blastline/core/Error.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace blastline::importers {

namespace dom = simdjson::dom;

namespace {

/** Finds where a text nlohmann also rejects goes wrong, without building a DOM: the error path only. */
class SyntaxProbe : public nlohmann::json_sax<nlohmann::json>
{
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return deeper(); }
    bool key(string_t&) override { return true; }
    bool end_object() override { return shallower(); }
    bool start_array(std::size_t) override { return deeper(); }
    bool end_array() override { return shallower(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override
    {
        offset = position > 0 ? position - 1 : 0; // nlohmann counts from 1
        detail = syntaxErrorDetail(error.what());
        return false;
    }

    std::optional<std::uint64_t> offset;
    std::string detail;

private:
    bool deeper() { return ++m_depth <= kMaxJsonNesting; }
    bool shallower()
    {
        --m_depth;
        return true;
    }
    std::size_t m_depth = 0;
};

std::size_t firstSignificant(std::string_view text)
{
    std::size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0; // a UTF-8 byte order mark, as Windows tools write
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t'))
        ++at;
    return at;
}

bool has(dom::object object, std::string_view key)
{
    dom::element ignored;
    return object.at_key(key).get(ignored) == simdjson::SUCCESS;
}

std::string keysOf(dom::object object)
{
    std::string keys;
    std::size_t count = 0;
    for (const dom::key_value_pair field : object) {
        if (count++ == 6) {
            keys += ", ...";
            break;
        }
        if (!keys.empty())
            keys += ", ";
        keys += field.key;
    }
    return keys.empty() ? "no keys" : "keys " + keys;
}

/** A CloudTrail Lake row's "eventTime" ("2024-01-15 14:30:00.000") is UTC without a zone. */
std::string withUtcZone(std::string text)
{
    const bool hasZone = text.ends_with('Z') || text.ends_with('z')
        || (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-')
            && text[text.size() - 3] == ':');
    return hasZone ? text : text + "Z";
}

/** A Lake column value: nested records come back as JSON text ("{...}"), everything else as a string. */
nlohmann::json lakeValue(std::string_view column, std::string_view text)
{
    if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
        nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
        if (!parsed.is_discarded())
            return parsed;
    }
    if (column == "eventTime")
        return withUtcZone(std::string(text));
    return std::string(text);
}

} // namespace

void CloudTrailDocument::fail(Result& result, std::string message, std::optional<std::uint64_t> offset)
{
    if (!result.error.empty())
        return; // the first problem is the one to fix first; later ones often follow from it
    result.error = std::move(message);
    result.errorOffset = offset;
}

CloudTrailDocument::Result CloudTrailDocument::read(
    std::string_view text, const core::TrailFilter& filter, bool keepRecords, std::uint64_t maxRecords)
{
    m_filter = &filter;
    m_keepRecords = keepRecords;
    m_maxRecords = maxRecords;
    Result result = readDocument(text);
    if (result.records > m_maxRecords)
        result.kept.clear(); // refused whole, like a file past the size limit: no events from half of it
    return result;
}

CloudTrailDocument::Result CloudTrailDocument::readDocument(std::string_view text)
{
    Result result;
    const std::size_t start = firstSignificant(text);
    if (start == text.size()) {
        fail(result, "the file is empty; expected a CloudTrail log file (JSON)", start);
        return result;
    }
    if (text[start] != '{' && text[start] != '[') {
        if (PantherRuleFile::looksLike(text))
            readPantherRule(text, result);
        else
            fail(result, "not JSON: expected a CloudTrail log file (JSON, or gzip-compressed JSON)", start);
        return result;
    }
    if (m_parser.allocate(text.size(), kMaxJsonNesting) != simdjson::SUCCESS) {
        fail(result, "not enough memory to parse the file", 0);
        return result;
    }
    // A byte order mark is skipped by nlohmann but not by simdjson's DOM; offsets stay those of the whole file.
    const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    dom::element root;
    const simdjson::error_code error = m_parser.parse(text.data() + bom, text.size() - bom, false).get(root);
    if (error != simdjson::SUCCESS) {
        // Several documents one after another are valid JSON lines, not an error.
        if (text[start] == '{' && readJsonLines(text.substr(bom), result))
            return result;
        SyntaxProbe probe;
        nlohmann::json::sax_parse(text, &probe, nlohmann::json::input_format_t::json, true, false);
        if (probe.offset)
            fail(result, "invalid JSON: " + probe.detail, probe.offset);
        else
            fail(result, std::string("invalid JSON: ") + simdjson::error_message(error));
        return result;
    }

    dom::array array;
    if (root.get_array().get(array) == simdjson::SUCCESS) {
        result.format = "array";
        readRecords(array, "", result);
        return result;
    }
    const dom::object object = root;
    dom::array list;
    if (object["Records"].get_array().get(list) == simdjson::SUCCESS) {
        result.format = "records";
        readRecords(list, "/Records", result);
    } else if (object["Events"].get_array().get(list) == simdjson::SUCCESS) {
        result.format = "lookup-events";
        readLookupEvents(list, result);
    } else if (object["QueryResultRows"].get_array().get(list) == simdjson::SUCCESS) {
        result.format = "lake-query-results";
        readLakeRows(list, result);
    } else if (has(object, "logFiles") && (has(object, "digestStartTime") || has(object, "digestEndTime"))) {
        result.format = "digest";
    } else if (has(object, "eventName")) {
        result.format = "record";
        readRecord(root, "", result);
    } else {
        fail(result,
            "expected a CloudTrail file: an object with Records, Events (lookup-events) or QueryResultRows "
            "(CloudTrail Lake), one record, or an array of records; found an object with "
                + keysOf(object),
            start);
    }
    return result;
}

void CloudTrailDocument::readRecords(dom::array records, std::string_view pointer, Result& result)
{
    std::size_t index = 0;
    for (const dom::element record : records)
        readRecord(record, std::string(pointer) + "/" + std::to_string(index++), result);
}

void CloudTrailDocument::readRecord(dom::element record, const std::string& pointer, Result& result,
    std::optional<std::int64_t> fallbackTimeMs, bool ownText)
{
    if (++result.records > m_maxRecords) {
        // This error wins over an earlier one: it is why nothing of the file is kept.
        if (result.records == m_maxRecords + 1) {
            result.error = (pointer.empty() ? std::string("the record") : "at " + pointer) + ": more than the "
                + groupDigits(m_maxRecords)
                + " records one CloudTrail file may have (Blastline's limit; see docs/reliability.md); "
                  "the file is not read";
            result.errorOffset.reset();
        }
        return;
    }
    try {
        if (auto kept = CloudTrailRecord::read(record, *m_filter, m_keepRecords, fallbackTimeMs)) {
            if (ownText)
                kept->takeOwnership();
            result.kept.push_back(std::move(*kept));
        }
    } catch (const RecordError& error) {
        if (result.skipped++ == 0)
            result.warning =
                (pointer.empty() ? std::string("the record") : "at " + pointer) + ": " + error.what() + " (skipped)";
    }
}

void CloudTrailDocument::readEmbedded(
    std::string_view json, const std::string& pointer, Result& result, std::optional<std::int64_t> fallbackTimeMs)
{
    const simdjson::padded_string padded(json);
    dom::element record;
    if (m_innerParser.parse(padded).get(record) != simdjson::SUCCESS) {
        ++result.records;
        SyntaxProbe probe;
        nlohmann::json::sax_parse(json, &probe, nlohmann::json::input_format_t::json, true, false);
        fail(result,
            "at " + pointer + ": the embedded record is not valid JSON"
                + (probe.offset ? " (at its byte " + std::to_string(*probe.offset) + ": " + probe.detail + ")" : ""));
        return;
    }
    readRecord(record, pointer, result, fallbackTimeMs, true); // the inner parser is reused for the next one
}

void CloudTrailDocument::readLookupEvents(dom::array events, Result& result)
{
    std::size_t index = 0;
    for (const dom::element event : events) {
        const std::string pointer = "/Events/" + std::to_string(index++) + "/CloudTrailEvent";
        std::string_view embedded;
        if (event["CloudTrailEvent"].get_string().get(embedded) != simdjson::SUCCESS) {
            ++result.records;
            fail(result, "at " + pointer + ": expected the record as a JSON string");
            continue;
        }
        // EventTime is epoch seconds in the CLI's JSON: the stand-in when the record lacks its own eventTime.
        std::optional<std::int64_t> eventTime;
        double seconds = 0;
        if (event["EventTime"].get_double().get(seconds) == simdjson::SUCCESS && std::isfinite(seconds)
            && std::fabs(seconds) < 1e13)
            eventTime = static_cast<std::int64_t>(std::llround(seconds * 1000));
        readEmbedded(embedded, pointer, result, eventTime);
    }
}

void CloudTrailDocument::readLakeRows(dom::array rows, Result& result)
{
    std::size_t index = 0;
    for (const dom::element row : rows) {
        const std::string pointer = "/QueryResultRows/" + std::to_string(index++);
        dom::array columns;
        if (row.get_array().get(columns) != simdjson::SUCCESS) {
            ++result.records;
            fail(result, "at " + pointer + ": expected a row (an array of {column: value} objects)");
            continue;
        }
        nlohmann::json record = nlohmann::json::object();
        for (const dom::element column : columns) {
            dom::object cell;
            if (column.get_object().get(cell) != simdjson::SUCCESS)
                continue;
            for (const dom::key_value_pair field : cell) {
                std::string_view value;
                if (field.value.get_string().get(value) != simdjson::SUCCESS)
                    value = {};
                // Selected nested fields come back as dotted names ("userIdentity.arn"): rebuild the nesting.
                const std::string pointerPath = "/" + std::string(field.key);
                std::string nested = pointerPath;
                for (char& c : nested)
                    c = c == '.' ? '/' : c;
                try {
                    record[nlohmann::json::json_pointer(nested)] = lakeValue(field.key, value);
                } catch (const nlohmann::json::exception&) {
                    record[std::string(field.key)] = std::string(value);
                }
            }
        }
        readEmbedded(record.dump(), pointer, result);
    }
}

bool CloudTrailDocument::readJsonLines(std::string_view text, Result& result)
{
    dom::document_stream stream;
    const std::size_t batch = std::max<std::size_t>(text.size(), 1 << 20);
    if (m_parser.parse_many(text.data(), text.size(), batch).get(stream) != simdjson::SUCCESS)
        return false;
    Result lines;
    lines.format = "json-lines";
    std::size_t documents = 0;
    for (auto document = stream.begin(); document != stream.end(); ++document) {
        dom::element record;
        if ((*document).get(record) != simdjson::SUCCESS || record.type() != dom::element_type::OBJECT)
            return false; // not JSON lines of records: the caller reports the syntax error
        // Each document of the stream is parsed into the same buffers: the record must own its text.
        readRecord(record, "line " + std::to_string(++documents), lines, std::nullopt, true);
    }
    if (documents < 2)
        return false;
    result = std::move(lines);
    return true;
}

void CloudTrailDocument::readPantherRule(std::string_view text, Result& result)
{
    result.format = "panther-rule";
    try {
        const std::vector<std::string> logs = PantherRuleFile::testLogs(text, "");
        for (std::size_t i = 0; i < logs.size(); ++i)
            readEmbedded(logs[i], "test log " + std::to_string(i + 1), result);
    } catch (const core::InputError& error) {
        // The rule file reader names the place as "PATH:LINE:COLUMN: ..."; the path is added by the caller.
        const std::string message = error.what();
        fail(result, message.starts_with(":") ? "line " + message.substr(1) : message);
    }
}

} // namespace blastline::importers
