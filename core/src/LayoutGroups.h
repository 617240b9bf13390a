// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/GraphLayout.h"

#include <string>
#include <vector>

namespace blastline::core {

class ResourceGraph;

/** A group a node can be drawn in, before layout: its key, its label and the group enclosing it. */
struct GroupInfo
{
    std::string key;
    std::string label;
    std::string parent; // "" for a top-level group; the "" group itself has none either
};

/**
 * Which group every node of a graph belongs to under one grouping. Module grouping reads the address. Network
 * grouping reads the attributes AWS resources carry (vpc_id, subnet_id, subnet_ids, subnets, ...); a resource that
 * names no network of its own (an RDS cluster names a DB subnet group, not a VPC) takes the VPC its dependencies agree
 * on, so a database lands in the VPC it lives in (unless its service never lives in one: IAM, Route 53, S3, ...).
 * A resource spanning several subnets is drawn in their VPC.
 */
class LayoutGroups
{
public:
    LayoutGroups(const ResourceGraph& graph, LayoutGrouping grouping);

    /** The key of the innermost group of `node` (instances and recovery points alike). */
    const std::string& groupOf(NodeId node) const { return m_nodeGroup[node.value]; }
    /** Every group holding a node, parents before children, in the order nodes first name them; "" first. */
    const std::vector<GroupInfo>& groups() const { return m_groups; }
    const GroupInfo* find(const std::string& key) const;

private:
    void byModule(const ResourceGraph& graph);
    void byNetwork(const ResourceGraph& graph);
    void addGroup(const std::string& key, const std::string& label, const std::string& parent);

    std::vector<std::string> m_nodeGroup; // by NodeId::value
    std::vector<GroupInfo> m_groups;
};

} // namespace blastline::core
