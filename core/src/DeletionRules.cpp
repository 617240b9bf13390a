// SPDX-License-Identifier: MIT
#include "blastline/core/DeletionRules.h"

#include "rules/DbInstanceDeletionProtectionRule.h"

namespace blastline::core {

DeletionRules DeletionRules::builtin()
{
    DeletionRules rules;
    rules.add(std::make_unique<DbInstanceDeletionProtectionRule>());
    return rules;
}

void DeletionRules::add(std::unique_ptr<DeletionRule> rule)
{
    m_rules.push_back(std::move(rule));
}

std::optional<DeleteFailure> DeletionRules::deleteFailure(const ResourceInstance& instance) const
{
    for (const auto& rule : m_rules) {
        if (auto failure = rule->deleteFailure(instance))
            return failure;
    }
    return std::nullopt;
}

} // namespace blastline::core
