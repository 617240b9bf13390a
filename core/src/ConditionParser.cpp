// SPDX-License-Identifier: MIT
#include "ConditionParser.h"

namespace blastline::core {

namespace {

constexpr std::string_view kVersionAtLeast = "version_at_least";

bool isDottedVersion(std::string_view text)
{
    bool needDigit = true;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            needDigit = false;
        else if (c == '.' && !needDigit)
            needDigit = true;
        else
            return false;
    }
    return !needDigit;
}

std::string describeLiteral(const AttributeValue& literal)
{
    switch (literal.kind) {
    case AttributeValue::Kind::Number:
        return "number " + literal.text;
    case AttributeValue::Kind::String:
        return "string \"" + literal.text + "\"";
    case AttributeValue::Kind::Bool:
        return "'" + literal.text + "'";
    case AttributeValue::Kind::Null:
    case AttributeValue::Kind::Redacted:
        break;
    }
    return "'null'";
}

std::unique_ptr<Condition::Node> makeNode(Condition::Node::Kind kind, std::size_t column)
{
    auto node = std::make_unique<Condition::Node>();
    node->kind = kind;
    node->column = column;
    return node;
}

} // namespace

ConditionParser::ConditionParser(std::string_view text, const std::string& where)
    : m_lexer(text, where)
{ }

std::unique_ptr<const Condition::Node> ConditionParser::parse()
{
    advance();
    if (m_token.kind == TokenKind::End)
        return nullptr;
    NodePtr root = parseOr();
    requireCondition(*root);
    if (m_token.kind != TokenKind::End)
        m_lexer.fail(m_token.column, "an operator or end of condition", ConditionLexer::describe(m_token));
    return root;
}

ConditionParser::NodePtr ConditionParser::parseOr()
{
    NodePtr left = parseAnd();
    while (m_token.kind == TokenKind::Or) {
        const std::size_t column = left->column;
        requireCondition(*left);
        countOperand(m_token);
        advance();
        NodePtr right = parseAnd();
        requireCondition(*right);
        auto node = makeNode(Condition::Node::Kind::Or, column);
        node->left = std::move(left);
        node->right = std::move(right);
        left = std::move(node);
    }
    return left;
}

ConditionParser::NodePtr ConditionParser::parseAnd()
{
    NodePtr left = parseUnary();
    while (m_token.kind == TokenKind::And) {
        const std::size_t column = left->column;
        requireCondition(*left);
        countOperand(m_token);
        advance();
        NodePtr right = parseUnary();
        requireCondition(*right);
        auto node = makeNode(Condition::Node::Kind::And, column);
        node->left = std::move(left);
        node->right = std::move(right);
        left = std::move(node);
    }
    return left;
}

// Each '(' and '!' recurses; without a bound a long run of them overflows the stack (found with the fuzz targets,
// see docs/reliability.md). No RAII for the count: any failure throws the whole parser away.
void ConditionParser::enterNesting(const Token& opener)
{
    if (++m_nesting > kMaxNesting)
        m_lexer.fail(opener.column, "at most " + std::to_string(kMaxNesting) + " nested '(' and '!'",
            ConditionLexer::describe(opener));
}

// Counted over the whole condition, not per chain: "(a && b) || (c && d)" nests its chains but the tree still grows a
// level per operand.
void ConditionParser::countOperand(const Token& joiner)
{
    if (++m_operands > kMaxOperands)
        m_lexer.fail(joiner.column, "at most " + std::to_string(kMaxOperands) + " operands joined by '&&' and '||'",
            ConditionLexer::describe(joiner) + " starting operand " + std::to_string(m_operands));
}

ConditionParser::NodePtr ConditionParser::parseUnary()
{
    if (m_token.kind != TokenKind::Not)
        return parseCompare();
    enterNesting(m_token);
    auto node = makeNode(Condition::Node::Kind::Not, m_token.column);
    advance();
    node->left = parseUnary();
    requireCondition(*node->left);
    --m_nesting;
    return node;
}

ConditionParser::NodePtr ConditionParser::parseCompare()
{
    NodePtr left = parsePrimary();
    if (m_token.kind != TokenKind::Compare)
        return left;
    const Token opToken = m_token;
    const bool ordering = opToken.op != CompareOp::Equal && opToken.op != CompareOp::NotEqual;
    // Ordering is numeric only: an operand that can never be a number is a mistake worth reporting at load time.
    const auto requireOrderable = [&](const Condition::Node& side) {
        const bool orderable = side.kind == Condition::Node::Kind::Attribute || side.kind == Condition::Node::Kind::Fact
            || (side.kind == Condition::Node::Kind::Literal && side.literal.kind == AttributeValue::Kind::Number);
        if (ordering && !orderable)
            m_lexer.fail(side.column, "a number to compare with '" + opToken.raw + "'",
                side.kind == Condition::Node::Kind::Literal ? describeLiteral(side.literal) : "a condition");
    };
    requireOrderable(*left);
    advance();
    NodePtr right = parsePrimary();
    requireOrderable(*right);
    auto node = makeNode(Condition::Node::Kind::Compare, left->column);
    node->op = opToken.op;
    node->left = std::move(left);
    node->right = std::move(right);
    return node;
}

ConditionParser::NodePtr ConditionParser::parsePrimary()
{
    const Token token = m_token;
    switch (token.kind) {
    case TokenKind::LeftParen: {
        enterNesting(token);
        advance();
        NodePtr inner = parseOr();
        if (m_token.kind != TokenKind::RightParen)
            m_lexer.fail(m_token.column,
                "an operator or ')' to close the '(' at column " + std::to_string(token.column),
                ConditionLexer::describe(m_token));
        advance();
        --m_nesting;
        return inner;
    }
    case TokenKind::Number:
    case TokenKind::String: {
        auto node = makeNode(Condition::Node::Kind::Literal, token.column);
        node->literal =
            token.kind == TokenKind::Number ? AttributeValue::number(token.value) : AttributeValue::string(token.value);
        advance();
        return node;
    }
    case TokenKind::Fact: {
        auto node = makeNode(Condition::Node::Kind::Fact, token.column);
        node->name = token.value;
        advance();
        return node;
    }
    case TokenKind::Identifier: {
        advance();
        if (m_token.kind == TokenKind::LeftParen) {
            if (token.value != kVersionAtLeast)
                m_lexer.fail(token.column, "a known function (version_at_least)", ConditionLexer::describe(token));
            return parseVersionAtLeast(token);
        }
        auto node = makeNode(Condition::Node::Kind::Literal, token.column);
        if (token.value == "true" || token.value == "false") {
            node->literal = AttributeValue::boolean(token.value == "true");
        } else if (token.value != "null") {
            node->kind = Condition::Node::Kind::Attribute;
            node->name = token.value;
        }
        return node;
    }
    default:
        break;
    }
    m_lexer.fail(token.column, "a value (attribute path, $fact, literal, function call or '(')",
        ConditionLexer::describe(token));
}

ConditionParser::NodePtr ConditionParser::parseVersionAtLeast(const Token& name)
{
    advance(); // the '('
    auto node = makeNode(Condition::Node::Kind::VersionAtLeast, name.column);
    const std::size_t argumentColumn = m_token.column;
    NodePtr argument = parsePrimary();
    const bool usable = argument->kind == Condition::Node::Kind::Attribute
        || argument->kind == Condition::Node::Kind::Fact
        || (argument->kind == Condition::Node::Kind::Literal && argument->literal.kind == AttributeValue::Kind::String
            && isDottedVersion(argument->literal.text));
    if (!usable)
        m_lexer.fail(argumentColumn, "an attribute, $fact or string holding a version",
            argument->kind == Condition::Node::Kind::Literal ? describeLiteral(argument->literal) : "a condition");
    if (m_token.kind != TokenKind::Comma)
        m_lexer.fail(
            m_token.column, "',' after the first argument of version_at_least", ConditionLexer::describe(m_token));
    advance();
    if (m_token.kind != TokenKind::String || !isDottedVersion(m_token.value))
        m_lexer.fail(m_token.column, "a version string like \"4.16.0\"", ConditionLexer::describe(m_token));
    node->name = m_token.value;
    advance();
    if (m_token.kind != TokenKind::RightParen)
        m_lexer.fail(m_token.column, "')' to close version_at_least(", ConditionLexer::describe(m_token));
    advance();
    node->left = std::move(argument);
    return node;
}

void ConditionParser::requireCondition(const Condition::Node& node) const
{
    // A bare literal that is not a bool can never be true or false: a typo worth reporting at load time.
    if (node.kind == Condition::Node::Kind::Literal && node.literal.kind != AttributeValue::Kind::Bool)
        m_lexer.fail(node.column, "a condition", describeLiteral(node.literal));
}

} // namespace blastline::core
