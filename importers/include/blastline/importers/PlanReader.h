// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/TerraformPlan.h"

#include <string>
#include <string_view>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::importers {

/**
 * Reads `terraform show -json PLANFILE` (format_version 0.1 to 1.2, and later 1.x minors, which
 * only add fields): resource_changes and resource_drift with their actions, reasons, replace paths
 * and before/after values; prior_state as a TerraformState (StateSource::ShowJson, path = the plan's
 * path); the configuration's reference and depends_on edges.
 *
 * Secrets are redacted exactly as for states before anything is returned: leaves under a
 * before_sensitive/after_sensitive/sensitive_values mask, SecretPolicy names and passwords inside
 * URLs become core::kRedactedMarker. A path masked on either side of a change is redacted on both.
 *
 * Throws core::InputError naming the file and the line:column (syntax) or JSON pointer (structure)
 * and what was expected; an errored plan, a state, or any JSON that is not a plan is refused with a
 * message that says what it is. Never returns a partial plan.
 */
class PlanReader
{
public:
    static core::TerraformPlan readFile(const std::string& path, core::ProgressSink* progress = nullptr);
    /** `displayName` is used in messages and as the plan's path. */
    static core::TerraformPlan readText(
        std::string_view json, const std::string& displayName, core::ProgressSink* progress = nullptr);
};

} // namespace blastline::importers
