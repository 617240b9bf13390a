// SPDX-License-Identifier: MIT
#include "blastline/core/DeletionRules.h"

namespace blastline::core {

void DeletionRules::add(std::unique_ptr<DeletionRule> rule)
{
    m_rules.push_back(std::move(rule));
}

std::optional<DeleteFailure> DeletionRules::deleteFailure(const ResourceInstance& instance) const
{
    // A certain failure wins over a possible one: the delete is refused whatever the unknown facts are.
    std::optional<DeleteFailure> possible;
    for (const auto& rule : m_rules) {
        auto failure = rule->deleteFailure(instance);
        if (!failure)
            continue;
        if (failure->isCertain())
            return failure;
        if (!possible)
            possible = std::move(failure);
    }
    return possible;
}

} // namespace blastline::core
