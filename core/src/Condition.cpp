// SPDX-License-Identifier: MIT
#include "blastline/core/Condition.h"

#include "ConditionParser.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <utility>

namespace blastline::core {

namespace {

using Node = Condition::Node;

/** A value during evaluation: an attribute leaf, a literal, or the result of a comparison. */
struct Value
{
    enum class Kind
    {
        Null,
        Bool,
        Number,
        String,
        Unknown
    };
    Kind kind = Kind::Unknown;
    std::string text;
    std::string origin; // the attribute path or "$fact" it was read from; empty for literals and results
};

void note(std::vector<std::string>& unknowns, const std::string& name)
{
    if (!name.empty() && std::find(unknowns.begin(), unknowns.end(), name) == unknowns.end())
        unknowns.push_back(name);
}

void merge(std::vector<std::string>& into, const std::vector<std::string>& from)
{
    for (const auto& name : from)
        note(into, name);
}

/** The leaf behind an attribute path (with the entry's default) or a fact; nullptr when nobody knows it. */
const AttributeValue* lookup(std::string_view name, bool isFact, const Condition::Inputs& inputs)
{
    if (isFact) {
        if (!inputs.facts)
            return nullptr;
        // Callers spell fact keys either way ("bucket_empty" or "$bucket_empty"); accept both.
        auto it = inputs.facts->find(std::string(name));
        if (it == inputs.facts->end()) {
            // Built by append, not '"$" + string': g++ 12 warns falsely on that (-Wrestrict, GCC bug 105651).
            std::string dollar(1, '$');
            dollar.append(name);
            it = inputs.facts->find(dollar);
        }
        return it == inputs.facts->end() ? nullptr : &it->second;
    }
    if (const AttributeValue* value = inputs.attributes.find(name))
        return value;
    if (inputs.defaults) {
        const auto it = inputs.defaults->find(std::string(name));
        if (it != inputs.defaults->end())
            return &it->second;
    }
    return nullptr;
}

Value fromAttribute(const AttributeValue& leaf, std::string origin)
{
    Value value;
    value.text = leaf.text;
    value.origin = std::move(origin);
    switch (leaf.kind) {
    case AttributeValue::Kind::Null:
        value.kind = Value::Kind::Null;
        break;
    case AttributeValue::Kind::Bool:
        value.kind = Value::Kind::Bool;
        break;
    case AttributeValue::Kind::Number:
        value.kind = Value::Kind::Number;
        break;
    case AttributeValue::Kind::String:
        value.kind = Value::Kind::String;
        break;
    case AttributeValue::Kind::Redacted: // a secret is a fact nobody may read
        value.kind = Value::Kind::Unknown;
        value.text.clear();
        break;
    }
    return value;
}

Value resolve(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    const bool isFact = node.kind == Node::Kind::Fact;
    std::string origin = isFact ? "$" + node.name : node.name;
    const AttributeValue* leaf = lookup(node.name, isFact, inputs);
    if (!leaf) {
        note(unknowns, origin);
        return Value {Value::Kind::Unknown, {}, std::move(origin)};
    }
    Value value = fromAttribute(*leaf, std::move(origin));
    if (value.kind == Value::Kind::Unknown)
        note(unknowns, value.origin);
    return value;
}

/** Numbers, and strings that spell one completely (flatmap stores "7" for 7). */
std::optional<double> asNumber(const Value& value)
{
    if (value.kind != Value::Kind::Number && value.kind != Value::Kind::String)
        return std::nullopt;
    double result = 0;
    const char* begin = value.text.data();
    const char* end = begin + value.text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, result);
    if (value.text.empty() || ec != std::errc() || ptr != end)
        return std::nullopt;
    return result;
}

bool equal(const Value& a, const Value& b)
{
    if (a.kind == Value::Kind::Null || b.kind == Value::Kind::Null)
        return a.kind == b.kind;
    if (a.kind == Value::Kind::String && b.kind == Value::Kind::String)
        return a.text == b.text;
    if (a.kind == Value::Kind::Number || b.kind == Value::Kind::Number) {
        const auto x = asNumber(a);
        const auto y = asNumber(b);
        if (x && y)
            return *x == *y;
        return a.kind == b.kind && a.text == b.text; // numbers beyond a double's range: compare as written
    }
    // Bool against bool, or against a flatmap string "true"/"false": both spell the value the same way.
    return a.text == b.text;
}

struct Version
{
    std::vector<std::uint64_t> parts;
    bool preRelease = false;
};

/** "4.16.0", "v5.1", "4.16.0-beta1" (a pre-release sorts before its release); nullopt otherwise. */
std::optional<Version> parseVersion(std::string_view text)
{
    if (!text.empty() && (text.front() == 'v' || text.front() == 'V'))
        text.remove_prefix(1);
    Version version;
    const std::size_t suffix = text.find_first_of("-+");
    if (suffix != std::string_view::npos) {
        version.preRelease = text[suffix] == '-';
        text = text.substr(0, suffix);
    }
    while (true) {
        std::uint64_t part = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), part);
        if (ec != std::errc() || ptr == text.data())
            return std::nullopt;
        version.parts.push_back(part);
        text.remove_prefix(static_cast<std::size_t>(ptr - text.data()));
        if (text.empty())
            return version;
        if (text.front() != '.')
            return std::nullopt;
        text.remove_prefix(1);
    }
}

bool isAtLeast(const Version& actual, const Version& minimum)
{
    const std::size_t count = std::max(actual.parts.size(), minimum.parts.size());
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t a = i < actual.parts.size() ? actual.parts[i] : 0;
        const std::uint64_t m = i < minimum.parts.size() ? minimum.parts[i] : 0;
        if (a != m)
            return a > m;
    }
    return !actual.preRelease || minimum.preRelease;
}

Value fromTruth(Truth truth)
{
    if (truth == Truth::Unknown)
        return Value {};
    return Value {Value::Kind::Bool, truth == Truth::True ? "true" : "false", {}};
}

// Values and truths recurse into each other: a comparison of two conditions, a condition over a comparison.
Value evaluateValue(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns);
Truth evaluateTruth(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns);

Value compare(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    const Value a = evaluateValue(*node.left, inputs, unknowns);
    const Value b = evaluateValue(*node.right, inputs, unknowns);
    if (a.kind == Value::Kind::Unknown || b.kind == Value::Kind::Unknown)
        return Value {};
    if (node.op == CompareOp::Equal || node.op == CompareOp::NotEqual)
        return fromTruth((equal(a, b) == (node.op == CompareOp::Equal)) ? Truth::True : Truth::False);
    const auto x = asNumber(a);
    const auto y = asNumber(b);
    if (!x || !y) {
        // null or a non-numeric string has no order: which way the comparison goes cannot be known.
        if (!x)
            note(unknowns, a.origin);
        if (!y)
            note(unknowns, b.origin);
        return Value {};
    }
    switch (node.op) {
    case CompareOp::Less:
        return fromTruth(*x < *y ? Truth::True : Truth::False);
    case CompareOp::LessEqual:
        return fromTruth(*x <= *y ? Truth::True : Truth::False);
    case CompareOp::Greater:
        return fromTruth(*x > *y ? Truth::True : Truth::False);
    case CompareOp::GreaterEqual:
        return fromTruth(*x >= *y ? Truth::True : Truth::False);
    case CompareOp::Equal:
    case CompareOp::NotEqual:
        break;
    }
    return Value {};
}

Value versionAtLeast(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    const Value actual = evaluateValue(*node.left, inputs, unknowns);
    if (actual.kind == Value::Kind::Unknown)
        return Value {};
    const auto parsed = actual.kind == Value::Kind::Null ? std::nullopt : parseVersion(actual.text);
    const auto minimum = parseVersion(node.name); // checked by the parser
    if (!parsed || !minimum) {
        note(unknowns, actual.origin); // a null or unreadable version says nothing about the behaviour
        return Value {};
    }
    return fromTruth(isAtLeast(*parsed, *minimum) ? Truth::True : Truth::False);
}

/** A value read as a condition: bools, and the "true"/"false" strings flatmap stores for them. */
Truth toTruth(const Value& value, std::vector<std::string>& unknowns)
{
    if ((value.kind == Value::Kind::Bool || value.kind == Value::Kind::String)
        && (value.text == "true" || value.text == "false"))
        return value.text == "true" ? Truth::True : Truth::False;
    // Anything else (null, a number, another string) is not a truth value; nobody can say which way it goes.
    if (value.kind != Value::Kind::Unknown)
        note(unknowns, value.origin);
    return Truth::Unknown;
}

/** Kleene's && (dominant = False) and || (dominant = True); unknowns count only when the result is Unknown. */
Truth kleene(const Node& node, Truth dominant, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    std::vector<std::string> leftUnknowns;
    const Truth left = evaluateTruth(*node.left, inputs, leftUnknowns);
    if (left == dominant)
        return dominant;
    std::vector<std::string> rightUnknowns;
    const Truth right = evaluateTruth(*node.right, inputs, rightUnknowns);
    if (right == dominant)
        return dominant;
    if (left != Truth::Unknown && right != Truth::Unknown)
        return left;
    // A chain is a left-deep tree: merging the left side's names one by one into an empty list at every level made
    // evaluation cubic in the operands (2,000 unknown operands took 20 s). The list is free of repeats already.
    if (unknowns.empty())
        unknowns = std::move(leftUnknowns);
    else
        merge(unknowns, leftUnknowns);
    merge(unknowns, rightUnknowns);
    return Truth::Unknown;
}

Truth evaluateTruth(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    switch (node.kind) {
    case Node::Kind::And:
        return kleene(node, Truth::False, inputs, unknowns);
    case Node::Kind::Or:
        return kleene(node, Truth::True, inputs, unknowns);
    case Node::Kind::Not: {
        const Truth inner = evaluateTruth(*node.left, inputs, unknowns);
        if (inner == Truth::Unknown)
            return inner;
        return inner == Truth::True ? Truth::False : Truth::True;
    }
    default:
        return toTruth(evaluateValue(node, inputs, unknowns), unknowns);
    }
}

Value evaluateValue(const Node& node, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    switch (node.kind) {
    case Node::Kind::Literal:
        return fromAttribute(node.literal, {});
    case Node::Kind::Attribute:
    case Node::Kind::Fact:
        return resolve(node, inputs, unknowns);
    case Node::Kind::Compare:
        return compare(node, inputs, unknowns);
    case Node::Kind::VersionAtLeast:
        return versionAtLeast(node, inputs, unknowns);
    case Node::Kind::Not:
    case Node::Kind::And:
    case Node::Kind::Or:
        break;
    }
    return fromTruth(evaluateTruth(node, inputs, unknowns));
}

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

Condition::Condition() = default;

Condition Condition::parse(std::string_view text, const std::string& where)
{
    Condition condition;
    condition.m_text = std::string(text);
    condition.m_root = ConditionParser(text, where).parse();
    return condition;
}

Truth Condition::evaluate(const Inputs& inputs, std::vector<std::string>* unknowns) const
{
    if (!m_root)
        return Truth::True;
    std::vector<std::string> found;
    const Truth result = evaluateTruth(*m_root, inputs, found);
    if (result == Truth::Unknown && unknowns)
        merge(*unknowns, found);
    return result;
}

std::string expandTemplate(std::string_view text, const Condition::Inputs& inputs, std::vector<std::string>* unknowns)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i, 3) == "$${") {
            out += "${";
            i += 3;
            continue;
        }
        const std::size_t close = text.substr(i, 2) == "${" ? text.find('}', i + 2) : std::string_view::npos;
        if (close == std::string_view::npos) {
            out += text[i++];
            continue;
        }
        const std::string_view name = trim(text.substr(i + 2, close - i - 2));
        const bool isFact = !name.empty() && name.front() == '$';
        const AttributeValue* leaf = lookup(isFact ? name.substr(1) : name, isFact, inputs);
        if (!leaf || leaf->kind == AttributeValue::Kind::Redacted) {
            out += leaf ? kRedactedMarker : "(unknown)";
            if (unknowns)
                note(*unknowns, std::string(name));
        } else if (leaf->kind != AttributeValue::Kind::Null) {
            out += leaf->text; // a null leaf writes nothing: an empty identifier falls back to a generated one
        }
        i = close + 1;
    }
    return out;
}

} // namespace blastline::core
