// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DestroySimulation.h"
#include "blastline/core/ResourceGraph.h"

#include <iosfwd>

namespace blastline::cli {

class JsonWriter;

/**
 * The machine-readable outputs. Their schemas are stable contracts (docs/cli.md): later versions add
 * fields and never remove or rename one.
 */
class JsonOutput
{
public:
    /** `blastline.simulation/1` */
    static void writeSimulation(
        std::ostream& out, const core::ResourceGraph& graph, const core::DestroySimulation& simulation);
    /** The fields of `blastline.simulation/1` into an object the caller has opened (and will extend). */
    static void writeSimulationFields(
        JsonWriter& json, const core::ResourceGraph& graph, const core::DestroySimulation& simulation);
    /** `blastline.graph/1` */
    static void writeGraph(std::ostream& out, const core::ResourceGraph& graph);
};

} // namespace blastline::cli
