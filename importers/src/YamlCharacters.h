// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

// Character classes of YAML 1.2 shared by the Panther rule file reader and its scalar rules.
namespace blastline::importers::yaml {

inline char charIn(std::string_view text, std::size_t offset)
{
    return offset < text.size() ? text[offset] : '\0';
}

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

inline bool isBreakOrEnd(char c)
{
    return c == '\n' || c == '\0';
}

/** What must follow ':' of a key and '-' of an entry, so that "a:b" and "-1" stay plain scalars. */
inline bool isSeparator(char c)
{
    return isBlank(c) || isBreakOrEnd(c);
}

inline bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace blastline::importers::yaml
