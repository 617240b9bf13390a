// SPDX-License-Identifier: MIT
#include "HclLexer.h"

#include "HclTemplateText.h"
#include "Utf8Text.h"

#include "blastline/core/TextEncoding.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace blastline::importers {

namespace {

constexpr int kMaxNesting = 64;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isIdentifierStart(char c)
{
    const auto u = static_cast<unsigned char>(c);
    // Bytes >= 0x80 are parts of UTF-8 letters: HCL allows Unicode identifiers, and being lenient
    // here cannot mis-read anything, since such names never match a keyword the reader looks for.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool isIdentifierChar(char c)
{
    return isIdentifierStart(c) || isDigit(c) || c == '-';
}

std::string describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7F)
        return std::string("'") + c + "'";
    std::array<char, 16> buffer {};
    std::snprintf(buffer.data(), buffer.size(), "byte 0x%02X", static_cast<unsigned>(u));
    return buffer.data();
}

std::string_view trimmed(std::string_view line)
{
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

} // namespace

HclLexer::HclLexer(std::string_view text, std::string fileName)
    : m_text(text)
    , m_fileName(std::move(fileName))
{ }

std::vector<HclToken> HclLexer::tokenize()
{
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
        m_offset = 3; // a UTF-8 byte order mark, as some Windows editors write
    requireUtf8();
    std::vector<HclToken> tokens;
    do {
        tokens.push_back(next());
    } while (tokens.back().kind != HclTokenKind::EndOfFile);
    return tokens;
}

void HclLexer::requireUtf8() const
{
    // Terraform refuses a file that is not UTF-8 ("Invalid character encoding"); reading it anyway would
    // put bytes that are no text into names and values, and from there into reports and JSON output.
    const std::size_t bad = firstIllFormedUtf8(m_text, m_offset);
    if (bad == std::string_view::npos)
        return;
    HclPosition position = m_position; // counted as advance() counts
    for (std::size_t before = m_offset; before < bad; ++before) {
        if (m_text[before] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(m_text[before]) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    fail(position, "UTF-8 text (Terraform reads only UTF-8)", describeChar(m_text[bad]));
}

char HclLexer::peekChar(std::size_t ahead) const
{
    return m_offset + ahead < m_text.size() ? m_text[m_offset + ahead] : '\0';
}

void HclLexer::advance()
{
    if (atEnd())
        return;
    const char c = m_text[m_offset++];
    if (c == '\n') {
        ++m_position.line;
        m_position.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++m_position.column; // UTF-8 continuation bytes belong to the character already counted
    }
}

std::string HclLexer::describeHere() const
{
    if (atEnd())
        return "end of file";
    if (peekChar() == '\n')
        return "newline";
    return describeChar(peekChar());
}

void HclLexer::fail(HclPosition at, const std::string& expected, const std::string& found) const
{
    throwHclSyntaxError(m_fileName, at, expected, found);
}

HclToken HclLexer::next()
{
    skipSpaceAndComments();
    const HclPosition start = m_position;
    if (atEnd())
        return {HclTokenKind::EndOfFile, "", false, start};
    const char c = peekChar();
    if (c == '\n') {
        advance();
        return {HclTokenKind::Newline, "\n", false, start};
    }
    if (c == '"')
        return lexString(start);
    if (c == '<' && peekChar(1) == '<')
        return lexHeredoc(start);
    if (isDigit(c))
        return lexNumber(start);
    if (isIdentifierStart(c))
        return lexIdentifier(start);
    return lexPunctuation(start);
}

void HclLexer::skipSpaceAndComments()
{
    while (!atEnd()) {
        const char c = peekChar();
        if (c == ' ' || c == '\t' || c == '\r') {
            advance();
        } else if (c == '#' || (c == '/' && peekChar(1) == '/')) {
            while (!atEnd() && peekChar() != '\n')
                advance(); // the newline stays: a line comment ends the argument before it
        } else if (c == '/' && peekChar(1) == '*') {
            const HclPosition opened = m_position;
            advance();
            advance();
            while (!(peekChar() == '*' && peekChar(1) == '/')) {
                if (atEnd())
                    fail(m_position, "\"*/\" closing the comment opened at " + where(opened), "end of file");
                advance();
            }
            advance();
            advance();
        } else {
            return;
        }
    }
}

HclToken HclLexer::lexString(HclPosition start)
{
    advance(); // the opening quote
    HclToken token {HclTokenKind::String, "", false, start};
    for (;;) {
        if (atEnd() || peekChar() == '\n')
            fail(m_position, "'\"' closing the string opened at " + where(start), describeHere());
        const char c = peekChar();
        if (c == '"') {
            advance();
            return token;
        }
        if (c == '\\') {
            appendEscape(token.text);
        } else if ((c == '$' || c == '%') && peekChar(1) == c && peekChar(2) == '{') {
            token.text += c;
            token.text += '{';
            advance();
            advance();
            advance();
        } else if ((c == '$' || c == '%') && peekChar(1) == '{') {
            const HclPosition opened = m_position;
            advance();
            advance();
            skipInterpolation(opened);
            token.isTemplate = true;
        } else {
            token.text += c;
            advance();
        }
    }
}

void HclLexer::appendEscape(std::string& out)
{
    const HclPosition at = m_position;
    advance(); // the backslash
    const std::string escapes = "an escape sequence (\\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN)";
    if (atEnd() || peekChar() == '\n')
        fail(m_position, escapes, describeHere());
    const char c = peekChar();
    advance();
    switch (c) {
    case 'n':
        out += '\n';
        return;
    case 'r':
        out += '\r';
        return;
    case 't':
        out += '\t';
        return;
    case '"':
    case '\\':
        out += c;
        return;
    case 'u':
    case 'U':
        break;
    default:
        fail(at, escapes, "\"\\" + std::string(1, c) + "\"");
    }
    const int digits = c == 'u' ? 4 : 8;
    std::uint32_t code = 0;
    for (int i = 0; i < digits; ++i) {
        const int value = atEnd() ? -1 : core::hexDigitValue(peekChar());
        if (value < 0)
            fail(m_position, "a hexadecimal digit of the \\" + std::string(1, c) + " escape", describeHere());
        code = code * 16 + static_cast<std::uint32_t>(value);
        advance();
    }
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        fail(at, "a Unicode scalar value in the escape", "code point " + std::to_string(code));
    core::appendUtf8(out, code);
}

void HclLexer::skipInterpolation(HclPosition opened)
{
    if (++m_depth > kMaxNesting)
        fail(opened, "at most " + std::to_string(kMaxNesting) + " nested interpolations", "more");
    int braces = 0;
    for (;;) {
        const HclToken token = next();
        if (token.kind == HclTokenKind::EndOfFile)
            fail(token.position, "\"}\" closing the interpolation opened at " + where(opened), "end of file");
        if (token.kind != HclTokenKind::Punctuation)
            continue;
        if (token.text == "{") {
            ++braces;
        } else if (token.text == "}") {
            if (braces == 0)
                break;
            --braces;
        }
    }
    --m_depth;
}

HclToken HclLexer::lexHeredoc(HclPosition start)
{
    advance();
    advance(); // "<<"
    const bool flush = peekChar() == '-';
    if (flush)
        advance();
    if (atEnd() || !isIdentifierStart(peekChar()))
        fail(m_position, "a heredoc marker name after \"<<\"", describeHere());
    std::string marker;
    while (!atEnd() && isIdentifierChar(peekChar())) {
        marker += peekChar();
        advance();
    }
    if (peekChar() == '\r')
        advance();
    if (atEnd() || peekChar() != '\n')
        fail(m_position, "newline after the heredoc marker " + marker, describeHere());
    advance();

    std::vector<std::string> lines;
    for (;;) {
        if (atEnd())
            fail(m_position, "the heredoc end marker " + marker + " (heredoc opened at " + where(start) + ")",
                "end of file");
        const std::size_t lineStart = m_offset;
        while (!atEnd() && peekChar() != '\n')
            advance();
        std::string_view line = m_text.substr(lineStart, m_offset - lineStart);
        if (trimmed(line) == marker)
            break; // the newline after the marker is left to end the argument
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.emplace_back(line);
        advance();
    }

    HclToken token {HclTokenKind::Heredoc, "", false, start};
    token.text = heredocValue(lines, flush, token.isTemplate);
    return token;
}

HclToken HclLexer::lexNumber(HclPosition start)
{
    const std::size_t begin = m_offset;
    while (isDigit(peekChar()))
        advance();
    if (peekChar() == '.' && isDigit(peekChar(1))) {
        advance();
        while (isDigit(peekChar()))
            advance();
    }
    const bool signedExponent = (peekChar(1) == '+' || peekChar(1) == '-') && isDigit(peekChar(2));
    if ((peekChar() == 'e' || peekChar() == 'E') && (isDigit(peekChar(1)) || signedExponent)) {
        advance();
        if (signedExponent)
            advance();
        while (isDigit(peekChar()))
            advance();
    }
    return {HclTokenKind::Number, std::string(m_text.substr(begin, m_offset - begin)), false, start};
}

HclToken HclLexer::lexIdentifier(HclPosition start)
{
    const std::size_t begin = m_offset;
    while (!atEnd() && isIdentifierChar(peekChar()))
        advance();
    return {HclTokenKind::Identifier, std::string(m_text.substr(begin, m_offset - begin)), false, start};
}

HclToken HclLexer::lexPunctuation(HclPosition start)
{
    static constexpr std::array<std::string_view, 9> kLong = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"};
    static constexpr std::string_view kSingle = "{}[]()=.,:?+-*/%<>!~";
    const std::string_view rest = m_text.substr(m_offset);
    for (const auto punctuation : kLong) {
        if (rest.substr(0, punctuation.size()) == punctuation) {
            for (std::size_t i = 0; i < punctuation.size(); ++i)
                advance();
            return {HclTokenKind::Punctuation, std::string(punctuation), false, start};
        }
    }
    const char c = peekChar();
    if (kSingle.find(c) == std::string_view::npos)
        fail(start, "an argument, a block, a value or an operator", describeChar(c));
    advance();
    return {HclTokenKind::Punctuation, std::string(1, c), false, start};
}

} // namespace blastline::importers
