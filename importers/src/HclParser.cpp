// SPDX-License-Identifier: MIT
#include "HclParser.h"

#include "HclLexer.h"

#include <array>
#include <optional>

namespace blastline::importers {

namespace {

// Binary operators from loosest to tightest, as HCL ranks them; -1 for anything else.
int binaryLevel(const HclToken& token)
{
    static constexpr std::array<std::array<std::string_view, 4>, 6> kLevels = {{
        {"||"},
        {"&&"},
        {"==", "!="},
        {"<", ">", "<=", ">="},
        {"+", "-"},
        {"*", "/", "%"},
    }};
    if (token.kind != HclTokenKind::Punctuation)
        return -1;
    for (std::size_t level = 0; level < kLevels.size(); ++level)
        for (const auto op : kLevels[level])
            if (!op.empty() && token.text == op)
                return static_cast<int>(level);
    return -1;
}

// The key of an object member when it is static: a literal, or a bare name (`{ Name = 1 }` means
// the string "Name", not a variable); nullopt when it must be evaluated, e.g. `(var.k) = 1`.
std::optional<std::string> staticKey(const HclValue& key)
{
    if (key.kind == HclValue::Kind::Literal && key.literal.kind != core::AttributeValue::Kind::Null)
        return key.literal.text;
    if (key.kind == HclValue::Kind::Expression && !key.traversal.empty()
        && key.traversal.find_first_of(".[") == std::string::npos)
        return key.traversal;
    return std::nullopt;
}

} // namespace

HclParser::HclParser(HclTokenStream stream)
    : m_stream(std::move(stream))
{ }

HclBody HclParser::parse(std::string_view text, const std::string& fileName)
{
    HclParser parser(HclTokenStream(HclLexer(text, fileName).tokenize(), fileName));
    return parser.parseBody(nullptr);
}

bool HclParser::isForKeyword() const
{
    return isKeyword(m_stream.peek(), "for") && m_stream.peek(1).kind == HclTokenKind::Identifier;
}

HclBody HclParser::parseBody(const HclToken* openBrace)
{
    HclTokenStream::Scope scope(m_stream, true);
    const bool nested = openBrace != nullptr;
    HclBody body;
    for (;;) {
        const HclToken& token = m_stream.peek();
        if (token.kind == HclTokenKind::Newline) {
            m_stream.take();
        } else if (token.kind == HclTokenKind::EndOfFile) {
            if (nested)
                m_stream.fail(token, "\"}\" closing the block opened at " + where(openBrace->position));
            return body;
        } else if (nested && isPunctuation(token, "}")) {
            m_stream.take();
            return body;
        } else if (token.kind == HclTokenKind::Identifier) {
            parseItem(body, nested);
        } else {
            m_stream.fail(token, nested ? "an argument, a block or \"}\"" : "an argument or a block");
        }
    }
}

void HclParser::parseItem(HclBody& body, bool nested)
{
    const HclToken& name = m_stream.take();
    if (m_stream.acceptPunctuation("=")) {
        HclAttribute attribute {name.text, parseExpression(), name.position};
        body.attributes.push_back(std::move(attribute));
        expectEndOfItem(nested);
        return;
    }
    HclBlock block {name.text, {}, name.position, {}};
    for (;;) {
        const HclToken& label = m_stream.peek();
        const bool plainString = label.kind == HclTokenKind::String && !label.isTemplate;
        if (label.kind != HclTokenKind::Identifier && !plainString)
            break;
        block.labels.push_back(label.text);
        m_stream.take();
    }
    const HclToken& open = m_stream.peek();
    if (!isPunctuation(open, "{"))
        m_stream.fail(open, block.labels.empty() ? "\"=\" or \"{\" after " + name.text : "a block label or \"{\"");
    m_stream.take();
    block.body = parseBody(&open);
    body.blocks.push_back(std::move(block));
    expectEndOfItem(nested);
}

void HclParser::expectEndOfItem(bool nested)
{
    // One argument or block per line; a one-line block `x { a = 1 }` ends at its closing brace.
    const HclToken& token = m_stream.peek();
    if (token.kind == HclTokenKind::Newline)
        m_stream.take();
    else if (token.kind != HclTokenKind::EndOfFile && !(nested && isPunctuation(token, "}")))
        m_stream.fail(token, "newline after the argument or block");
}

HclValue HclParser::parseExpression()
{
    // No RAII needed for the depth: any failure throws the whole parser away.
    if (++m_expressionDepth > HclTokenStream::kMaxNesting)
        m_stream.fail(
            m_stream.peek(), "at most " + std::to_string(HclTokenStream::kMaxNesting) + " nested expressions");
    HclValue condition = parseBinary(0);
    if (m_stream.acceptPunctuation("?")) {
        parseExpression();
        m_stream.expectPunctuation(":", "\":\" of the conditional expression");
        parseExpression();
        condition = HclValue {};
    }
    --m_expressionDepth;
    return condition;
}

HclValue HclParser::parseBinary(int level)
{
    if (level > 5)
        return parseUnary();
    HclValue left = parseBinary(level + 1);
    while (binaryLevel(m_stream.peek()) == level) {
        m_stream.take();
        parseBinary(level + 1);
        left = HclValue {}; // an operation is an expression, even on literals
    }
    return left;
}

HclValue HclParser::parseUnary()
{
    // A loop rather than recursion, so "- - - - x" cannot run deep.
    int negations = 0;
    bool otherOperator = false;
    for (;;) {
        if (m_stream.acceptPunctuation("-"))
            ++negations;
        else if (m_stream.acceptPunctuation("!"))
            otherOperator = true;
        else
            break;
    }
    HclValue value = parsePostfix(parsePrimary());
    if (negations == 0 && !otherOperator)
        return value;
    // A negative number is written "-1" and meant as a literal; anything else is an operation.
    const bool number =
        value.kind == HclValue::Kind::Literal && value.literal.kind == core::AttributeValue::Kind::Number;
    if (!number || otherOperator)
        return HclValue {};
    if (negations % 2 == 1)
        value.literal.text = "-" + value.literal.text;
    return value;
}

HclValue HclParser::parsePrimary()
{
    const HclToken& token = m_stream.peek();
    switch (token.kind) {
    case HclTokenKind::Number:
        m_stream.take();
        return HclValue::makeLiteral(core::AttributeValue::number(token.text));
    case HclTokenKind::String:
    case HclTokenKind::Heredoc:
        m_stream.take();
        return token.isTemplate ? HclValue {} : HclValue::makeLiteral(core::AttributeValue::string(token.text));
    case HclTokenKind::Identifier:
        return parseName();
    case HclTokenKind::Punctuation:
        if (token.text == "(") {
            m_stream.take();
            HclTokenStream::Scope scope(m_stream, false);
            HclValue inner = parseExpression();
            m_stream.expectPunctuation(")", "\")\" closing the \"(\" at " + where(token.position));
            // A parenthesized name is a value to evaluate, never a bare object key: drop the traversal.
            return inner.isLiteral() ? inner : HclValue {};
        }
        if (token.text == "[") {
            m_stream.take();
            return parseTuple(token);
        }
        if (token.text == "{") {
            m_stream.take();
            return parseObject(token);
        }
        break;
    case HclTokenKind::Newline:
    case HclTokenKind::EndOfFile:
        break;
    }
    m_stream.fail(token, "an expression");
}

HclValue HclParser::parseName()
{
    const HclToken& name = m_stream.peek();
    if (m_stream.peekPunctuation("(", 1) || m_stream.peekPunctuation("::", 1))
        return parseFunctionCall();
    m_stream.take();
    if (name.text == "true" || name.text == "false")
        return HclValue::makeLiteral(core::AttributeValue::boolean(name.text == "true"));
    if (name.text == "null")
        return HclValue::makeLiteral(core::AttributeValue::null());
    HclValue variable;
    variable.traversal = name.text;
    return variable;
}

HclValue HclParser::parsePostfix(HclValue value)
{
    for (;;) {
        if (m_stream.acceptPunctuation(".")) {
            const HclToken& step = m_stream.peek();
            const bool legacyIndex =
                step.kind == HclTokenKind::Number && step.text.find_first_not_of("0123456789.") == std::string::npos;
            if (step.kind == HclTokenKind::Identifier || legacyIndex) {
                m_stream.take(); // "foo.0.1" lexes "0.1" as one number: its text is still the right path
                if (!value.traversal.empty())
                    value.traversal += "." + step.text;
            } else if (isPunctuation(step, "*")) {
                m_stream.take();
                value = HclValue {};
            } else {
                m_stream.fail(step, "an attribute name, an index or \"*\" after \".\"");
            }
        } else if (m_stream.peekPunctuation("[")) {
            const HclToken& open = m_stream.take();
            HclTokenStream::Scope scope(m_stream, false);
            if (m_stream.acceptPunctuation("*")) {
                m_stream.expectPunctuation("]", "\"]\" closing the splat \"[*\"");
                value = HclValue {};
                continue;
            }
            const HclValue index = parseExpression();
            m_stream.expectPunctuation("]", "\"]\" closing the index opened at " + where(open.position));
            const bool keepText = !value.traversal.empty() && index.kind == HclValue::Kind::Literal;
            if (!keepText) {
                value = HclValue {};
            } else if (index.literal.kind == core::AttributeValue::Kind::String) {
                value.traversal += "[\"" + index.literal.text + "\"]";
            } else {
                value.traversal += "[" + index.literal.text + "]";
            }
        } else {
            return value;
        }
        if (value.kind != HclValue::Kind::Expression)
            value = HclValue {}; // `[1, 2][0]`: indexing a literal is still an operation
    }
}

HclValue HclParser::parseTuple(const HclToken& open)
{
    HclTokenStream::Scope scope(m_stream, false);
    if (isForKeyword())
        return parseFor(open, "]");
    HclValue tuple;
    tuple.kind = HclValue::Kind::Tuple;
    bool allLiteral = true;
    for (std::size_t index = 0;; ++index) {
        if (m_stream.acceptPunctuation("]"))
            break;
        HclValue element = parseExpression();
        allLiteral = allLiteral && element.isLiteral();
        tuple.members.push_back({std::to_string(index), std::move(element)});
        if (m_stream.acceptPunctuation(","))
            continue;
        m_stream.expectPunctuation("]", "\",\" or \"]\" closing the list opened at " + where(open.position));
        break;
    }
    return allLiteral ? tuple : HclValue {};
}

HclValue HclParser::parseObject(const HclToken& open)
{
    {
        HclTokenStream::Scope forScope(m_stream, false); // a for-expression may start on the next line
        if (isForKeyword())
            return parseFor(open, "}");
    }
    HclTokenStream::Scope scope(m_stream, true);
    HclValue object;
    object.kind = HclValue::Kind::Object;
    bool allLiteral = true;
    for (;;) {
        while (m_stream.peek().kind == HclTokenKind::Newline)
            m_stream.take();
        if (m_stream.acceptPunctuation("}"))
            break;
        const HclValue key = parseExpression();
        const HclToken& separator = m_stream.peek();
        if (!isPunctuation(separator, "=") && !isPunctuation(separator, ":"))
            m_stream.fail(separator, "\"=\" or \":\" after the object key");
        m_stream.take();
        HclValue value = parseExpression();
        const auto keyText = staticKey(key);
        allLiteral = allLiteral && keyText && value.isLiteral();
        if (keyText)
            object.members.push_back({*keyText, std::move(value)});
        const HclToken& next = m_stream.peek();
        if (isPunctuation(next, ",") || next.kind == HclTokenKind::Newline) {
            m_stream.take();
        } else if (!isPunctuation(next, "}")) {
            m_stream.fail(next, "\",\", newline or \"}\" closing the object opened at " + where(open.position));
        }
    }
    return allLiteral ? object : HclValue {};
}

HclValue HclParser::parseFor(const HclToken& open, const std::string& close)
{
    m_stream.take(); // "for"
    const auto expectName = [this] {
        if (m_stream.peek().kind != HclTokenKind::Identifier)
            m_stream.fail(m_stream.peek(), "a variable name in the for expression");
        m_stream.take();
    };
    expectName();
    if (m_stream.acceptPunctuation(","))
        expectName();
    if (!isKeyword(m_stream.peek(), "in"))
        m_stream.fail(m_stream.peek(), "\"in\" in the for expression");
    m_stream.take();
    parseExpression();
    m_stream.expectPunctuation(":", "\":\" after the collection of the for expression");
    parseExpression();
    if (close == "}") {
        m_stream.expectPunctuation("=>", "\"=>\" between the key and the value of the for expression");
        parseExpression();
        m_stream.acceptPunctuation("...");
    }
    if (isKeyword(m_stream.peek(), "if")) {
        m_stream.take();
        parseExpression();
    }
    m_stream.expectPunctuation(close, "\"" + close + "\" closing the for expression opened at " + where(open.position));
    return HclValue {};
}

HclValue HclParser::parseFunctionCall()
{
    const HclToken& name = m_stream.take();
    std::string fullName = name.text;
    while (m_stream.acceptPunctuation("::")) { // provider-defined functions: provider::aws::arn_parse(...)
        const HclToken& part = m_stream.take();
        if (part.kind != HclTokenKind::Identifier)
            m_stream.fail(part, "a function name after \"::\"");
        fullName += "::" + part.text;
    }
    m_stream.expectPunctuation("(", "\"(\" after the function name " + fullName);
    HclTokenStream::Scope scope(m_stream, false);
    for (;;) {
        if (m_stream.acceptPunctuation(")"))
            break;
        parseExpression();
        if (m_stream.acceptPunctuation("...")) {
            m_stream.expectPunctuation(")", "\")\" after \"...\" in the call to " + fullName);
            break;
        }
        if (m_stream.acceptPunctuation(","))
            continue;
        m_stream.expectPunctuation(")", "\",\" or \")\" closing the call to " + fullName);
        break;
    }
    return HclValue {};
}

} // namespace blastline::importers
