// SPDX-License-Identifier: MIT
#include "blastline/core/DeletionCatalogue.h"

#include <algorithm>

namespace blastline::core {

const char* toString(CatalogueRecoveryPoint::Effect effect)
{
    switch (effect) {
    case CatalogueRecoveryPoint::Effect::Created:
        return "created";
    case CatalogueRecoveryPoint::Effect::Deleted:
        return "deleted";
    case CatalogueRecoveryPoint::Effect::Survives:
        return "survives";
    }
    return "";
}

void DeletionCatalogue::add(CatalogueEntry entry)
{
    const auto existing = std::find_if(m_entries.begin(), m_entries.end(),
        [&](const CatalogueEntry& candidate) { return candidate.type == entry.type; });
    // The replaced entry keeps its place, so that listings stay in the order the built-in file gives.
    if (existing != m_entries.end())
        *existing = std::move(entry);
    else
        m_entries.push_back(std::move(entry));

    // Rebuilt whole: a replacement may drop aliases of the old entry. Aliases first (a later one wins),
    // then types, so an entry's own type is never captured by another entry's alias.
    m_byType.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        for (const auto& alias : m_entries[i].aliases)
            m_byType[alias] = i;
    }
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_byType[m_entries[i].type] = i;
}

const CatalogueEntry* DeletionCatalogue::find(const std::string& type) const
{
    const auto it = m_byType.find(type);
    return it == m_byType.end() ? nullptr : &m_entries[it->second];
}

} // namespace blastline::core
