// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace blastline::core {

/**
 * Pops the first space-separated word of `words`. The rule tables of core (event names, identifying members,
 * type prefixes) are written as space-separated lists: one line of a table stays one line of code.
 */
inline std::string_view nextWord(std::string_view& words)
{
    const std::size_t space = words.find(' ');
    const std::string_view word = words.substr(0, space);
    words = space == std::string_view::npos ? std::string_view() : words.substr(space + 1);
    return word;
}

} // namespace blastline::core
