// SPDX-License-Identifier: MIT
// PantherRuleFile: the entry points, the records and the block context. The flow context and quoted scalars
// are in PantherRuleFileFlow.cpp, lines and places in PantherRuleFileLines.cpp, scalar typing in YamlScalar.
#include "PantherRuleFile.h"

#include "JsonLocation.h"
#include "YamlCharacters.h"
#include "YamlScalar.h"

#include "blastline/core/Error.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace blastline::importers {

namespace {

using Json = nlohmann::ordered_json;
using yaml::charIn;
using yaml::isBlank;
using yaml::isBreakOrEnd;
using yaml::isFlowIndicator;
using yaml::isSeparator;

// Rule files put AnalysisType first and Tests after a page of metadata at most; reading further would make
// sniffing a large JSON file as slow as parsing it.
constexpr std::size_t kSniffLength = 4096;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/** Line breaks become "\n" (so columns never count a '\r'), and a byte order mark is not content. */
std::string normalisedText(std::string_view text)
{
    if (text.starts_with(kByteOrderMark)) {
        text.remove_prefix(kByteOrderMark.size());
    }
    std::string normalised;
    normalised.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            normalised += text[i];
            continue;
        }
        normalised += '\n';
        if (charIn(text, i + 1) == '\n') {
            ++i;
        }
    }
    return normalised;
}

bool isTopLevelKey(std::string_view line, std::string_view key)
{
    // Column 0 and unquoted: in a JSON document the same word would be quoted or indented.
    if (!line.starts_with(key) || charIn(line, key.size()) != ':') {
        return false;
    }
    const char after = charIn(line, key.size() + 1);
    return isSeparator(after) || after == '\r';
}

/** The ':' that ends a plain key starting at `from`, or npos when the line holds no key. */
std::size_t plainKeyColon(std::string_view text, std::size_t from)
{
    for (std::size_t i = from;; ++i) {
        const char c = charIn(text, i);
        if (isBreakOrEnd(c)) {
            return std::string_view::npos;
        }
        if (c == ':' && isSeparator(charIn(text, i + 1))) {
            return i;
        }
        if (c == '#' && i > from && isBlank(text[i - 1])) {
            return std::string_view::npos; // the rest of the line is a comment
        }
    }
}

/** Just past the closing quote of the quoted scalar at `from`, or npos when it does not close on its line. */
std::size_t quotedEndOnLine(std::string_view text, std::size_t from)
{
    const char quote = text[from];
    for (std::size_t i = from + 1; !isBreakOrEnd(charIn(text, i)); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i; // the escaped character, which may be the quote
            if (isBreakOrEnd(charIn(text, i))) {
                return std::string_view::npos;
            }
            continue;
        }
        if (text[i] == quote) {
            if (quote == '\'' && charIn(text, i + 1) == '\'') {
                ++i; // '' is an escaped quote
                continue;
            }
            return i + 1;
        }
    }
    return std::string_view::npos;
}

/** YAML words for the JSON types, since the reader of the message wrote YAML. */
std::string describeYaml(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::object:
        return "a mapping";
    case Json::value_t::array:
        return "a sequence";
    case Json::value_t::null:
        return "an empty value";
    case Json::value_t::string: {
        std::string text = value.get<std::string>();
        if (text.size() > 40) {
            text = text.substr(0, 40) + "...";
        }
        return "a string (" + Json(text).dump(-1, ' ', false, Json::error_handler_t::replace) + ")";
    }
    default:
        return "a scalar (" + value.dump() + ")";
    }
}

} // namespace

bool PantherRuleFile::looksLike(std::string_view text)
{
    if (text.starts_with(kByteOrderMark)) {
        text.remove_prefix(kByteOrderMark.size());
    }
    text = text.substr(0, kSniffLength);
    std::size_t lineStart = 0;
    while (lineStart < text.size()) {
        const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
        const std::string_view line = text.substr(lineStart, lineEnd - lineStart);
        if (isTopLevelKey(line, "AnalysisType") || isTopLevelKey(line, "Tests")) {
            return true;
        }
        lineStart = lineEnd + 1;
    }
    return false;
}

std::vector<std::string> PantherRuleFile::testLogs(std::string_view text, const std::string& path)
{
    PantherRuleFile file(text, path);
    const Json root = file.parseDocument();
    return file.logsOf(root);
}

PantherRuleFile::PantherRuleFile(std::string_view text, std::string path)
    : m_text(normalisedText(text))
    , m_path(std::move(path))
{
    requirePrintableUtf8();
}

// ---------------------------------------------------------------------------------------------
// The records

std::vector<std::string> PantherRuleFile::logsOf(const Json& root) const
{
    std::vector<std::string> logs;
    const auto tests = root.find("Tests");
    if (tests == root.end() || tests->is_null()) {
        return logs; // a rule without unit tests holds no records
    }
    if (!tests->is_array()) {
        fail(entryOffset({"Tests"}), "expected Tests to be a sequence of test cases, found " + describeYaml(*tests));
    }
    for (std::size_t i = 0; i < tests->size(); ++i) {
        const Json& test = (*tests)[i];
        if (!test.is_object()) {
            fail(entryOffset({"Tests", std::to_string(i)}),
                "expected a test case mapping (Name:, Log:, ...), found " + describeYaml(test));
        }
        const auto log = test.find("Log");
        if (log == test.end()) {
            continue; // a policy's tests hold a Resource: instead
        }
        const Route logRoute {"Tests", std::to_string(i), "Log"};
        if (!log->is_object()) {
            fail(entryOffset(logRoute),
                "expected Log to be a mapping (one CloudTrail record), found " + describeYaml(*log));
        }
        logs.push_back(compactJson(*log, logRoute));
    }
    return logs;
}

std::string PantherRuleFile::compactJson(const Json& log, const Route& route) const
{
    try {
        return log.dump();
    } catch (const Json::type_error&) {
        // Only invalid UTF-8 makes dump() throw, and the constructor refused a file holding any (escapes cannot
        // produce it): kept so that a gap there is still a clear InputError, not a crash.
        fail(entryOffset(route), "expected UTF-8 text in this Log, found invalid byte sequences");
    }
}

std::size_t PantherRuleFile::entryOffset(const Route& route) const
{
    const auto found = m_entryOffsets.find(route);
    return found == m_entryOffsets.end() ? 0 : found->second;
}

// ---------------------------------------------------------------------------------------------
// Block context

PantherRuleFile::Json PantherRuleFile::parseDocument()
{
    skipBlankAndCommentLines();
    if (peek() == '%') {
        fail(m_offset, "expected a YAML mapping; directives (%YAML, %TAG) are not supported");
    }
    m_inDocument = true;
    if (column() == 0 && m_text.compare(m_offset, 3, "---") == 0 && isSeparator(charAt(m_offset + 3))) {
        m_offset += 3;
        finishLine();
    }
    if (m_offset >= m_text.size() || !isMappingEntryHere()) {
        fail(m_offset, "expected a YAML mapping of rule keys (AnalysisType:, Tests:, ...), found " + describeHere());
    }
    Json root = parseBlockMapping(column());
    if (m_offset < m_text.size()) {
        fail(m_offset, "expected the end of the document, found " + describeHere());
    }
    return root;
}

PantherRuleFile::Json PantherRuleFile::parseBlockMapping(std::size_t indent)
{
    enterCollection();
    Json mapping = Json::object();
    while (true) {
        const std::size_t keyOffset = m_offset;
        const std::string key = parseBlockKey();
        enterEntry(key, keyOffset);
        // Of duplicate keys the last value wins, as in every common YAML and JSON reader.
        mapping[key] = parseValueAfterIndicator(indent, true);
        leaveEntry();
        if (m_offset >= m_text.size() || column() < indent) {
            break;
        }
        if (column() > indent) {
            fail(m_offset,
                "expected a key at column " + std::to_string(indent + 1) + " (the indentation of this mapping), found "
                    + describeHere() + " indented further");
        }
        if (!isMappingEntryHere()) {
            fail(m_offset, "expected KEY: value, found " + describeHere());
        }
    }
    --m_depth;
    return mapping;
}

PantherRuleFile::Json PantherRuleFile::parseBlockSequence(std::size_t indent)
{
    enterCollection();
    Json sequence = Json::array();
    while (true) {
        enterEntry(std::to_string(sequence.size()), m_offset);
        ++m_offset; // the '-'
        skipSpaces();
        sequence.push_back(atLineEnd() ? parseValueAfterIndicator(indent, false) : parseNodeHere(indent));
        leaveEntry();
        if (m_offset >= m_text.size() || column() < indent || (column() == indent && !isSequenceEntryHere())) {
            break; // the rest belongs to an enclosing node, which judges it
        }
        if (column() > indent) {
            fail(m_offset,
                "expected '- ' at column " + std::to_string(indent + 1) + " (the indentation of this sequence), found "
                    + describeHere() + " indented further");
        }
    }
    --m_depth;
    return sequence;
}

/** The value after "key:" or "-": on the same line, on the lines indented below, or empty (null). */
PantherRuleFile::Json PantherRuleFile::parseValueAfterIndicator(std::size_t parentIndent, bool sequenceMayShareIndent)
{
    skipSpaces();
    if (!atLineEnd()) {
        return parseScalarOrFlowHere(parentIndent);
    }
    finishLine();
    if (m_offset >= m_text.size()) {
        return nullptr;
    }
    if (column() > parentIndent) {
        return parseNodeHere(parentIndent);
    }
    // "key:" followed by "- item" lines at the key's own indentation is the usual style for lists.
    if (column() == parentIndent && sequenceMayShareIndent && isSequenceEntryHere()) {
        return parseBlockSequence(parentIndent);
    }
    return nullptr;
}

/** A node starting at the offset: a block sequence or mapping starts here, or a scalar or flow collection. */
PantherRuleFile::Json PantherRuleFile::parseNodeHere(std::size_t parentIndent)
{
    if (isSequenceEntryHere()) {
        return parseBlockSequence(column());
    }
    if (isMappingEntryHere()) {
        return parseBlockMapping(column());
    }
    return parseScalarOrFlowHere(parentIndent);
}

PantherRuleFile::Json PantherRuleFile::parseScalarOrFlowHere(std::size_t parentIndent)
{
    const char c = peek();
    if (c == '|' || c == '>') {
        return parseBlockScalar(parentIndent);
    }
    Json value;
    if (c == '{' || c == '[') {
        value = parseFlowNode();
    } else if (c == '"') {
        value = parseDoubleQuoted();
    } else if (c == '\'') {
        value = parseSingleQuoted();
    } else {
        refuseIndicatorHere(false);
        value = YamlScalar::typedPlain(parsePlainBlockText(parentIndent));
    }
    finishLine();
    return value;
}

std::string PantherRuleFile::parseBlockKey()
{
    std::string key;
    if (peek() == '"') {
        key = parseDoubleQuoted();
    } else if (peek() == '\'') {
        key = parseSingleQuoted();
    } else {
        refuseIndicatorHere(false);
        const std::size_t colon = plainKeyColon(m_text, m_offset);
        const std::string_view text = std::string_view(m_text).substr(m_offset, colon - m_offset);
        key = std::string(text.substr(0, text.find_last_not_of(" \t") + 1));
        m_offset = colon;
    }
    skipSpaces();
    if (peek() != ':') {
        fail(m_offset, "expected ':' after the key, found " + describeHere());
    }
    ++m_offset;
    return key;
}

/** A literal (|) or folded (>) scalar; its content is every following line indented more than the parent. */
std::string PantherRuleFile::parseBlockScalar(std::size_t parentIndent)
{
    const bool folded = peek() == '>';
    ++m_offset;
    std::optional<YamlScalar::Chomping> chomping;
    std::size_t explicitIndent = 0;
    for (int indicator = 0; indicator < 2; ++indicator) {
        const char c = peek();
        if ((c == '-' || c == '+') && !chomping) {
            chomping = c == '-' ? YamlScalar::Chomping::Strip : YamlScalar::Chomping::Keep;
            ++m_offset;
        } else if (c >= '1' && c <= '9' && explicitIndent == 0) {
            explicitIndent = static_cast<std::size_t>(c - '0');
            ++m_offset;
        }
    }
    skipSpaces();
    if (!atLineEnd()) {
        fail(m_offset,
            std::string("expected a chomping (-, +) or indentation (1-9) indicator and the end of the line after '")
                + (folded ? '>' : '|') + "', found " + describeHere());
    }
    m_offset = std::min(m_text.find('\n', m_offset), m_text.size());
    m_offset = std::min(m_offset + 1, m_text.size());

    const std::size_t contentIndent = explicitIndent == 0 ? 0 : parentIndent + explicitIndent;
    const std::vector<std::string> lines = readBlockScalarLines(parentIndent, contentIndent);
    skipBlankAndCommentLines();
    return YamlScalar::blockText(lines, folded, chomping.value_or(YamlScalar::Chomping::Clip));
}

/**
 * From the line after a block scalar's header, the lines indented at least `contentIndent` (0: as much as
 * the first non-empty line, which must be deeper than the parent), without that indentation. Stops at the
 * start of the first line indented less.
 */
std::vector<std::string> PantherRuleFile::readBlockScalarLines(std::size_t parentIndent, std::size_t contentIndent)
{
    std::vector<std::string> lines;
    while (m_offset < m_text.size()) {
        const std::size_t lineEnd = std::min(m_text.find('\n', m_offset), m_text.size());
        const std::size_t spaces = std::min(m_text.find_first_not_of(' ', m_offset), lineEnd) - m_offset;
        if (std::min(m_text.find_first_not_of(" \t", m_offset), lineEnd) == lineEnd) {
            lines.emplace_back(); // an empty line, whatever its indentation
        } else {
            if (contentIndent == 0) {
                if (spaces <= parentIndent) {
                    break; // no content at all: this line already belongs to the parent
                }
                contentIndent = spaces;
            }
            if (spaces < contentIndent) {
                break;
            }
            lines.push_back(m_text.substr(m_offset + contentIndent, lineEnd - m_offset - contentIndent));
        }
        m_offset = std::min(lineEnd + 1, m_text.size());
    }
    return lines;
}

/** A plain scalar, continued on following lines indented more than its parent (folded into spaces). */
std::string PantherRuleFile::parsePlainBlockText(std::size_t parentIndent)
{
    std::string text = plainLineText();
    // Only a line break can continue it: a comment ends a plain scalar for good.
    while (peek() == '\n') {
        std::size_t lineStart = m_offset + 1;
        std::size_t emptyLines = 0;
        std::size_t contentStart = lineStart;
        while (true) {
            contentStart = lineStart;
            while (isBlank(charAt(contentStart))) {
                ++contentStart;
            }
            if (charAt(contentStart) != '\n') {
                break;
            }
            ++emptyLines;
            lineStart = contentStart + 1;
        }
        const std::size_t indent = std::min(m_text.find_first_not_of(' ', lineStart), contentStart) - lineStart;
        const char first = charAt(contentStart);
        if (first == '\0' || first == '#' || indent <= parentIndent) {
            break;
        }
        text += emptyLines == 0 ? std::string(" ") : std::string(emptyLines, '\n');
        m_offset = contentStart;
        text += plainLineText();
    }
    return text;
}

/** The rest of one line of a plain scalar, without trailing blanks or a comment. */
std::string PantherRuleFile::plainLineText()
{
    const std::size_t start = m_offset;
    std::size_t end = start;
    while (true) {
        const char c = peek();
        if (isBreakOrEnd(c) || (c == '#' && m_offset > start && isBlank(m_text[m_offset - 1]))) {
            break;
        }
        if (c == ':' && isSeparator(charAt(m_offset + 1))) {
            fail(m_offset,
                "expected the end of the value, found ': ' (quote a value holding ': ', and start a "
                "nested mapping on the next line)");
        }
        ++m_offset;
        if (!isBlank(c)) {
            end = m_offset;
        }
    }
    return m_text.substr(start, end - start);
}

bool PantherRuleFile::isMappingEntryHere() const
{
    const char c = peek();
    if (c == '"' || c == '\'') {
        std::size_t after = quotedEndOnLine(m_text, m_offset);
        if (after == std::string::npos) {
            return false;
        }
        while (isBlank(charAt(after))) {
            ++after;
        }
        return charAt(after) == ':' && isSeparator(charAt(after + 1));
    }
    if (c == '{' || c == '[' || c == '#' || c == '|' || c == '>' || isSequenceEntryHere()) {
        return false;
    }
    return plainKeyColon(m_text, m_offset) != std::string::npos;
}

bool PantherRuleFile::isSequenceEntryHere() const
{
    return peek() == '-' && isSeparator(charAt(m_offset + 1));
}

} // namespace blastline::importers
