// SPDX-License-Identifier: MIT
#pragma once

#include "CaseLookup.h"

#include "blastline/core/CaseImport.h"
#include "blastline/core/Trail.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/core/sqlite/Statement.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace blastline::core {

class ProgressSink;

/**
 * Writes the events of one Trail into a case, inside the caller's transaction: one row per event, its record
 * when kept, its identifiers, its backup effects and its links to the resources it names. Repeated texts go
 * to the lookup tables once each; their ids are cached by the trail's own string ids, so a million events
 * cost a million hash lookups, not a million queries. Statements are prepared once and reused for every event.
 */
class CaseTrailWriter
{
public:
    CaseTrailWriter(sqlite::Database& database, const Trail& trail);

    /** Links events to resources: resourceIds[i][j] is the case's id of correlator.states()[i]->instances[j]. */
    void correlate(const TrailCorrelator& correlator, std::vector<std::vector<std::int64_t>> resourceIds);
    /** inputEvidence[i] is the evidence id of trail.inputs()[i], or 0 when it is not evidence of this import. */
    void write(const std::vector<std::int64_t>& inputEvidence, ProgressSink* progress, ImportResult& result);

private:
    template<std::size_t N> struct KeyHash
    {
        std::size_t operator()(const std::array<std::uint32_t, N>& key) const noexcept
        {
            std::size_t hash = 0;
            for (const std::uint32_t part : key)
                hash = hash * 0x9e3779b97f4a7c15ULL + part;
            return hash;
        }
    };
    template<std::size_t N> using IdCache = std::unordered_map<std::array<std::uint32_t, N>, std::int64_t, KeyHash<N>>;

    void writeEvent(const TrailEvent& event, std::int64_t evidenceId, ImportResult& result);
    void writeDetails(const TrailEvent& event, std::int64_t eventId);
    std::int64_t callId(const TrailEvent& event);
    std::int64_t callerId(const TrailEvent& event);
    std::int64_t errorId(const TrailEvent& event);
    std::int64_t identifierId(StringId identifier);
    std::int64_t backupEffectId(const BackupEffect& effect);
    void bindText(sqlite::Statement& statement, int index, StringId text);

    sqlite::Database& m_database;
    const Trail& m_trail;
    const TrailCorrelator* m_correlator = nullptr;
    std::vector<std::vector<std::int64_t>> m_resourceIds;

    CaseLookup m_calls;
    CaseLookup m_callers;
    CaseLookup m_errors;
    CaseLookup m_prefixes;
    CaseLookup m_backupEffects;
    IdCache<7> m_callIds;
    IdCache<6> m_callerIds;
    IdCache<2> m_errorIds;
    std::unordered_map<std::string, std::int64_t> m_prefixIds;
    std::unordered_map<std::string, std::int64_t> m_backupEffectIds; // by kind, fate and basis
    std::vector<std::int64_t> m_identifierIds; // by the trail's string id; 0 until written

    sqlite::Statement m_insertEvent;
    sqlite::Statement m_insertRecord;
    sqlite::Statement m_insertIdentifierText;
    sqlite::Statement m_insertIdentifier;
    sqlite::Statement m_insertLink;
    sqlite::Statement m_insertBackupEffect;
};

} // namespace blastline::core
