// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace blastline::core {

/** An interned string; 0 is the empty string. */
using StringId = std::uint32_t;

/**
 * Each distinct string once. A CloudTrail timeline repeats the same few hundred principals, user agents, event
 * names and regions across millions of events; interning them keeps an event at a few dozen bytes.
 */
class StringPool
{
public:
    StringPool();
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) = default;
    StringPool& operator=(StringPool&&) = default;

    StringId intern(std::string_view text);
    /** Valid as long as the pool lives: the strings never move. */
    std::string_view view(StringId id) const { return m_strings[id]; }
    std::size_t size() const { return m_strings.size(); }

private:
    std::deque<std::string> m_strings; // a deque keeps each string where it is as the pool grows
    std::unordered_map<std::string_view, StringId> m_index;
};

} // namespace blastline::core
