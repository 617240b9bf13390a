// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"
#include "blastline/core/Error.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The small syntax tree the HCL parser hands to ConfigurationReader. Grouped in one header because
// these are plain value types of one concept; none has behaviour worth a file of its own.

namespace blastline::importers {

/** A 1-based place in a .tf file; columns count characters, not bytes. */
struct HclPosition
{
    int line = 1;
    int column = 1;
};

struct HclMember;

/**
 * What the reader keeps of an expression. Literals, and tuples/objects made only of literals, are
 * evaluated; anything else is only "an expression" (the reader never guesses a value), plus its text
 * when it is a plain traversal, because `removed { from = ... }` and diagnostics need that text.
 */
struct HclValue
{
    enum class Kind
    {
        Literal,
        Tuple,
        Object,
        Expression
    };
    Kind kind = Kind::Expression;
    core::AttributeValue literal; // Kind::Literal only
    std::vector<HclMember> members; // Tuple ("0", "1", ...) and Object, in source order
    std::string traversal; // "aws_db_instance.old", "var.x"; empty unless a plain traversal

    bool isLiteral() const { return kind != Kind::Expression; }
    static HclValue makeLiteral(core::AttributeValue value);
};

struct HclMember
{
    std::string key;
    HclValue value;
};

inline HclValue HclValue::makeLiteral(core::AttributeValue value)
{
    HclValue result;
    result.kind = Kind::Literal;
    result.literal = std::move(value);
    return result;
}

struct HclAttribute
{
    std::string name;
    HclValue value;
    HclPosition position;
};

struct HclBlock;

struct HclBody
{
    std::vector<HclAttribute> attributes;
    std::vector<HclBlock> blocks;

    /** The last attribute of that name (HCL forbids duplicates; the last one wins if they occur). */
    const HclAttribute* findAttribute(std::string_view name) const;
};

struct HclBlock
{
    std::string type;
    std::vector<std::string> labels;
    HclPosition position; // of the block's type keyword
    HclBody body;
};

inline const HclAttribute* HclBody::findAttribute(std::string_view name) const
{
    const HclAttribute* found = nullptr;
    for (const auto& attribute : attributes)
        if (attribute.name == name)
            found = &attribute;
    return found;
}

/** "LINE:COLUMN", for messages that point back at an opening bracket or quote. */
inline std::string where(HclPosition at)
{
    return std::to_string(at.line) + ":" + std::to_string(at.column);
}

/** Throws the one error shape every HCL syntax problem has: "FILE:LINE:COLUMN: expected X, found Y". */
[[noreturn]] inline void throwHclSyntaxError(
    const std::string& fileName, HclPosition at, const std::string& expected, const std::string& found)
{
    throw core::InputError(fileName + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": expected "
        + expected + ", found " + found);
}

} // namespace blastline::importers
