// SPDX-License-Identifier: MIT
#pragma once

#include "cli/OutputStyle.h"

#include "blastline/core/DestroySimulation.h"
#include "blastline/core/ResourceGraph.h"

#include <iosfwd>

namespace blastline::cli {

/** The human-readable outputs: a destroy report for a terminal, and DOT for Graphviz. */
class TextOutput
{
public:
    static void writeSimulation(std::ostream& out, const core::ResourceGraph& graph,
        const core::DestroySimulation& simulation, const OutputStyle& style);
    /** DOT in the shape `terraform graph` prints: edge A -> B means A depends on B, a cluster per module. */
    static void writeDot(std::ostream& out, const core::ResourceGraph& graph);
};

/** "7m 03s", "45s", "1h 02m" */
std::string formatDuration(double seconds);

} // namespace blastline::cli
