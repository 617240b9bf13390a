// SPDX-License-Identifier: MIT
#pragma once

#include "InstanceFacts.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/DeletionRule.h"

namespace blastline::core {

/** The catalogue's failures as a DeletionRule, with each instance's $facts (InstanceFacts). */
class CatalogueDeletionRule : public DeletionRule
{
public:
    CatalogueDeletionRule(const CatalogueRules& catalogue, const InstanceFacts& facts)
        : m_catalogue(catalogue)
        , m_facts(facts)
    { }
    std::string name() const override { return "catalogue"; }
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const override
    {
        const Facts facts = m_facts.of(instance);
        return m_catalogue.deleteFailure(instance, &facts);
    }

private:
    const CatalogueRules& m_catalogue;
    const InstanceFacts& m_facts;
};

} // namespace blastline::core
