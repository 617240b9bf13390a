// SPDX-License-Identifier: MIT
#pragma once

#include "HclLexer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/** "\"{\"", "newline", "end of file", "a string with interpolation", ... for "found ..." in messages. */
std::string describeToken(const HclToken& token);

bool isPunctuation(const HclToken& token, std::string_view text);
bool isKeyword(const HclToken& token, std::string_view word);

/**
 * The parser's cursor over the tokens of one file. Whether a newline is a token or mere spacing
 * depends on where the parser is (it ends an argument in a body or an object, not inside brackets);
 * Scope pushes that mode, and bounds nesting so hostile input cannot exhaust the stack.
 */
class HclTokenStream
{
public:
    static constexpr std::size_t kMaxNesting = 100;

    HclTokenStream(std::vector<HclToken> tokens, std::string fileName);

    class Scope
    {
    public:
        Scope(HclTokenStream& stream, bool newlinesSignificant);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        HclTokenStream& m_stream;
    };

    /** The token `ahead` tokens on, skipping newlines where they are spacing; EndOfFile at the end. */
    const HclToken& peek(std::size_t ahead = 0) const;
    /** Consumes and returns the next token; at the end it keeps returning EndOfFile. */
    const HclToken& take();
    bool peekPunctuation(std::string_view text, std::size_t ahead = 0) const;
    bool acceptPunctuation(std::string_view text);
    void expectPunctuation(std::string_view text, const std::string& expected);
    /** Throws core::InputError "FILE:LINE:COLUMN: expected EXPECTED, found FOUND". */
    [[noreturn]] void fail(const HclToken& found, const std::string& expected) const;

private:
    bool newlinesSignificant() const { return m_newlineModes.back(); }

    std::vector<HclToken> m_tokens; // always ends with EndOfFile
    std::string m_fileName;
    std::size_t m_index = 0;
    std::vector<bool> m_newlineModes;
};

} // namespace blastline::importers
