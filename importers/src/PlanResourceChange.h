// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/TerraformPlan.h"

#include <nlohmann/json.hpp>

namespace blastline::importers {

/**
 * One `resource_changes` or `resource_drift` entry (formats.md B.3), its before/after flattened and
 * redacted as state attributes are. Throws StructureError relative to the entry.
 */
core::ResourceChange readResourceChange(const nlohmann::json& entry);

/** `change.actions` as one value; a list Terraform never writes is a StructureError relative to `actions`. */
core::PlanAction readPlanAction(const nlohmann::json& actions);

} // namespace blastline::importers
