// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"
#include "blastline/core/RecoveryPoint.h"
#include "blastline/core/TerraformState.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace blastline::core {

using Facts = std::map<std::string, AttributeValue>;

/**
 * The $facts a catalogue condition may ask about one instance: the run's own (the provider version),
 * plus what other inputs tell about it — a backup vault that the inventory shows holding recovery
 * points is not empty; a vault whose lock has a grace period is in compliance mode (formats.md D.10).
 */
class InstanceFacts
{
public:
    InstanceFacts(const TerraformState& state, const std::vector<RecoveryPoint>& inventory, Facts runFacts);
    Facts of(const ResourceInstance& instance) const;

private:
    Facts m_runFacts;
    std::set<std::string> m_vaultsWithPoints;
    std::set<std::string> m_vaultsInCompliance;
};

} // namespace blastline::core
