// SPDX-License-Identifier: MIT
#pragma once

#include "HclSyntax.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

enum class HclTokenKind
{
    Identifier,
    Number,
    String, // a quoted template
    Heredoc, // <<EOF or <<-EOF
    Punctuation,
    Newline,
    EndOfFile
};

struct HclToken
{
    HclTokenKind kind = HclTokenKind::EndOfFile;
    /** The name, the number's text, the punctuation, or a string's decoded value (when not a template). */
    std::string text;
    /** A string or heredoc holding `${...}` or `%{...}`: an expression, so `text` is meaningless. */
    bool isTemplate = false;
    HclPosition position;
};

/**
 * Splits HCL native syntax into tokens. A string or heredoc is one token: interpolations inside it are
 * scanned (so a `}` or a quote inside `${...}` does not end it) but not kept, since the reader never
 * evaluates them. Comments vanish; newlines stay, because they end arguments.
 * Throws core::InputError "FILE:LINE:COLUMN: expected ..., found ..." on the first bad character.
 */
class HclLexer
{
public:
    HclLexer(std::string_view text, std::string fileName);
    std::vector<HclToken> tokenize();

private:
    HclToken next();
    void skipSpaceAndComments();
    HclToken lexString(HclPosition start);
    void appendEscape(std::string& out);
    void skipInterpolation(HclPosition opened);
    HclToken lexHeredoc(HclPosition start);
    HclToken lexNumber(HclPosition start);
    HclToken lexIdentifier(HclPosition start);
    HclToken lexPunctuation(HclPosition start);

    void requireUtf8() const;
    bool atEnd() const { return m_offset >= m_text.size(); }
    char peekChar(std::size_t ahead = 0) const;
    void advance();
    std::string describeHere() const;
    [[noreturn]] void fail(HclPosition at, const std::string& expected, const std::string& found) const;

    std::string_view m_text;
    std::string m_fileName;
    std::size_t m_offset = 0;
    HclPosition m_position;
    int m_depth = 0; // interpolations nested in strings nested in interpolations...
};

} // namespace blastline::importers
