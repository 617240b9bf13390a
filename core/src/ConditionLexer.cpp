// SPDX-License-Identifier: MIT
#include "ConditionLexer.h"

#include "blastline/core/Error.h"
#include "blastline/core/TextEncoding.h"

#include <algorithm>
#include <cstdio>

namespace blastline::core {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isPathStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Map keys in flatmap paths may hold '-' (tags.cost-centre); there is no minus operator to confuse it with.
bool isPathChar(char c)
{
    return isPathStart(c) || isDigit(c) || c == '-';
}

constexpr std::string_view kEscapes = "a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";

} // namespace

ConditionLexer::ConditionLexer(std::string_view text, const std::string& where)
    : m_text(text)
    , m_where(where)
{ }

ConditionLexer::Token ConditionLexer::next()
{
    while (m_pos < m_text.size()
        && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
        ++m_pos;
    Token token;
    token.column = m_pos + 1;
    if (m_pos == m_text.size())
        return token;
    const char c = m_text[m_pos];
    const char following = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
    const auto take = [&](TokenKind kind, std::size_t length, CompareOp op = CompareOp::Equal) {
        token.kind = kind;
        token.op = op;
        token.raw = std::string(m_text.substr(m_pos, length));
        m_pos += length;
        return token;
    };
    switch (c) {
    case '(':
        return take(TokenKind::LeftParen, 1);
    case ')':
        return take(TokenKind::RightParen, 1);
    case ',':
        return take(TokenKind::Comma, 1);
    case '!':
        return following == '=' ? take(TokenKind::Compare, 2, CompareOp::NotEqual) : take(TokenKind::Not, 1);
    case '<':
        return following == '=' ? take(TokenKind::Compare, 2, CompareOp::LessEqual)
                                : take(TokenKind::Compare, 1, CompareOp::Less);
    case '>':
        return following == '=' ? take(TokenKind::Compare, 2, CompareOp::GreaterEqual)
                                : take(TokenKind::Compare, 1, CompareOp::Greater);
    case '=':
        // A lone '=' is almost always a mistyped '==': say that rather than "unexpected character".
        if (following != '=')
            fail(token.column, "'=='", "'='");
        return take(TokenKind::Compare, 2, CompareOp::Equal);
    case '&':
        if (following != '&')
            fail(token.column, "'&&'", "'&'");
        return take(TokenKind::And, 2);
    case '|':
        if (following != '|')
            fail(token.column, "'||'", "'|'");
        return take(TokenKind::Or, 2);
    case '"':
        lexString(token);
        return token;
    case '$':
        if (!isPathStart(following))
            fail(token.column + 1, "a fact name after '$'", describeAt(m_pos + 1));
        ++m_pos;
        lexPath(token);
        token.kind = TokenKind::Fact;
        token.raw = "$" + token.raw;
        return token;
    default:
        break;
    }
    if (isDigit(c) || (c == '-' && isDigit(following)))
        lexNumber(token);
    else if (isPathStart(c))
        lexPath(token);
    else
        take(TokenKind::Invalid, 1);
    return token;
}

void ConditionLexer::lexString(Token& token)
{
    const std::size_t start = m_pos++;
    token.kind = TokenKind::String;
    while (true) {
        if (m_pos == m_text.size())
            fail(m_pos + 1, "'\"' to close the string at column " + std::to_string(start + 1), "end of condition");
        const char c = m_text[m_pos];
        if (c == '"')
            break;
        if (static_cast<unsigned char>(c) < 0x20)
            fail(m_pos + 1, "a character of a string", describeChar(c));
        if (c == '\\') {
            appendEscape(token.value, m_pos);
            continue;
        }
        token.value += c;
        ++m_pos;
    }
    ++m_pos;
    token.raw = std::string(m_text.substr(start, m_pos - start));
}

std::uint32_t ConditionLexer::readHex(std::size_t at, std::size_t escapeStart) const
{
    std::uint32_t value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const int digit = i < m_text.size() ? hexDigitValue(m_text[i]) : -1;
        if (digit < 0)
            fail(escapeStart + 1, kEscapes,
                std::string(1, '\'')
                    .append(m_text.substr(escapeStart, std::min(i + 1, m_text.size()) - escapeStart))
                    .append(1, '\''));
        value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return value;
}

void ConditionLexer::appendEscape(std::string& out, std::size_t escapeStart)
{
    const char kind = escapeStart + 1 < m_text.size() ? m_text[escapeStart + 1] : '\0';
    m_pos = escapeStart + 2;
    switch (kind) {
    case '"':
    case '\\':
    case '/':
        out += kind;
        return;
    case 'b':
        out += '\b';
        return;
    case 'f':
        out += '\f';
        return;
    case 'n':
        out += '\n';
        return;
    case 'r':
        out += '\r';
        return;
    case 't':
        out += '\t';
        return;
    case 'u':
        break;
    default:
        fail(escapeStart + 1, kEscapes,
            kind == '\0' ? std::string("end of condition") : "'\\" + std::string(1, kind) + "'");
    }
    std::uint32_t codePoint = readHex(escapeStart + 2, escapeStart);
    m_pos = escapeStart + 6;
    // JSON spells a character beyond the BMP as an escaped high surrogate followed by an escaped low one.
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF && m_text.substr(m_pos, 2) == "\\u") {
        const std::uint32_t low = readHex(m_pos + 2, m_pos);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
            m_pos += 6;
        }
    }
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
        fail(escapeStart + 1, "a valid Unicode escape", "'" + std::string(m_text.substr(escapeStart, 6)) + "'");
    appendUtf8(out, codePoint);
}

void ConditionLexer::lexNumber(Token& token)
{
    // JSON's number grammar; the text is kept as written and compared numerically at evaluation.
    const std::size_t start = m_pos;
    const auto current = [&] { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; };
    const auto digits = [&](std::string_view after) {
        const std::size_t from = m_pos;
        while (isDigit(current()))
            ++m_pos;
        if (m_pos == from)
            fail(m_pos + 1, "a digit after " + std::string(after), describeAt(m_pos));
    };
    if (current() == '-')
        ++m_pos;
    if (current() == '0')
        ++m_pos;
    else
        digits("'-'");
    if (current() == '.') {
        ++m_pos;
        digits("'.'");
    }
    if (current() == 'e' || current() == 'E') {
        ++m_pos;
        if (current() == '+' || current() == '-')
            ++m_pos;
        digits("the exponent");
    }
    token.kind = TokenKind::Number;
    token.raw = std::string(m_text.substr(start, m_pos - start));
    token.value = token.raw;
}

void ConditionLexer::lexPath(Token& token)
{
    const std::size_t start = m_pos;
    while (true) {
        while (m_pos < m_text.size() && isPathChar(m_text[m_pos]))
            ++m_pos;
        if (m_pos == m_text.size() || m_text[m_pos] != '.')
            break;
        ++m_pos;
        if (m_pos == m_text.size() || !isPathChar(m_text[m_pos]))
            fail(m_pos + 1, "a path segment after '.'", describeAt(m_pos));
    }
    token.kind = TokenKind::Identifier;
    token.raw = std::string(m_text.substr(start, m_pos - start));
    token.value = token.raw;
}

void ConditionLexer::fail(std::size_t column, std::string_view expected, std::string_view found) const
{
    throw InputError(m_where + ": at column " + std::to_string(column) + ": expected " + std::string(expected)
        + ", found " + std::string(found));
}

std::string ConditionLexer::describe(const Token& token)
{
    switch (token.kind) {
    case TokenKind::End:
        return "end of condition";
    case TokenKind::Number:
        return "number " + token.raw;
    case TokenKind::String:
        return "string " + token.raw;
    case TokenKind::Invalid:
        return describeChar(token.raw.front());
    default:
        return "'" + token.raw + "'";
    }
}

std::string ConditionLexer::describeChar(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(byte));
        return std::string("'") + buffer + "'";
    }
    return std::string("'") + c + "'";
}

std::string ConditionLexer::describeAt(std::size_t pos) const
{
    return pos < m_text.size() ? describeChar(m_text[pos]) : std::string("end of condition");
}

} // namespace blastline::core
