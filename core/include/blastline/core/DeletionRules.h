// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionRule.h"

#include <memory>
#include <vector>

namespace blastline::core {

/** The set of rules one simulation runs with. */
class DeletionRules
{
public:
    /** The rules Blastline ships (see docs/deletion-rules.md). */
    static DeletionRules builtin();

    void add(std::unique_ptr<DeletionRule> rule);
    /** The first rule's failure for this instance, or nullopt when the delete goes through. */
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const;
    const std::vector<std::unique_ptr<DeletionRule>>& rules() const { return m_rules; }

private:
    std::vector<std::unique_ptr<DeletionRule>> m_rules;
};

} // namespace blastline::core
