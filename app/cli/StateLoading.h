// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ResourceGraph.h"

#include <string>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::cli {

/** Reads a state file and builds its graph: the first step of every command that takes a STATE. */
core::ResourceGraph loadStateGraph(const std::string& path, core::ProgressSink* progress);

} // namespace blastline::cli
