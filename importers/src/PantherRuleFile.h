// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/**
 * Panther rule files (YAML) whose Tests[].Log entries are CloudTrail records.
 *
 * Reads the subset of YAML 1.2 that rule files are written in, with no YAML library: block mappings and
 * sequences (including "- key: value" entries), plain, single- and double-quoted scalars (multi-line ones
 * folded), literal and folded block scalars with chomping and indentation indicators, flow collections
 * (JSON, or YAML flow with plain keys, plain values and trailing commas) and comments. Plain scalars are
 * typed with the core schema. Anchors, aliases, tags, complex keys, directives and multiple documents are
 * refused with an InputError rather than read wrongly.
 */
class PantherRuleFile
{
public:
    /** True when `text` looks like a Panther rule file: a YAML mapping with top-level "AnalysisType:" or "Tests:" keys
     * (checked on the first few KB; cheap). */
    static bool looksLike(std::string_view text);
    /** Each Tests[].Log value as compact JSON object text, in file order. Throws core::InputError("PATH:LINE:COLUMN:
     * what was expected") on YAML outside the supported subset, on text that is not UTF-8 or holds a raw control
     * character (other than tab and line breaks), or on a Log that is not a mapping. */
    static std::vector<std::string> testLogs(std::string_view text, const std::string& path);

private:
    using Json = nlohmann::ordered_json; // keeps each record's keys in file order
    using Route = std::vector<std::string>; // keys and indices from the root to a value

    PantherRuleFile(std::string_view text, std::string path);

    std::vector<std::string> logsOf(const Json& root) const;
    std::string compactJson(const Json& log, const Route& route) const;
    std::size_t entryOffset(const Route& route) const;

    // Block context: each parse function returns with the offset on the first character of the next line
    // holding content (or at the end of the text), so callers decide by that line's indentation.
    Json parseDocument();
    Json parseBlockMapping(std::size_t indent);
    Json parseBlockSequence(std::size_t indent);
    Json parseValueAfterIndicator(std::size_t parentIndent, bool sequenceMayShareIndent);
    Json parseNodeHere(std::size_t parentIndent);
    Json parseScalarOrFlowHere(std::size_t parentIndent);
    std::string parseBlockKey();
    std::string parseBlockScalar(std::size_t parentIndent);
    std::vector<std::string> readBlockScalarLines(std::size_t parentIndent, std::size_t contentIndent);
    std::string parsePlainBlockText(std::size_t parentIndent);
    std::string plainLineText();
    bool isMappingEntryHere() const;
    bool isSequenceEntryHere() const;

    // Flow context: line breaks and comments are plain separation, indentation means nothing.
    Json parseFlowNode();
    Json parseFlowMapping();
    Json parseFlowSequence();
    std::string parseFlowKey();
    std::string plainFlowText();
    void skipFlowSeparation();

    // Quoted scalars, in either context.
    std::string parseDoubleQuoted();
    std::string parseSingleQuoted();
    void appendEscape(std::string& out);
    std::uint32_t readEscapedCodePoint(std::size_t escape, std::size_t digits);
    void foldQuotedLineBreak(std::string& out, std::size_t keptLength);

    // Lines and places.
    void requirePrintableUtf8() const;
    void skipSpaces();
    void finishLine();
    void skipBlankAndCommentLines();
    void skipDocumentEndHere();
    bool atLineEnd() const;
    std::size_t column() const;
    std::size_t lineOf(std::size_t offset) const;
    char charAt(std::size_t offset) const { return offset < m_text.size() ? m_text[offset] : '\0'; }
    char peek() const { return charAt(m_offset); }
    void refuseIndicatorHere(bool flow) const;
    void enterCollection();
    void enterEntry(std::string segment, std::size_t offset);
    void leaveEntry() { m_route.pop_back(); }
    std::string describeHere() const;
    [[noreturn]] void fail(std::size_t offset, const std::string& message) const;

    std::string m_text; // line breaks normalised to "\n", byte order mark removed
    std::string m_path;
    std::size_t m_offset = 0;
    std::size_t m_depth = 0;
    bool m_inDocument = false; // past the optional "---" that starts the one document
    Route m_route;
    // Where the values the extraction may complain about (down to Tests[i].Log) are written.
    std::map<Route, std::size_t> m_entryOffsets;
};

} // namespace blastline::importers
