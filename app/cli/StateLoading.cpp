// SPDX-License-Identifier: MIT
#include "cli/StateLoading.h"

#include "blastline/importers/StateReader.h"

namespace blastline::cli {

core::ResourceGraph loadStateGraph(const std::string& path, core::ProgressSink* progress)
{
    return core::ResourceGraph(importers::StateReader::readFile(path, progress), progress);
}

} // namespace blastline::cli
