// SPDX-License-Identifier: MIT
#include "blastline/core/GraphLayout.h"

#include <algorithm>
#include <cctype>

namespace blastline::core {

namespace {

bool containsIgnoringCase(std::string_view text, std::string_view needle)
{
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
               [&](char left, char right) { return lower(left) == lower(right); })
        != text.end();
}

} // namespace

std::optional<std::size_t> GraphLayout::indexOf(NodeId node) const
{
    if (node.value >= shownBy.size() || shownBy[node.value] >= nodes.size())
        return std::nullopt;
    return shownBy[node.value];
}

std::vector<std::size_t> GraphLayout::search(const ResourceGraph& graph, std::string_view text) const
{
    std::vector<std::size_t> found;
    if (text.empty())
        return found;
    for (std::size_t index = 0; index < nodes.size(); ++index) {
        const LayoutNode& node = nodes[index];
        const bool matches = containsIgnoringCase(node.label, text)
            || std::any_of(node.members.begin(), node.members.end(),
                [&](NodeId member) { return containsIgnoringCase(graph.nodeName(member), text); });
        if (matches)
            found.push_back(index);
    }
    return found;
}

} // namespace blastline::core
