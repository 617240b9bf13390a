// SPDX-License-Identifier: MIT
// The readers of small JSON documents with other record limits than the defaults: for tests only,
// so that a limit can be met with a small file. Production code reads through PlanReader and
// InventoryReader, which pass RecordLimits {}. (The state's are in StateReaderPaths.h.)
#pragma once

#include "RecordLimits.h"

#include "blastline/core/TerraformPlan.h"
#include "blastline/importers/InventoryReader.h"

#include <string>
#include <string_view>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::importers {

core::TerraformPlan readPlanText(
    std::string_view json, const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits);

Inventory readInventoryText(std::string_view json, const std::string& displayName, const RecordLimits& limits);

} // namespace blastline::importers
