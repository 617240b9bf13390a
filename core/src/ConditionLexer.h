// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace blastline::core {

enum class CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual
};

/** The tokens of core::Condition's language, read one at a time so that errors come in reading order. */
class ConditionLexer
{
public:
    enum class TokenKind
    {
        End,
        LeftParen,
        RightParen,
        Comma,
        Not,
        And,
        Or,
        Compare,
        Number,
        String,
        Identifier, // an attribute path, a keyword (true false null) or a function name
        Fact,
        Invalid
    };
    struct Token
    {
        TokenKind kind = TokenKind::End;
        std::size_t column = 0; // 1-based
        std::string raw; // as written, for messages
        std::string value; // decoded string, path, fact name without '$', or number text
        CompareOp op = CompareOp::Equal;
    };

    ConditionLexer(std::string_view text, const std::string& where);
    /** The next token; throws InputError on a malformed string, number, path or operator. */
    Token next();
    /** Throws InputError("<where>: at column N: expected ..., found ..."). */
    [[noreturn]] void fail(std::size_t column, std::string_view expected, std::string_view found) const;
    /** How a message names the token: "end of condition", "number 7", "'=='". */
    static std::string describe(const Token& token);
    /** A character as a message shows it: 'x', or '\x01' for one that does not print. */
    static std::string describeChar(char c);

private:
    void lexString(Token& token);
    void lexNumber(Token& token);
    void lexPath(Token& token);
    void appendEscape(std::string& out, std::size_t escapeStart);
    std::uint32_t readHex(std::size_t at, std::size_t escapeStart) const;
    std::string describeAt(std::size_t pos) const;

    std::string_view m_text;
    const std::string& m_where;
    std::size_t m_pos = 0;
};

} // namespace blastline::core
