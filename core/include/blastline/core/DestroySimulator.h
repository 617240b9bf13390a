// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DeletionRules.h"
#include "blastline/core/DestroySimulation.h"
#include "blastline/core/OperationDurations.h"
#include "blastline/core/ResourceAddress.h"

#include <optional>
#include <vector>

namespace blastline::core {

class ProgressSink;
class ResourceGraph;

struct DestroyOptions
{
    std::vector<ResourceAddress> targets; // empty: full destroy
    int parallelism = 10; // Terraform's DefaultParallelism
    /**
     * When set, exactly these instances are deleted (a plan's deletes and replaces), ordered among
     * themselves as a destroy orders them; `targets` is then ignored.
     */
    std::optional<std::vector<NodeId>> exactly;
};

/**
 * Simulates `terraform destroy` on a graph with Terraform's own semantics (formats.md C.1-C.3):
 * an instance is deleted only after every managed instance that depends on it (DependsOn edges),
 * at most `parallelism` deletes run at once, a failed delete leaves its instance and skips everything
 * that had to wait for it, independent branches go on. Data sources are never destroyed.
 * Deterministic: among ready operations the lower wave, then the lower address starts first.
 */
class DestroySimulator
{
public:
    DestroySimulator(const DeletionRules& rules, OperationDurations durations = OperationDurations::defaults());

    /** Throws InputError when a target matches nothing in the state. */
    DestroySimulation run(
        const ResourceGraph& graph, const DestroyOptions& options, ProgressSink* progress = nullptr) const;

private:
    const DeletionRules& m_rules;
    OperationDurations m_durations;
};

} // namespace blastline::core
