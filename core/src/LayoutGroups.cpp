// SPDX-License-Identifier: MIT
#include "LayoutGroups.h"

#include "blastline/core/ResourceGraph.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>

namespace blastline::core {

namespace {

// Where AWS resources of the provider name the subnets they sit in: one subnet, or a list.
constexpr std::array<std::string_view, 1> kSubnetPaths = {"subnet_id"};
constexpr std::array<std::string_view, 4> kSubnetListPrefixes = {
    "subnet_ids.", "subnets.", "network_configuration.0.subnets.", "vpc_config.0.subnet_ids."};
constexpr std::array<std::string_view, 2> kVpcPaths = {"vpc_id", "vpc_config.0.vpc_id"};
// Services whose resources never sit in a VPC, whatever they depend on: a DNS record pointing at a load balancer, or an
// IAM policy naming a cluster, is not inside the network.
constexpr std::array<std::string_view, 18> kOutsideAnyVpc = {"aws_iam_", "aws_route53_", "aws_ses_", "aws_cloudwatch_",
    "aws_ecr_", "aws_s3_", "aws_kms_", "aws_sns_", "aws_sqs_", "aws_ecs_task_definition", "aws_ecs_cluster",
    "aws_acm_", "aws_cloudfront_", "aws_dynamodb_", "aws_secretsmanager_", "aws_ssm_", "aws_cloudtrail",
    "aws_backup_"};

bool neverInAVpc(const std::string& type)
{
    return std::any_of(kOutsideAnyVpc.begin(), kOutsideAnyVpc.end(),
        [&](std::string_view prefix) { return type.compare(0, prefix.size(), prefix) == 0; });
}

struct Network
{
    std::string vpc; // empty when unknown
    std::string subnet; // empty when none or several
};

std::vector<std::string> subnetsOf(const ResourceInstance& instance)
{
    std::vector<std::string> subnets;
    for (const std::string_view path : kSubnetPaths) {
        if (auto value = instance.attributes.getString(path); value && !value->empty())
            subnets.push_back(std::move(*value));
    }
    for (const auto& [path, value] : instance.attributes.entries()) {
        for (const std::string_view prefix : kSubnetListPrefixes) {
            if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0
                && path.find('.', prefix.size()) == std::string::npos) {
                if (auto text = instance.attributes.getString(path); text && !text->empty())
                    subnets.push_back(std::move(*text));
            }
        }
    }
    std::sort(subnets.begin(), subnets.end());
    subnets.erase(std::unique(subnets.begin(), subnets.end()), subnets.end());
    return subnets;
}

std::string vpcOf(const ResourceInstance& instance)
{
    if (instance.type() == "aws_vpc")
        return instance.attributes.getString("id").value_or("");
    for (const std::string_view path : kVpcPaths) {
        if (auto value = instance.attributes.getString(path); value && !value->empty())
            return *value;
    }
    return {};
}

} // namespace

LayoutGroups::LayoutGroups(const ResourceGraph& graph, LayoutGrouping grouping)
    : m_nodeGroup(graph.nodeCount() + graph.recoveryPointCount())
{
    if (grouping == LayoutGrouping::Automatic) {
        grouping = LayoutGrouping::Network;
        for (std::uint32_t index = 0; index < graph.nodeCount(); ++index) {
            if (!graph.instance(NodeId {index}).address.modules.empty()) {
                grouping = LayoutGrouping::Module;
                break;
            }
        }
    }
    if (grouping == LayoutGrouping::Module)
        byModule(graph);
    else
        byNetwork(graph);
    // A recovery point is drawn beside what it protects.
    for (const Edge& edge : graph.edges()) {
        if (edge.kind == EdgeKind::Protects && graph.isRecoveryPoint(edge.from))
            m_nodeGroup[edge.from.value] = m_nodeGroup[edge.to.value];
    }
    // Parents before children, "" first; otherwise in the order the state first names them.
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const GroupInfo& left, const GroupInfo& right) {
        return (left.key.empty() ? 0 : left.parent.empty() ? 1 : 2) < (right.key.empty() ? 0 : right.parent.empty() ? 1 : 2);
    });
}

const GroupInfo* LayoutGroups::find(const std::string& key) const
{
    const auto found = std::find_if(m_groups.begin(), m_groups.end(), [&](const GroupInfo& g) { return g.key == key; });
    return found == m_groups.end() ? nullptr : &*found;
}

void LayoutGroups::addGroup(const std::string& key, const std::string& label, const std::string& parent)
{
    if (!find(key))
        m_groups.push_back({key, label, parent});
}

void LayoutGroups::byModule(const ResourceGraph& graph)
{
    addGroup("", "root module", "");
    for (std::uint32_t index = 0; index < graph.nodeCount(); ++index) {
        const std::string module = graph.instance(NodeId {index}).address.moduleInstanceString();
        m_nodeGroup[index] = module;
        addGroup(module, module.empty() ? "root module" : module, "");
    }
}

void LayoutGroups::byNetwork(const ResourceGraph& graph)
{
    addGroup("", "outside any VPC", "");
    // Names for ids: the aws_vpc and aws_subnet resources of the state, and which VPC each subnet is in.
    std::map<std::string, std::string> vpcName;
    std::map<std::string, std::pair<std::string, std::string>> subnetVpcAndName;
    for (std::uint32_t index = 0; index < graph.nodeCount(); ++index) {
        const ResourceInstance& instance = graph.instance(NodeId {index});
        const std::string id = instance.attributes.getString("id").value_or("");
        if (id.empty() || !instance.isManaged())
            continue;
        if (instance.type() == "aws_vpc")
            vpcName.emplace(id, instance.displayName());
        else if (instance.type() == "aws_subnet")
            subnetVpcAndName.emplace(id, std::make_pair(vpcOf(instance), instance.displayName()));
    }
    std::vector<Network> networks(graph.nodeCount());
    for (std::uint32_t index = 0; index < graph.nodeCount(); ++index) {
        const ResourceInstance& instance = graph.instance(NodeId {index});
        Network& network = networks[index];
        const std::string id = instance.attributes.getString("id").value_or("");
        std::vector<std::string> subnets =
            instance.type() == "aws_subnet" && !id.empty() ? std::vector<std::string> {id} : subnetsOf(instance);
        network.vpc = vpcOf(instance);
        for (const std::string& subnet : subnets) {
            const auto found = subnetVpcAndName.find(subnet);
            if (network.vpc.empty() && found != subnetVpcAndName.end())
                network.vpc = found->second.first;
        }
        if (subnets.size() == 1)
            network.subnet = subnets.front();
    }
    // What names no network takes the one VPC its dependencies agree on; a few passes reach through chains
    // (cluster -> subnet group -> subnets).
    for (int pass = 0; pass < 4; ++pass) {
        bool changed = false;
        for (std::uint32_t index = 0; index < graph.nodeCount(); ++index) {
            if (!networks[index].vpc.empty() || neverInAVpc(graph.instance(NodeId {index}).type()))
                continue;
            std::optional<std::string> agreed;
            bool conflict = false;
            for (const NodeId dependency : graph.dependenciesOf(NodeId {index}, EdgeKind::DependsOn)) {
                if (graph.isRecoveryPoint(dependency) || networks[dependency.value].vpc.empty())
                    continue;
                if (agreed && *agreed != networks[dependency.value].vpc)
                    conflict = true;
                agreed = networks[dependency.value].vpc;
            }
            if (agreed && !conflict) {
                networks[index].vpc = *agreed;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    const auto labelled = [](const std::map<std::string, std::string>& names, const std::string& id) {
        const auto found = names.find(id);
        return found == names.end() ? id : found->second + " (" + id + ")";
    };
    for (std::uint32_t index = 0; index < graph.nodeCount(); ++index) {
        const Network& network = networks[index];
        if (network.vpc.empty())
            continue;
        addGroup(network.vpc, labelled(vpcName, network.vpc), "");
        m_nodeGroup[index] = network.vpc;
        const auto subnet = subnetVpcAndName.find(network.subnet);
        if (network.subnet.empty() || subnet == subnetVpcAndName.end() || subnet->second.first != network.vpc)
            continue;
        const std::string key = network.vpc + "/" + network.subnet;
        addGroup(key, subnet->second.second + " (" + network.subnet + ")", network.vpc);
        m_nodeGroup[index] = key;
    }
}

} // namespace blastline::core
