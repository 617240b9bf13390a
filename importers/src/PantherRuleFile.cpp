// SPDX-License-Identifier: MIT
#include "PantherRuleFile.h"

#include "JsonLocation.h"

#include "blastline/core/Error.h"
#include "blastline/core/TextEncoding.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

namespace blastline::importers {

namespace {

using Json = nlohmann::ordered_json;

// Rule files put AnalysisType first and Tests after a page of metadata at most; reading further would make
// sniffing a large JSON file as slow as parsing it.
constexpr std::size_t kSniffLength = 4096;
// Tests[i].Log is three levels below the root: only values that shallow are ever named in an error.
constexpr std::size_t kRecordedDepth = 3;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/** The YAML escapes of one letter after '\\', with the character each stands for. */
constexpr std::array<std::pair<char, std::uint32_t>, 18> kOneLetterEscapes {{{'0', 0x00}, {'a', 0x07}, {'b', 0x08},
    {'t', 0x09}, {'\t', 0x09}, {'n', 0x0A}, {'v', 0x0B}, {'f', 0x0C}, {'r', 0x0D}, {'e', 0x1B}, {' ', 0x20},
    {'"', 0x22}, {'/', 0x2F}, {'\\', 0x5C}, {'N', 0x85}, {'_', 0xA0}, {'L', 0x2028}, {'P', 0x2029}}};

enum class Chomping
{
    Clip, // one final line break
    Strip, // "-": none
    Keep // "+": every trailing line break
};

char charIn(std::string_view text, std::size_t offset)
{
    return offset < text.size() ? text[offset] : '\0';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isBreakOrEnd(char c)
{
    return c == '\n' || c == '\0';
}

/** What must follow ':' of a key and '-' of an entry, so that "a:b" and "-1" stay plain scalars. */
bool isSeparator(char c)
{
    return isBlank(c) || isBreakOrEnd(c);
}

bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

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

std::size_t countDigits(std::string_view text, std::size_t from)
{
    std::size_t end = from;
    while (isDigit(charIn(text, end))) {
        ++end;
    }
    return end - from;
}

bool isDecimalInteger(std::string_view text)
{
    const std::size_t sign = (charIn(text, 0) == '-' || charIn(text, 0) == '+') ? 1 : 0;
    return text.size() > sign && countDigits(text, sign) == text.size() - sign;
}

/** The core schema's float: [-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
bool isCoreFloat(std::string_view text)
{
    std::size_t i = (charIn(text, 0) == '-' || charIn(text, 0) == '+') ? 1 : 0;
    const std::size_t integerDigits = countDigits(text, i);
    i += integerDigits;
    std::size_t fractionDigits = 0;
    if (charIn(text, i) == '.') {
        fractionDigits = countDigits(text, i + 1);
        i += 1 + fractionDigits;
    }
    if (integerDigits == 0 && fractionDigits == 0) {
        return false;
    }
    if (charIn(text, i) == 'e' || charIn(text, i) == 'E') {
        ++i;
        if (charIn(text, i) == '-' || charIn(text, i) == '+') {
            ++i;
        }
        const std::size_t exponentDigits = countDigits(text, i);
        if (exponentDigits == 0) {
            return false;
        }
        i += exponentDigits;
    }
    return i == text.size();
}

template<typename Number> std::optional<Number> parsedNumber(std::string_view text, int base = 10)
{
    Number value {};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parsedFloat(std::string_view text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

bool isDigitsInBase(std::string_view digits, int base)
{
    return !digits.empty() && std::all_of(digits.begin(), digits.end(), [base](char c) {
        return base == 8 ? (c >= '0' && c <= '7') : core::hexDigitValue(c) >= 0;
    });
}

/**
 * The core schema's integers (decimal, 0o octal, 0x hex) and floats. An integer too large for 64 bits,
 * and .inf/.nan (which JSON cannot write), stay strings rather than turn into a different number.
 */
std::optional<Json> coreSchemaNumber(std::string_view text)
{
    // from_chars reads a '-' but no '+'; the patterns above have already checked the sign's place.
    const std::string_view unsigned_ = text.starts_with('+') ? text.substr(1) : text;
    if (isDecimalInteger(text)) {
        if (const auto value = parsedNumber<std::int64_t>(unsigned_)) {
            return Json(*value);
        }
        if (const auto value = parsedNumber<std::uint64_t>(unsigned_)) {
            return Json(*value);
        }
        return std::nullopt;
    }
    if ((text.starts_with("0o") && isDigitsInBase(text.substr(2), 8))
        || (text.starts_with("0x") && isDigitsInBase(text.substr(2), 16))) {
        if (const auto value = parsedNumber<std::uint64_t>(text.substr(2), text[1] == 'o' ? 8 : 16)) {
            return Json(*value);
        }
        return std::nullopt;
    }
    if (isCoreFloat(text)) {
        if (const auto value = parsedFloat(unsigned_)) {
            return Json(*value);
        }
    }
    return std::nullopt;
}

/** A plain scalar resolved with the YAML 1.2 core schema; quoted scalars are always strings. */
Json typedPlainScalar(const std::string& text)
{
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return nullptr;
    }
    if (text == "true" || text == "True" || text == "TRUE") {
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        return false;
    }
    if (auto number = coreSchemaNumber(text)) {
        return std::move(*number);
    }
    return text;
}

std::string literalText(const std::vector<std::string>& lines, std::size_t contentEnd)
{
    std::string text;
    for (std::size_t i = 0; i < contentEnd; ++i) {
        text += lines[i];
        if (i + 1 < contentEnd) {
            text += '\n';
        }
    }
    return text;
}

/** YAML line folding: a single break between two ordinary lines is a space, more-indented lines keep theirs. */
std::string foldedText(const std::vector<std::string>& lines, std::size_t contentEnd)
{
    std::string text;
    bool anyContent = false;
    bool previousWasOrdinary = false;
    std::size_t emptyLines = 0;
    for (std::size_t i = 0; i < contentEnd; ++i) {
        const std::string& line = lines[i];
        if (line.empty()) {
            ++emptyLines;
            continue;
        }
        const bool moreIndented = isBlank(line.front());
        if (!anyContent) {
            text.append(emptyLines, '\n');
        } else if (previousWasOrdinary && !moreIndented) {
            text += emptyLines == 0 ? std::string(" ") : std::string(emptyLines, '\n');
        } else {
            text.append(emptyLines + 1, '\n');
        }
        text += line;
        anyContent = true;
        previousWasOrdinary = !moreIndented;
        emptyLines = 0;
    }
    return text;
}

/** `lines` hold the scalar's lines without their indentation; whitespace-only lines are empty. */
std::string blockScalarText(const std::vector<std::string>& lines, bool folded, Chomping chomping)
{
    std::size_t contentEnd = lines.size();
    while (contentEnd > 0 && lines[contentEnd - 1].empty()) {
        --contentEnd;
    }
    std::string text = folded ? foldedText(lines, contentEnd) : literalText(lines, contentEnd);
    const std::size_t finalBreak = contentEnd == 0 ? 0 : 1;
    switch (chomping) {
    case Chomping::Strip:
        break;
    case Chomping::Clip:
        text.append(finalBreak, '\n');
        break;
    case Chomping::Keep:
        text.append(finalBreak + (lines.size() - contentEnd), '\n');
        break;
    }
    return text;
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
    // The scanner reads '\0' as the end of the text, so a NUL inside would silently cut it short.
    if (const std::size_t nul = m_text.find('\0'); nul != std::string::npos) {
        fail(nul, "expected YAML text, found a NUL byte (is this a binary file?)");
    }
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
        // Only invalid UTF-8 makes dump() throw; escapes cannot produce it, so the bytes are in the file.
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
        value = typedPlainScalar(parsePlainBlockText(parentIndent));
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
    std::optional<Chomping> chomping;
    std::size_t explicitIndent = 0;
    for (int indicator = 0; indicator < 2; ++indicator) {
        const char c = peek();
        if ((c == '-' || c == '+') && !chomping) {
            chomping = c == '-' ? Chomping::Strip : Chomping::Keep;
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
    return blockScalarText(lines, folded, chomping.value_or(Chomping::Clip));
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

// ---------------------------------------------------------------------------------------------
// Flow context

PantherRuleFile::Json PantherRuleFile::parseFlowNode()
{
    switch (peek()) {
    case '{':
        return parseFlowMapping();
    case '[':
        return parseFlowSequence();
    case '"':
        return parseDoubleQuoted();
    case '\'':
        return parseSingleQuoted();
    default:
        refuseIndicatorHere(true);
        return typedPlainScalar(plainFlowText());
    }
}

PantherRuleFile::Json PantherRuleFile::parseFlowMapping()
{
    enterCollection();
    const std::size_t open = m_offset;
    ++m_offset;
    Json mapping = Json::object();
    while (true) {
        skipFlowSeparation();
        if (peek() == '}') {
            break;
        }
        if (m_offset >= m_text.size()) {
            fail(open, "expected a '}' closing this '{', found the end of the file");
        }
        const std::size_t keyOffset = m_offset;
        const std::string key = parseFlowKey();
        enterEntry(key, keyOffset);
        skipFlowSeparation();
        Json value; // "{ key }" and "{ key: }" both mean an empty value
        if (peek() == ':') {
            ++m_offset;
            skipFlowSeparation();
            if (peek() != ',' && peek() != '}') {
                value = parseFlowNode();
            }
        }
        mapping[key] = std::move(value);
        leaveEntry();
        skipFlowSeparation();
        if (peek() == '}') {
            break;
        }
        if (peek() != ',') {
            fail(m_offset,
                "expected ',' or '}' in the mapping opened on line " + std::to_string(lineOf(open)) + ", found "
                    + describeHere());
        }
        ++m_offset; // a trailing comma before '}' is allowed, as YAML does
    }
    ++m_offset; // the '}'
    --m_depth;
    return mapping;
}

PantherRuleFile::Json PantherRuleFile::parseFlowSequence()
{
    enterCollection();
    const std::size_t open = m_offset;
    ++m_offset;
    Json sequence = Json::array();
    while (true) {
        skipFlowSeparation();
        if (peek() == ']') {
            break;
        }
        if (m_offset >= m_text.size()) {
            fail(open, "expected a ']' closing this '[', found the end of the file");
        }
        enterEntry(std::to_string(sequence.size()), m_offset);
        sequence.push_back(parseFlowNode());
        leaveEntry();
        skipFlowSeparation();
        if (peek() == ']') {
            break;
        }
        if (peek() == ':') {
            fail(m_offset,
                "expected ',' or ']'; single-pair mappings inside [ ] are not supported, write { key: value }");
        }
        if (peek() != ',') {
            fail(m_offset,
                "expected ',' or ']' in the sequence opened on line " + std::to_string(lineOf(open)) + ", found "
                    + describeHere());
        }
        ++m_offset;
    }
    ++m_offset; // the ']'
    --m_depth;
    return sequence;
}

std::string PantherRuleFile::parseFlowKey()
{
    switch (peek()) {
    case '"':
        return parseDoubleQuoted();
    case '\'':
        return parseSingleQuoted();
    case '{':
    case '[':
        fail(m_offset, "expected a key, found " + describeHere() + " (collections as keys are not supported)");
    default:
        refuseIndicatorHere(true);
        return plainFlowText();
    }
}

/** One line of a plain scalar inside { } or [ ]: it also ends at ',', brackets and ': '. */
std::string PantherRuleFile::plainFlowText()
{
    const std::size_t start = m_offset;
    std::size_t end = start;
    while (true) {
        const char c = peek();
        const bool endsKey = c == ':' && (isSeparator(charAt(m_offset + 1)) || isFlowIndicator(charAt(m_offset + 1)));
        if (isBreakOrEnd(c) || isFlowIndicator(c) || endsKey
            || (c == '#' && m_offset > start && isBlank(m_text[m_offset - 1]))) {
            break;
        }
        ++m_offset;
        if (!isBlank(c)) {
            end = m_offset;
        }
    }
    return m_text.substr(start, end - start);
}

void PantherRuleFile::skipFlowSeparation()
{
    while (true) {
        const char c = peek();
        if (isBlank(c) || c == '\n') {
            ++m_offset;
        } else if (c == '#' && (m_offset == 0 || isSeparator(m_text[m_offset - 1]))) {
            m_offset = std::min(m_text.find('\n', m_offset), m_text.size());
        } else {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Quoted scalars

std::string PantherRuleFile::parseDoubleQuoted()
{
    const std::size_t open = m_offset;
    ++m_offset;
    std::string text;
    std::size_t keptLength = 0; // what a line break's trimming of trailing blanks must keep
    while (true) {
        if (m_offset >= m_text.size()) {
            fail(open, "expected a '\"' closing the string that starts here, found the end of the file");
        }
        const char c = peek();
        if (c == '"') {
            ++m_offset;
            return text;
        }
        if (c == '\\') {
            appendEscape(text);
            keptLength = text.size();
        } else if (c == '\n') {
            foldQuotedLineBreak(text, keptLength);
            keptLength = text.size();
        } else {
            text += c;
            ++m_offset;
            if (!isBlank(c)) {
                keptLength = text.size();
            }
        }
    }
}

std::string PantherRuleFile::parseSingleQuoted()
{
    const std::size_t open = m_offset;
    ++m_offset;
    std::string text;
    std::size_t keptLength = 0;
    while (true) {
        if (m_offset >= m_text.size()) {
            fail(open, "expected a \"'\" closing the string that starts here, found the end of the file");
        }
        const char c = peek();
        if (c == '\'' && charAt(m_offset + 1) == '\'') {
            text += '\'';
            m_offset += 2;
            keptLength = text.size();
        } else if (c == '\'') {
            ++m_offset;
            return text;
        } else if (c == '\n') {
            foldQuotedLineBreak(text, keptLength);
            keptLength = text.size();
        } else {
            text += c;
            ++m_offset;
            if (!isBlank(c)) {
                keptLength = text.size();
            }
        }
    }
}

void PantherRuleFile::appendEscape(std::string& out)
{
    const std::size_t escape = m_offset;
    if (escape + 1 >= m_text.size()) {
        fail(escape, "expected an escaped character after '\\', found the end of the file");
    }
    const char c = m_text[escape + 1];
    m_offset += 2;
    const auto oneLetter = std::find_if(kOneLetterEscapes.begin(), kOneLetterEscapes.end(),
        [c](const std::pair<char, std::uint32_t>& escaped) { return escaped.first == c; });
    if (oneLetter != kOneLetterEscapes.end()) {
        core::appendUtf8(out, oneLetter->second);
    } else if (c == 'x' || c == 'u' || c == 'U') {
        core::appendUtf8(out, readEscapedCodePoint(escape, c == 'x' ? 2 : c == 'u' ? 4 : 8));
    } else if (c == '\n') {
        // An escaped line break joins the lines with nothing between them.
        skipSpaces();
    } else {
        m_offset = escape + 1;
        fail(escape,
            "expected a YAML escape (\\n, \\t, \\\", \\\\, \\xXX, \\uXXXX, ...), found '\\' followed by "
                + describeHere());
    }
}

/** The code point of a \x, \u or \U escape; a \u high surrogate takes the \u low surrogate after it, as in JSON. */
std::uint32_t PantherRuleFile::readEscapedCodePoint(std::size_t escape, std::size_t digits)
{
    const auto readHex = [this, escape](std::size_t count) {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const int digit = core::hexDigitValue(peek());
            if (digit < 0) {
                fail(escape,
                    "expected " + std::to_string(count) + " hexadecimal digits in this escape, found "
                        + describeHere());
            }
            value = value * 16 + static_cast<std::uint32_t>(digit);
            ++m_offset;
        }
        return value;
    };
    std::uint32_t codePoint = readHex(digits);
    if (digits == 4 && codePoint >= 0xD800 && codePoint <= 0xDBFF && peek() == '\\' && charAt(m_offset + 1) == 'u') {
        m_offset += 2;
        const std::uint32_t low = readHex(4);
        if (low < 0xDC00 || low > 0xDFFF) {
            fail(escape, "expected a low surrogate (\\uDC00-\\uDFFF) after this high surrogate");
        }
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    }
    if ((codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF) {
        fail(escape, "expected an escape naming a Unicode character, found a surrogate or a value beyond U+10FFFF");
    }
    return codePoint;
}

/** A line break inside quotes is a space, or as many "\n" as there are empty lines after it. */
void PantherRuleFile::foldQuotedLineBreak(std::string& out, std::size_t keptLength)
{
    out.resize(keptLength); // blanks before a line break are not content
    ++m_offset;
    std::size_t emptyLines = 0;
    while (true) {
        while (isBlank(peek())) {
            ++m_offset;
        }
        if (peek() != '\n') {
            break;
        }
        ++emptyLines;
        ++m_offset;
    }
    out += emptyLines == 0 ? std::string(" ") : std::string(emptyLines, '\n');
}

// ---------------------------------------------------------------------------------------------
// Lines and places

void PantherRuleFile::skipSpaces()
{
    while (isBlank(peek())) {
        ++m_offset;
    }
}

bool PantherRuleFile::atLineEnd() const
{
    return isBreakOrEnd(peek()) || peek() == '#';
}

/** After a value: only blanks and a comment may end its line; then on to the next line holding content. */
void PantherRuleFile::finishLine()
{
    skipSpaces();
    if (peek() == '#') {
        m_offset = std::min(m_text.find('\n', m_offset), m_text.size());
    }
    if (peek() == '\n') {
        ++m_offset;
    } else if (m_offset < m_text.size()) {
        fail(m_offset, "expected the end of the line after the value, found " + describeHere());
    }
    skipBlankAndCommentLines();
}

/** From the start of a line to the first character of the next line holding content, or the end. */
void PantherRuleFile::skipBlankAndCommentLines()
{
    while (m_offset < m_text.size()) {
        const std::size_t lineStart = m_offset;
        std::size_t indentEnd = lineStart;
        while (charAt(indentEnd) == ' ') {
            ++indentEnd;
        }
        std::size_t contentStart = indentEnd;
        while (isBlank(charAt(contentStart))) {
            ++contentStart;
        }
        const char c = charAt(contentStart);
        if (isBreakOrEnd(c) || c == '#') {
            const std::size_t lineEnd = std::min(m_text.find('\n', contentStart), m_text.size());
            m_offset = std::min(lineEnd + 1, m_text.size());
            continue;
        }
        if (contentStart != indentEnd) {
            fail(indentEnd, "expected indentation made of spaces, found a tab (YAML does not allow tabs there)");
        }
        m_offset = contentStart;
        skipDocumentEndHere();
        return;
    }
}

/** "..." ends the document (only comments may follow); a second "---" would start another one. */
void PantherRuleFile::skipDocumentEndHere()
{
    if (column() != 0 || !isSeparator(charAt(m_offset + 3))) {
        return;
    }
    if (m_text.compare(m_offset, 3, "...") == 0) {
        m_offset += 3;
        finishLine();
        if (m_offset < m_text.size()) {
            fail(m_offset, "expected nothing after the end of the document ('...'), found " + describeHere());
        }
    } else if (m_inDocument && m_text.compare(m_offset, 3, "---") == 0) {
        fail(m_offset, "expected a single YAML document, found '---' (multiple documents are not supported)");
    }
}

std::size_t PantherRuleFile::column() const
{
    const std::size_t lineBreak = m_offset == 0 ? std::string::npos : m_text.rfind('\n', m_offset - 1);
    return lineBreak == std::string::npos ? m_offset : m_offset - lineBreak - 1;
}

std::size_t PantherRuleFile::lineOf(std::size_t offset) const
{
    return positionAt(m_text, offset).line;
}

/** YAML features outside the subset are refused by name, so that nothing is read as a plain string by mistake. */
void PantherRuleFile::refuseIndicatorHere(bool flow) const
{
    const char c = peek();
    const char next = charAt(m_offset + 1);
    const bool separated = isSeparator(next) || (flow && isFlowIndicator(next));
    switch (c) {
    case '&':
        fail(m_offset, "expected a value; anchors (&name) are not supported");
    case '*':
        fail(m_offset, "expected a value; aliases (*name) are not supported");
    case '!':
        fail(m_offset, "expected a value; tags (!tag) are not supported");
    case '?':
        if (separated) {
            fail(m_offset, "expected a key; complex keys ('? ') are not supported");
        }
        return;
    case ':':
        if (separated) {
            fail(m_offset, "expected a key before ':'; empty keys are not supported");
        }
        return;
    case '-':
        if (separated) {
            fail(m_offset, "expected a value, found '- ' (a sequence entry must start its own line)");
        }
        return;
    case '%':
    case '@':
    case '`':
    case '|':
    case '>':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
        fail(m_offset, "expected a value, found " + describeHere() + " (quote a value that starts with it)");
    default:
        return;
    }
}

void PantherRuleFile::enterCollection()
{
    // Parsing recurses once per level, so a file of nested brackets must not be able to exhaust the stack.
    if (++m_depth > kMaxJsonNesting) {
        fail(m_offset, "expected values nested at most " + std::to_string(kMaxJsonNesting) + " levels deep");
    }
}

void PantherRuleFile::enterEntry(std::string segment, std::size_t offset)
{
    m_route.push_back(std::move(segment));
    if (m_route.size() <= kRecordedDepth) {
        m_entryOffsets[m_route] = offset;
    }
}

std::string PantherRuleFile::describeHere() const
{
    if (m_offset >= m_text.size()) {
        return "the end of the file";
    }
    const auto c = static_cast<unsigned char>(peek());
    if (c == '\n') {
        return "the end of the line";
    }
    if (c == '\t') {
        return "a tab";
    }
    if (c < 0x20 || c == 0x7F) {
        std::array<char, 16> buffer {};
        std::snprintf(buffer.data(), buffer.size(), "byte 0x%02X", static_cast<unsigned>(c));
        return buffer.data();
    }
    if (c >= 0x80) {
        return "a non-ASCII character";
    }
    return std::string("'") + static_cast<char>(c) + "'";
}

void PantherRuleFile::fail(std::size_t offset, const std::string& message) const
{
    const TextPosition position = positionAt(m_text, offset);
    throw core::InputError(
        m_path + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": " + message);
}

} // namespace blastline::importers
