// SPDX-License-Identifier: MIT
#include "blastline/core/StringPool.h"

#include "blastline/core/Error.h"

#include <limits>

namespace blastline::core {

StringPool::StringPool()
{
    m_strings.emplace_back();
    m_index.emplace(std::string_view(m_strings.front()), 0);
}

StringId StringPool::intern(std::string_view text)
{
    if (const auto found = m_index.find(text); found != m_index.end())
        return found->second;
    if (m_strings.size() >= std::numeric_limits<StringId>::max())
        throw Error("more than 4 billion distinct strings in one timeline");
    const auto id = static_cast<StringId>(m_strings.size());
    const std::string& stored = m_strings.emplace_back(text);
    m_index.emplace(std::string_view(stored), id);
    return id;
}

} // namespace blastline::core
