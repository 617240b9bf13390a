// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace blastline::core {

/** A node of the ResourceGraph; stable for the life of the graph, dense from 0. */
struct NodeId
{
    std::uint32_t value = 0;
    auto operator<=>(const NodeId&) const = default;
};

} // namespace blastline::core

template<> struct std::hash<blastline::core::NodeId>
{
    std::size_t operator()(blastline::core::NodeId id) const noexcept { return std::hash<std::uint32_t> {}(id.value); }
};
