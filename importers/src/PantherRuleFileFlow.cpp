// SPDX-License-Identifier: MIT
// PantherRuleFile: the flow context ({...} and [...]) and quoted scalars.
#include "PantherRuleFile.h"
#include "YamlCharacters.h"
#include "YamlScalar.h"

#include "blastline/core/TextEncoding.h"

#include <array>
#include <cstdint>
#include <utility>

namespace blastline::importers {

namespace {

using yaml::charIn;
using yaml::isBlank;
using yaml::isBreakOrEnd;
using yaml::isFlowIndicator;
using yaml::isSeparator;

/** The YAML escapes of one letter after '\\', with the character each stands for. */
constexpr std::array<std::pair<char, std::uint32_t>, 18> kOneLetterEscapes {{{'0', 0x00}, {'a', 0x07}, {'b', 0x08},
    {'t', 0x09}, {'\t', 0x09}, {'n', 0x0A}, {'v', 0x0B}, {'f', 0x0C}, {'r', 0x0D}, {'e', 0x1B}, {' ', 0x20},
    {'"', 0x22}, {'/', 0x2F}, {'\\', 0x5C}, {'N', 0x85}, {'_', 0xA0}, {'L', 0x2028}, {'P', 0x2029}}};

} // namespace

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
        return YamlScalar::typedPlain(plainFlowText());
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

} // namespace blastline::importers
