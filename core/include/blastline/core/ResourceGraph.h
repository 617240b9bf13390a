// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/NodeId.h"
#include "blastline/core/TerraformPlan.h"
#include "blastline/core/TerraformState.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

class ProgressSink;

enum class EdgeKind
{
    DependsOn, // recorded by Terraform in the state's `dependencies` (orders a destroy)
    References, // inferred: an attribute value equals the other instance's `id` or `arn` (does not order a destroy)
    Protects, // a recovery point restores this data store
    EncryptedBy // a recovery point is encrypted with this KMS key: it dies with the key
};

const char* toString(EdgeKind kind); // "depends_on", "references", "protects", "encrypted_by"

/** A recovery point as a node of the graph, with its fate in the run that placed it there. */
struct RecoveryPointNode
{
    std::string id;
    std::string kind; // "automated-backups", "final-snapshot", ...
    std::string fate; // "survives", "deleted", "created", "expires"
    std::string until; // ISO date when bounded, else empty
    std::string origin; // "rule", "state", "inventory", "assumed"
};

/** A directed edge: `from` depends on `to` (the direction `terraform graph` draws). */
struct Edge
{
    NodeId from;
    NodeId to;
    EdgeKind kind = EdgeKind::DependsOn;
    std::string provenance; // the recorded dependency ("module.a.aws_vpc.main") or the attribute path ("vpc_id")
};

/** A recorded dependency that names no resource in the state: tolerated, reported. */
struct DanglingDependency
{
    NodeId from;
    std::string missingAddress;
};

/**
 * The dependency graph of a state's resource instances (Boost.Graph behind this facade).
 * Nodes are the state's instances in state order (deposed objects and data sources included).
 * Edges of kind DependsOn expand each recorded resource-level dependency to every instance of that
 * resource, except across different instances of the same module, as Terraform does
 * (graphNodesAreResourceInstancesInDifferentInstancesOfSameModule). A References edge is added only
 * where no DependsOn edge joins the same pair.
 */
class ResourceGraph
{
public:
    explicit ResourceGraph(TerraformState state, ProgressSink* progress = nullptr);
    ~ResourceGraph();
    ResourceGraph(ResourceGraph&&) noexcept;
    ResourceGraph& operator=(ResourceGraph&&) noexcept;

    const TerraformState& state() const { return m_state; }
    /** The instance nodes, 0 .. nodeCount()-1; recovery points (if any were added) follow them. */
    std::size_t nodeCount() const { return m_state.instances.size(); }
    const ResourceInstance& instance(NodeId node) const { return m_state.instances[node.value]; }

    /**
     * Adds a recovery point: a node after every instance node, with a Protects edge to the data store
     * it restores and, when known, an EncryptedBy edge to the KMS key that encrypts it.
     */
    NodeId addRecoveryPoint(RecoveryPointNode point, NodeId protects, std::optional<NodeId> encryptedBy);
    /**
     * Adds what a configuration says (a plan's `configuration`: expression references and depends_on,
     * by configuration address) as DependsOn edges between every instance of `from` and every instance
     * of `to`, with the same-module exception, where the state recorded none. Returns how many were added.
     */
    std::size_t addConfigurationDependencies(const std::vector<ConfigurationEdge>& edges);
    std::size_t recoveryPointCount() const;
    bool isRecoveryPoint(NodeId node) const { return node.value >= m_state.instances.size(); }
    const RecoveryPointNode& recoveryPoint(NodeId node) const;
    /** The instance's display name, or "recovery point <id>". */
    std::string nodeName(NodeId node) const;

    const std::vector<Edge>& edges() const;
    /** What `node` depends on (outgoing edges), optionally only of one kind. */
    std::vector<NodeId> dependenciesOf(NodeId node, std::optional<EdgeKind> kind = std::nullopt) const;
    /** What depends on `node` (incoming edges), optionally only of one kind. */
    std::vector<NodeId> dependentsOf(NodeId node, std::optional<EdgeKind> kind = std::nullopt) const;
    const std::vector<DanglingDependency>& danglingDependencies() const;

    /** The node whose display name (address, plus the deposed suffix) is exactly `address`. */
    std::optional<NodeId> find(std::string_view address) const;
    /**
     * Every node a `-target` address selects: an instance address selects that instance (and its
     * deposed objects), a resource address without key all its instances, a module path everything in it.
     */
    std::vector<NodeId> match(const ResourceAddress& target) const;

private:
    struct Impl;
    TerraformState m_state;
    std::unique_ptr<Impl> m_impl;
};

} // namespace blastline::core
