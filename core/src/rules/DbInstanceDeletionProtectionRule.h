// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionRule.h"

namespace blastline::core {

/**
 * RDS refuses to delete a DB instance whose deletion protection is on (formats.md D.1). The flag is
 * read from the state, as the provider's Delete does (formats.md C.7).
 */
class DbInstanceDeletionProtectionRule : public DeletionRule
{
public:
    std::string name() const override;
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const override;
};

} // namespace blastline::core
