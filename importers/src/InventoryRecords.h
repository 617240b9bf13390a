// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/RecoveryPoint.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/** One entry of a listing's array, with where it sits, for messages. */
struct InventoryRecord
{
    const nlohmann::json& value;
    std::string pointer; // "/DBSnapshots/3"
    std::vector<std::string>& warnings;
};

/**
 * Converts one entry; nullopt (with a warning) for entries that cannot restore anything.
 * Throws StructureError with an absolute pointer when a required field is missing or mistyped.
 */
using InventoryConverter = std::optional<core::RecoveryPoint> (*)(const InventoryRecord& record);

struct InventoryShape
{
    std::string_view key; // the top-level key holding the array: "DBSnapshots"
    std::string_view command; // "aws rds describe-db-snapshots"
    InventoryConverter convert;
};

/** Every listing the reader accepts, in the order messages list them. */
const std::vector<InventoryShape>& inventoryShapes();

} // namespace blastline::importers
