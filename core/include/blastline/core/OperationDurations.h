// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace blastline::core {

/**
 * How long a delete of each resource type takes, in seconds: an estimate for the simulated
 * schedule, not a promise. Figures and their basis are listed in docs/destroy-simulation.md.
 */
class OperationDurations
{
public:
    static OperationDurations defaults() { return {}; }
    double deleteSeconds(std::string_view type) const;
    /** A delete that AWS refuses fails on the first call: a round trip, not a wait. */
    double failedDeleteSeconds() const { return 1.0; }
};

} // namespace blastline::core
