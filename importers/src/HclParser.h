// SPDX-License-Identifier: MIT
#pragma once

#include "HclSyntax.h"
#include "HclTokenStream.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/**
 * Parses one file of HCL native syntax into blocks and attributes. Expressions are checked for syntax
 * in full (operators, calls, for-expressions, splats, conditionals...) but only literals are kept
 * (see HclValue). Throws core::InputError "FILE:LINE:COLUMN: expected ..., found ..." on the first
 * syntax error; nesting is bounded, so hostile input cannot exhaust the stack.
 */
class HclParser
{
public:
    static HclBody parse(std::string_view text, const std::string& fileName);

private:
    explicit HclParser(HclTokenStream stream);

    HclBody parseBody(const HclToken* openBrace);
    void parseItem(HclBody& body, bool nested);
    void expectEndOfItem(bool nested);

    HclValue parseExpression();
    HclValue parseBinary(int level);
    HclValue parseUnary();
    HclValue parsePrimary();
    HclValue parseName();
    HclValue parsePostfix(HclValue value);
    HclValue parseTuple(const HclToken& open);
    HclValue parseObject(const HclToken& open);
    HclValue parseFor(const HclToken& open, const std::string& close);
    HclValue parseFunctionCall();

    bool isForKeyword() const;

    HclTokenStream m_stream;
    std::size_t m_expressionDepth = 0; // bounds recursion, as Scope bounds bracket nesting
};

} // namespace blastline::importers
