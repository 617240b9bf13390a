// SPDX-License-Identifier: MIT
#include "HclTokenStream.h"

namespace blastline::importers {

std::string describeToken(const HclToken& token)
{
    switch (token.kind) {
    case HclTokenKind::Identifier:
    case HclTokenKind::Punctuation:
        return "\"" + token.text + "\"";
    case HclTokenKind::Number:
        return "number " + token.text;
    case HclTokenKind::String:
        if (token.isTemplate)
            return "a string with interpolation";
        return "string \"" + (token.text.size() > 30 ? token.text.substr(0, 30) + "..." : token.text) + "\"";
    case HclTokenKind::Heredoc:
        return "a heredoc";
    case HclTokenKind::Newline:
        return "newline";
    case HclTokenKind::EndOfFile:
        break;
    }
    return "end of file";
}

bool isPunctuation(const HclToken& token, std::string_view text)
{
    return token.kind == HclTokenKind::Punctuation && token.text == text;
}

bool isKeyword(const HclToken& token, std::string_view word)
{
    return token.kind == HclTokenKind::Identifier && token.text == word;
}

HclTokenStream::HclTokenStream(std::vector<HclToken> tokens, std::string fileName)
    : m_tokens(std::move(tokens))
    , m_fileName(std::move(fileName))
{
    if (m_tokens.empty() || m_tokens.back().kind != HclTokenKind::EndOfFile)
        m_tokens.push_back({HclTokenKind::EndOfFile, "", false, {}});
    m_newlineModes.push_back(true); // a file is a body
}

HclTokenStream::Scope::Scope(HclTokenStream& stream, bool newlinesSignificant)
    : m_stream(stream)
{
    if (m_stream.m_newlineModes.size() > kMaxNesting)
        m_stream.fail(m_stream.peek(), "at most " + std::to_string(kMaxNesting) + " levels of nesting");
    m_stream.m_newlineModes.push_back(newlinesSignificant);
}

HclTokenStream::Scope::~Scope()
{
    m_stream.m_newlineModes.pop_back();
}

const HclToken& HclTokenStream::peek(std::size_t ahead) const
{
    for (std::size_t index = m_index;; ++index) {
        const HclToken& token = m_tokens[index];
        if (token.kind == HclTokenKind::EndOfFile)
            return token;
        if (token.kind == HclTokenKind::Newline && !newlinesSignificant())
            continue;
        if (ahead == 0)
            return token;
        --ahead;
    }
}

const HclToken& HclTokenStream::take()
{
    while (m_tokens[m_index].kind == HclTokenKind::Newline && !newlinesSignificant())
        ++m_index;
    const HclToken& token = m_tokens[m_index];
    if (token.kind != HclTokenKind::EndOfFile)
        ++m_index;
    return token;
}

bool HclTokenStream::peekPunctuation(std::string_view text, std::size_t ahead) const
{
    return isPunctuation(peek(ahead), text);
}

bool HclTokenStream::acceptPunctuation(std::string_view text)
{
    if (!peekPunctuation(text))
        return false;
    take();
    return true;
}

void HclTokenStream::expectPunctuation(std::string_view text, const std::string& expected)
{
    if (!acceptPunctuation(text))
        fail(peek(), expected);
}

void HclTokenStream::fail(const HclToken& found, const std::string& expected) const
{
    throwHclSyntaxError(m_fileName, found.position, expected, describeToken(found));
}

} // namespace blastline::importers
