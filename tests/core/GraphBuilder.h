// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"
#include "blastline/core/TerraformState.h"

#include <string>
#include <string_view>

namespace blastline::core::test {

/**
 * A state from a one-line description, for tests:
 *   "aws_vpc.main; aws_subnet.a[0] -> aws_vpc.main; module.m[0].aws_x.y -> module.m.aws_z.w, aws_vpc.main"
 * Statements are separated by ';'. Each names one instance (any Terraform address, optionally followed by
 * " (deposed object KEY)"); "A -> B, C" records B and C, configuration addresses taken verbatim, as A's
 * `dependencies`. Instances appear in the state in the order written. Throws std::invalid_argument on a
 * malformed address.
 */
TerraformState makeState(std::string_view description);

/** Sets one attribute leaf of the instance whose display name is `displayName` (throws when none is). */
void setAttribute(TerraformState& state, std::string_view displayName, std::string path, AttributeValue value);

} // namespace blastline::core::test
