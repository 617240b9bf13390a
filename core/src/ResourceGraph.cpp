// SPDX-License-Identifier: MIT
#include "blastline/core/ResourceGraph.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace blastline::core {

namespace {

// Edge properties keep views, not strings: the provenance is the dependency text or the attribute
// path, both owned by the graph's own state. The instances vector's buffer never moves after
// construction (moving the graph moves the vector, which hands its buffer over), so the views stay
// valid for the life of the graph and building 200k+ edges allocates no strings.
struct EdgeData
{
    EdgeKind kind = EdgeKind::DependsOn;
    std::string_view provenance;
};

// vecS everywhere: nodes are dense NodeIds, nothing is ever removed, and a vecS edge list avoids one
// heap node per edge.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeData,
    boost::no_property, boost::vecS>;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kAmbiguous = kNone - 1;
constexpr std::size_t kProgressEvery = 4096;
constexpr std::string_view kDeposedPrefix = " (deposed object ";

/** Terraform's graphNodesAreResourceInstancesInDifferentInstancesOfSameModule. */
bool inDifferentInstancesOfSameModule(const ResourceAddress& a, const ResourceAddress& b)
{
    if (a.modules.empty() || a.modules.size() != b.modules.size())
        return false;
    bool differentKey = false;
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        if (a.modules[i].name != b.modules[i].name)
            return false;
        differentKey = differentKey || a.modules[i].key != b.modules[i].key;
    }
    return differentKey;
}

/** A module step of a target without a key stands for every instance of that module call. */
bool moduleStepMatches(const ModuleStep& target, const ModuleStep& candidate)
{
    return target.name == candidate.name && (target.key.isNone() || target.key == candidate.key);
}

const std::string* stringLeaf(const Attributes& attributes, std::string_view path)
{
    const AttributeValue* value = attributes.find(path);
    if (!value || value->kind != AttributeValue::Kind::String || value->text.empty())
        return nullptr;
    return &value->text;
}

/**
 * Attributes that describe the instance itself rather than point at another one. A security group
 * named "app0-db" is not a reference to the DB subnet group whose id is "app0-db": names, tags and
 * descriptions are chosen by people and collide with the name-shaped ids of other resources.
 */
bool isSelfDescribingPath(std::string_view path)
{
    if (path.starts_with("tags.") || path.starts_with("tags_all."))
        return true;
    const std::size_t dot = path.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? path : path.substr(dot + 1);
    // Not "bucket" or "cluster_identifier": on a dependent resource those do name the other one.
    return last == "name" || last == "name_prefix" || last == "description";
}

/** Lookup tables needed only while the edges are added. */
struct BuildIndex
{
    // Recorded dependencies name configuration addresses: the instances of each one are chained
    // (first node, then next[] in node order) so that a dependency costs one hash lookup, no allocation.
    std::vector<std::string> configs;
    std::unordered_map<std::string_view, std::uint32_t> firstByConfig;
    std::vector<std::uint32_t> nextSameConfig;
    // id and ARN values; kAmbiguous when two objects share one (a bucket and its versioning resource).
    std::unordered_map<std::string_view, std::uint32_t> byIdentity;
    // A cheap pre-filter on (length, first and last character) that rejects most attribute values
    // before they are hashed: ids and ARNs are a small fraction of all string leaves.
    std::vector<bool> identityShapes = std::vector<bool>(std::size_t {1} << 16);
    // mark[j] == i: node i already has an edge to j (dedupes edges without a set per node).
    std::vector<std::uint32_t> mark;

    explicit BuildIndex(const std::vector<ResourceInstance>& instances);
    static std::size_t shape(std::string_view value)
    {
        return (value.size() * 131 + static_cast<unsigned char>(value.front()) * 31
                   + static_cast<unsigned char>(value.back()))
            & 0xffff;
    }
};

BuildIndex::BuildIndex(const std::vector<ResourceInstance>& instances)
{
    const auto count = static_cast<std::uint32_t>(instances.size());
    configs.reserve(count);
    for (const auto& instance : instances)
        configs.push_back(instance.address.configString());
    nextSameConfig.assign(count, kNone);
    std::vector<std::uint32_t> lastByConfig(count, kNone);
    firstByConfig.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        auto [it, inserted] = firstByConfig.emplace(configs[i], i);
        if (!inserted)
            nextSameConfig[lastByConfig[it->second]] = i;
        lastByConfig[it->second] = i;
    }

    byIdentity.reserve(static_cast<std::size_t>(count) * 2);
    for (std::uint32_t i = 0; i < count; ++i) {
        for (std::string_view path : {std::string_view("id"), std::string_view("arn")}) {
            const std::string* value = stringLeaf(instances[i].attributes, path);
            if (!value)
                continue;
            auto [it, inserted] = byIdentity.emplace(*value, i);
            if (!inserted && it->second != i)
                it->second = kAmbiguous;
            identityShapes[shape(*value)] = true;
        }
    }
    mark.assign(count, kNone);
}

} // namespace

struct ResourceGraph::Impl
{
    Graph graph;
    std::vector<RecoveryPointNode> recoveryPoints; // node = instance count + index
    std::vector<DanglingDependency> dangling;

    // find() and edges() build their tables on first use: the simulator needs neither.
    mutable std::once_flag byNameOnce;
    mutable std::unordered_map<std::string_view, std::uint32_t> byName; // current objects by addressText
    mutable std::vector<std::uint32_t> deposed; // few: searched in turn
    mutable std::once_flag edgesOnce;
    mutable bool edgesListed = false;
    mutable std::vector<Edge> edges;

    void build(const std::vector<ResourceInstance>& instances, ProgressSink* progress);
    void addDependsOnEdges(const std::vector<ResourceInstance>& instances, std::uint32_t from, BuildIndex& index);
    void addReferenceEdges(const std::vector<ResourceInstance>& instances, std::uint32_t from, BuildIndex& index);
    std::vector<NodeId> neighbours(NodeId node, std::optional<EdgeKind> kind, bool outgoing) const;
};

void ResourceGraph::Impl::build(const std::vector<ResourceInstance>& instances, ProgressSink* progress)
{
    const auto count = static_cast<std::uint32_t>(instances.size());
    graph = Graph(count);
    BuildIndex index(instances);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (progress && i % kProgressEvery == 0) {
            if (progress->isCancelled())
                throw OperationCancelled();
            progress->progress("Building graph", i, count);
        }
        addDependsOnEdges(instances, i, index);
        addReferenceEdges(instances, i, index);
    }
    if (progress)
        progress->progress("Building graph", count, count);
}

void ResourceGraph::Impl::addDependsOnEdges(
    const std::vector<ResourceInstance>& instances, std::uint32_t from, BuildIndex& index)
{
    const ResourceInstance& source = instances[from];
    for (const std::string& dependency : source.dependencies) {
        const auto found = index.firstByConfig.find(std::string_view(dependency));
        if (found == index.firstByConfig.end()) {
            // Stale lists may name a resource twice; report each missing address once per instance.
            const bool known = std::any_of(dangling.rbegin(), dangling.rend(),
                [&](const DanglingDependency& d) { return d.from.value == from && d.missingAddress == dependency; });
            if (!known)
                dangling.push_back({NodeId {from}, dependency});
            continue;
        }
        for (std::uint32_t to = found->second; to != kNone; to = index.nextSameConfig[to]) {
            if (to == from || index.mark[to] == from
                || inDifferentInstancesOfSameModule(source.address, instances[to].address))
                continue;
            index.mark[to] = from;
            boost::add_edge(from, to, EdgeData {EdgeKind::DependsOn, dependency}, graph);
        }
    }
}

void ResourceGraph::Impl::addReferenceEdges(
    const std::vector<ResourceInstance>& instances, std::uint32_t from, BuildIndex& index)
{
    for (const auto& [path, value] : instances[from].attributes.entries()) {
        if (value.kind != AttributeValue::Kind::String || value.text.empty()
            || !index.identityShapes[BuildIndex::shape(value.text)] || path == "id" || path == "arn"
            || isSelfDescribingPath(path))
            continue;
        const auto found = index.byIdentity.find(std::string_view(value.text));
        if (found == index.byIdentity.end())
            continue;
        const std::uint32_t to = found->second;
        // mark[to] == from also covers a DependsOn edge: a recorded dependency says it better.
        if (to == kAmbiguous || to == from || index.mark[to] == from)
            continue;
        index.mark[to] = from;
        boost::add_edge(from, to, EdgeData {EdgeKind::References, path}, graph);
    }
}

std::vector<NodeId> ResourceGraph::Impl::neighbours(NodeId node, std::optional<EdgeKind> kind, bool outgoing) const
{
    std::vector<NodeId> result;
    const auto collect = [&](auto range, auto endpoint) {
        for (auto it = range.first; it != range.second; ++it) {
            if (!kind || graph[*it].kind == *kind)
                result.push_back(NodeId {static_cast<std::uint32_t>(endpoint(*it, graph))});
        }
    };
    if (outgoing)
        collect(boost::out_edges(node.value, graph), [](auto e, const Graph& g) { return boost::target(e, g); });
    else
        collect(boost::in_edges(node.value, graph), [](auto e, const Graph& g) { return boost::source(e, g); });
    return result;
}

ResourceGraph::ResourceGraph(TerraformState state, ProgressSink* progress)
    : m_state(std::move(state))
    , m_impl(std::make_unique<Impl>())
{
    m_impl->build(m_state.instances, progress);
}

ResourceGraph::~ResourceGraph() = default;

const char* toString(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::DependsOn:
        return "depends_on";
    case EdgeKind::References:
        return "references";
    case EdgeKind::Protects:
        return "protects";
    case EdgeKind::EncryptedBy:
        return "encrypted_by";
    }
    return "unknown";
}

NodeId ResourceGraph::addRecoveryPoint(RecoveryPointNode point, NodeId protects, std::optional<NodeId> encryptedBy)
{
    const auto node = static_cast<std::uint32_t>(boost::add_vertex(m_impl->graph));
    m_impl->recoveryPoints.push_back(std::move(point));
    // Provenance is a view (see EdgeData): these edges view static text.
    const auto addEdge = [&](NodeId to, EdgeKind kind, std::string_view label) {
        boost::add_edge(node, to.value, EdgeData {kind, label}, m_impl->graph);
        // edges() may already have been listed: keep that list whole.
        if (m_impl->edgesListed)
            m_impl->edges.push_back({NodeId {node}, to, kind, std::string(label)});
    };
    addEdge(protects, EdgeKind::Protects, "restores");
    if (encryptedBy)
        addEdge(*encryptedBy, EdgeKind::EncryptedBy, "kms key");
    return NodeId {node};
}

std::size_t ResourceGraph::addConfigurationDependencies(const std::vector<ConfigurationEdge>& edges)
{
    std::unordered_map<std::string, std::vector<std::uint32_t>> byConfig;
    for (std::uint32_t i = 0; i < m_state.instances.size(); ++i)
        byConfig[m_state.instances[i].address.configString()].push_back(i);
    std::size_t added = 0;
    for (const auto& edge : edges) {
        const auto from = byConfig.find(edge.from);
        const auto to = byConfig.find(edge.to);
        if (from == byConfig.end() || to == byConfig.end())
            continue;
        // Static text: EdgeData keeps a view of its provenance.
        const std::string_view provenance = edge.dependsOn ? "configuration depends_on" : "configuration reference";
        for (const std::uint32_t a : from->second) {
            for (const std::uint32_t b : to->second) {
                if (a == b
                    || inDifferentInstancesOfSameModule(m_state.instances[a].address, m_state.instances[b].address)
                    || boost::edge(a, b, m_impl->graph).second)
                    continue;
                boost::add_edge(a, b, EdgeData {EdgeKind::DependsOn, provenance}, m_impl->graph);
                if (m_impl->edgesListed)
                    m_impl->edges.push_back({NodeId {a}, NodeId {b}, EdgeKind::DependsOn, std::string(provenance)});
                ++added;
            }
        }
    }
    return added;
}

std::size_t ResourceGraph::recoveryPointCount() const
{
    return m_impl->recoveryPoints.size();
}

const RecoveryPointNode& ResourceGraph::recoveryPoint(NodeId node) const
{
    return m_impl->recoveryPoints.at(node.value - m_state.instances.size());
}

std::string ResourceGraph::nodeName(NodeId node) const
{
    return isRecoveryPoint(node) ? "recovery point " + recoveryPoint(node).id : instance(node).displayName();
}
ResourceGraph::ResourceGraph(ResourceGraph&&) noexcept = default;
ResourceGraph& ResourceGraph::operator=(ResourceGraph&&) noexcept = default;

const std::vector<Edge>& ResourceGraph::edges() const
{
    std::call_once(m_impl->edgesOnce, [this] {
        m_impl->edgesListed = true;
        const Graph& graph = m_impl->graph;
        auto& edges = m_impl->edges;
        edges.reserve(boost::num_edges(graph));
        // Per source node in node order, each node's edges in the order they were found.
        for (std::size_t v = 0; v < boost::num_vertices(graph); ++v) {
            for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it) {
                const EdgeData& data = graph[*it];
                edges.push_back({NodeId {static_cast<std::uint32_t>(v)},
                    NodeId {static_cast<std::uint32_t>(boost::target(*it, graph))}, data.kind,
                    std::string(data.provenance)});
            }
        }
    });
    return m_impl->edges;
}

std::vector<NodeId> ResourceGraph::dependenciesOf(NodeId node, std::optional<EdgeKind> kind) const
{
    return m_impl->neighbours(node, kind, true);
}

std::vector<NodeId> ResourceGraph::dependentsOf(NodeId node, std::optional<EdgeKind> kind) const
{
    return m_impl->neighbours(node, kind, false);
}

const std::vector<DanglingDependency>& ResourceGraph::danglingDependencies() const
{
    return m_impl->dangling;
}

std::optional<NodeId> ResourceGraph::find(std::string_view address) const
{
    const auto& instances = m_state.instances;
    std::call_once(m_impl->byNameOnce, [&] {
        m_impl->byName.reserve(instances.size());
        for (std::uint32_t i = 0; i < instances.size(); ++i) {
            if (instances[i].isDeposed())
                m_impl->deposed.push_back(i);
            else
                m_impl->byName.emplace(instances[i].addressText, i);
        }
    });
    const auto at = address.find(kDeposedPrefix);
    if (at == std::string_view::npos || !address.ends_with(')')) {
        const auto it = m_impl->byName.find(address);
        return it == m_impl->byName.end() ? std::nullopt : std::optional(NodeId {it->second});
    }
    const std::string_view text = address.substr(0, at);
    const std::string_view key =
        address.substr(at + kDeposedPrefix.size(), address.size() - at - kDeposedPrefix.size() - 1);
    for (std::uint32_t i : m_impl->deposed) {
        if (instances[i].addressText == text && instances[i].deposedKey == key)
            return NodeId {i};
    }
    return std::nullopt;
}

std::vector<NodeId> ResourceGraph::match(const ResourceAddress& target) const
{
    std::vector<NodeId> result;
    const bool moduleOnly = target.type.empty();
    for (std::uint32_t i = 0; i < m_state.instances.size(); ++i) {
        const ResourceAddress& address = m_state.instances[i].address;
        bool selected = false;
        if (moduleOnly) {
            selected = address.modules.size() >= target.modules.size()
                && std::equal(target.modules.begin(), target.modules.end(), address.modules.begin(), moduleStepMatches);
        } else {
            // A resource target names one module instance exactly, as Terraform's AbsResource does.
            selected = address.modules == target.modules && address.mode == target.mode && address.type == target.type
                && address.name == target.name && (target.key.isNone() || address.key == target.key);
        }
        if (selected)
            result.push_back(NodeId {i});
    }
    return result;
}

} // namespace blastline::core
