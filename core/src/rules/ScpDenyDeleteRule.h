// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/DeletionRule.h"

namespace blastline::core {

/**
 * The scp-deny-delete safeguard: an organisation service control policy denies the delete calls of
 * every data store, so AWS refuses them whoever calls, whatever the account's own policies allow.
 */
class ScpDenyDeleteRule : public DeletionRule
{
public:
    explicit ScpDenyDeleteRule(const CatalogueRules& catalogue)
        : m_catalogue(catalogue)
    { }
    std::string name() const override { return "safeguard.scp-deny-delete"; }
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const override;

private:
    const CatalogueRules& m_catalogue;
};

} // namespace blastline::core
