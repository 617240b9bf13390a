// SPDX-License-Identifier: MIT
#pragma once

#include "InstanceFacts.h"

#include "blastline/core/AttributeValue.h"
#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/DestroySimulation.h"
#include "blastline/core/RecoveryPoint.h"
#include "blastline/core/ResourceGraph.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace blastline::core {

class CatalogueRules;
struct CatalogueEntry;

/**
 * Judges a finished destroy simulation data store by data store: which recovery points it had,
 * which of them the run kills, creates or leaves (and until when), and the fate of the data.
 * A fact nobody knows ($bucket_empty, ...) is settled by judging the store under each value of it:
 * when every value gives the same fate, that is the fate; otherwise the fate is Unknown, naming it.
 */
class DataLossAnalyzer
{
public:
    DataLossAnalyzer(const ResourceGraph& graph, const DestroySimulation& simulation, const CatalogueRules& catalogue,
        const std::vector<RecoveryPoint>& inventory, const InstanceFacts& facts, std::string asOf);

    DataLossAnalysis analyze() const;

private:
    enum class Judgement
    {
        NotDeleted,
        NothingToLose,
        Recoverable,
        Lost
    };
    struct Branch
    {
        Judgement judgement = Judgement::NotDeleted;
        std::vector<RecoveryPointResult> points;
        std::vector<std::string> unknowns; // unknown attributes (not $facts): cannot be enumerated
        std::string explanation;
    };

    DataStoreResult judge(NodeId node, const CatalogueEntry& entry) const;
    Branch judgeUnder(NodeId node, const CatalogueEntry& entry, const Facts& facts) const;
    std::vector<RecoveryPointResult> recoveryPointsOf(
        NodeId node, const CatalogueEntry& entry, const Facts& facts, std::vector<std::string>& unknowns) const;
    /**
     * Records the key that encrypts a recovery point; one this run deletes lets it live only until the
     * key's deletion window ends.
     */
    void applyKeyDeletion(RecoveryPointResult& point, const std::string& kmsKeyId) const;
    std::vector<std::string> identitiesOf(NodeId node, const CatalogueEntry& entry) const;
    bool isDeleted(NodeId node) const;
    /** How explanations name the run: "destroy", "apply", or "recorded history" (deletes a trail recorded). */
    std::string runName() const { return m_simulation.kind == "recorded" ? "recorded history" : m_simulation.kind; }

    const ResourceGraph& m_graph;
    const DestroySimulation& m_simulation;
    const CatalogueRules& m_catalogue;
    const std::vector<RecoveryPoint>& m_inventory;
    const InstanceFacts& m_facts;
    std::string m_asOf;
    std::unordered_map<std::uint32_t, const Operation*> m_operationByNode;
    std::unordered_map<std::string, NodeId> m_keys;        // key id of each aws_kms_key in the state
    std::unordered_map<std::string, NodeId> m_deletedKeys; // key id of each aws_kms_key the run deletes
    std::unordered_map<std::string, NodeId> m_deletedVaults; // name of each aws_backup_vault the run deletes
    // Indexes by the identifier a recovery point restores, so each data store finds its own in O(1).
    std::unordered_multimap<std::string, NodeId> m_managedByProtects;
    std::unordered_multimap<std::string, std::size_t> m_inventoryByProtects;
};

} // namespace blastline::core
