// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionRule.h"

#include <memory>
#include <vector>

namespace blastline::core {

/** The set of rules one simulation runs with (the catalogue's, and a safeguard's; see WhatIfEngine). */
class DeletionRules
{
public:
    void add(std::unique_ptr<DeletionRule> rule);
    /**
     * The first rule's certain failure for this instance; else the first possible one (with unknown
     * facts); nullopt when the delete goes through.
     */
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const;
    const std::vector<std::unique_ptr<DeletionRule>>& rules() const { return m_rules; }

private:
    std::vector<std::unique_ptr<DeletionRule>> m_rules;
};

} // namespace blastline::core
