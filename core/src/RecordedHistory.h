// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionRules.h"
#include "blastline/core/DestroySimulation.h"
#include "blastline/core/RecordedDelete.h"

#include <vector>

namespace blastline::core {

class ResourceGraph;
struct TerraformState;

/**
 * Recorded deletes as a simulation: what the trail says happened, each delete done at its recorded time, except where
 * a safeguard would have refused it. The record wins over the engine's own doubts: a delete the rules refuse even
 * without the safeguards (a bucket the catalogue fears is not empty) went through, since the trail shows it did.
 * Only a refusal the safeguards add stops a delete, and the run says that the actor, having the rights to delete,
 * may have had the rights to lift the safeguard first.
 */
class RecordedHistory
{
public:
    RecordedHistory(const ResourceGraph& graph, const DeletionRules& withSafeguards, const TerraformState& asItWas,
        const DeletionRules& rulesAsItWas);

    DestroySimulation replay(const std::vector<RecordedDelete>& deletes) const;

private:
    const ResourceGraph& m_graph;
    const DeletionRules& m_withSafeguards;
    const TerraformState& m_asItWas;
    const DeletionRules& m_rulesAsItWas;
};

} // namespace blastline::core
