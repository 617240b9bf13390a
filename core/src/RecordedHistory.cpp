// SPDX-License-Identifier: MIT
#include "RecordedHistory.h"

#include "blastline/core/ResourceGraph.h"
#include "blastline/core/TerraformState.h"

#include <algorithm>

namespace blastline::core {

RecordedHistory::RecordedHistory(const ResourceGraph& graph, const DeletionRules& withSafeguards,
    const TerraformState& asItWas, const DeletionRules& rulesAsItWas)
    : m_graph(graph)
    , m_withSafeguards(withSafeguards)
    , m_asItWas(asItWas)
    , m_rulesAsItWas(rulesAsItWas)
{ }

DestroySimulation RecordedHistory::replay(const std::vector<RecordedDelete>& deletes) const
{
    DestroySimulation simulation;
    simulation.kind = "recorded";
    simulation.parallelism = 1;
    std::vector<NodeId> seen;
    for (const RecordedDelete& recorded : deletes) {
        const std::optional<NodeId> node = m_graph.find(recorded.address);
        if (!node || std::find(seen.begin(), seen.end(), *node) != seen.end())
            continue; // not in this state, or deleted already (a retried call)
        seen.push_back(*node);
        const ResourceInstance& instance = m_graph.instance(*node);
        Operation operation;
        operation.node = *node;
        operation.address = instance.displayName();
        operation.type = instance.type();
        operation.wave = static_cast<int>(simulation.operations.size()) + 1;
        operation.startSeconds = recorded.atSeconds;
        operation.endSeconds = recorded.atSeconds;
        const auto original = std::find_if(m_asItWas.instances.begin(), m_asItWas.instances.end(),
            [&](const ResourceInstance& candidate) { return candidate.displayName() == operation.address; });
        const std::optional<DeleteFailure> now = m_withSafeguards.deleteFailure(instance);
        const std::optional<DeleteFailure> then =
            original == m_asItWas.instances.end() ? std::nullopt : m_rulesAsItWas.deleteFailure(*original);
        const bool refusedThen = then && then->isCertain();
        if (now && now->isCertain() && !refusedThen) {
            operation.outcome = OperationOutcome::Failed;
            operation.reason = now->errorText;
            operation.rule = now->rule;
            operation.uncertainty = (recorded.principal.empty() ? std::string("the actor") : recorded.principal)
                + " made this " + (recorded.call.empty() ? std::string("delete") : recorded.call)
                + " call with the rights to delete; whether they also had, and would have used, the rights to lift "
                  "the safeguard first is not known from the evidence";
            ++simulation.summary.failed;
        } else {
            ++simulation.summary.done;
        }
        simulation.operations.push_back(std::move(operation));
    }
    simulation.summary.instances = simulation.operations.size();
    return simulation;
}

} // namespace blastline::core
