// SPDX-License-Identifier: MIT
#pragma once

#include "ConditionLexer.h"

#include "blastline/core/AttributeValue.h"
#include "blastline/core/Condition.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace blastline::core {

/** One node of a parsed condition; trees are immutable once built and shared between copies. */
struct Condition::Node
{
    enum class Kind
    {
        Literal, // `literal`
        Attribute, // `name` is the flatmap path
        Fact, // `name` is the fact without its '$'
        Not, // !left
        And, // left && right
        Or, // left || right
        Compare, // left op right
        VersionAtLeast // version_at_least(left, name)
    };
    Kind kind = Kind::Literal;
    std::size_t column = 0; // 1-based, where the node starts in the text; for parse errors only
    AttributeValue literal; // Null, Bool, Number (JSON text) or String
    std::string name;
    CompareOp op = CompareOp::Equal;
    std::unique_ptr<const Node> left;
    std::unique_ptr<const Node> right;
};

/**
 * Recursive descent over core::Condition's grammar:
 *   or      := and ("||" and)*
 *   and     := unary ("&&" unary)*
 *   unary   := "!" unary | compare
 *   compare := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
 *   primary := true | false | null | number | string | path | $fact
 *            | version_at_least(primary, "x.y.z") | "(" or ")"
 */
class ConditionParser
{
public:
    ConditionParser(std::string_view text, const std::string& where);
    /** The tree; nullptr for a blank text (the always-true condition). Throws InputError. */
    std::unique_ptr<const Condition::Node> parse();

private:
    using Token = ConditionLexer::Token;
    using TokenKind = ConditionLexer::TokenKind;
    using NodePtr = std::unique_ptr<const Condition::Node>;

    NodePtr parseOr();
    NodePtr parseAnd();
    NodePtr parseUnary();
    NodePtr parseCompare();
    NodePtr parsePrimary();
    NodePtr parseVersionAtLeast(const Token& name);
    void requireCondition(const Condition::Node& node) const;
    void advance() { m_token = m_lexer.next(); }

    void enterNesting(const Token& opener);
    void countOperand(const Token& joiner);

    static constexpr std::size_t kMaxNesting = 64; // '(' and '!' open a level; real conditions use a handful
    // Every '&&' and '||' adds a level to the (left-deep) tree, and evaluating and destroying the tree recurse once
    // per level: 100,000 operands overflowed the stack. The built-in catalogue's longest `when` has 3 operands; a
    // hand-written override listing values one by one might have dozens. 256 leaves room for those and keeps the
    // depth (256 + kMaxNesting) and the evaluation time (unknowns are merged per level) small.
    static constexpr std::size_t kMaxOperands = 256;
    ConditionLexer m_lexer;
    Token m_token;
    std::size_t m_nesting = 0; // bounds the recursion of parseUnary and parsePrimary (a stack overflow otherwise)
    std::size_t m_operands = 1; // of '&&' and '||' in the whole condition, parentheses included
};

} // namespace blastline::core
