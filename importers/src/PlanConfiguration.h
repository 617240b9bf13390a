// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/TerraformPlan.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace blastline::importers {

/**
 * The edges a plan's `configuration` states (formats.md B.4): every `references` entry of every
 * expression of a resource (arguments, nested blocks, count/for_each, provisioners) that names a
 * resource, a data source or a module call, and every `depends_on` entry. Addresses are
 * configuration addresses made absolute with the module path ("module.app.aws_db_instance.main").
 * Module calls are edges' sources too: their input expressions and depends_on start at "module.x".
 * A reference to a module output ("module.x.out") is an edge to the call, "module.x": the plan
 * does not say which of the module's resources the output reads.
 */
class PlanConfiguration
{
public:
    /** Throws StructureError relative to `configuration`. */
    static std::vector<core::ConfigurationEdge> readEdges(const nlohmann::json& configuration);

    /**
     * The object a reference names, relative to its module: "aws_vpc.main.id" → "aws_vpc.main",
     * "aws_subnet.a[0]" → "aws_subnet.a", "data.x.y.z" → "data.x.y", "module.m[\"k\"].out" →
     * "module.m"; nullopt for var., local., each., count., path., terraform., self. and malformed text.
     */
    static std::optional<std::string> referencedObject(std::string_view reference);

private:
    void module(const nlohmann::json& body, const std::string& prefix, const std::string& pointer);
    void resource(const nlohmann::json& body, const std::string& prefix, const std::string& pointer);
    void moduleCall(
        const nlohmann::json& call, const std::string& from, const std::string& prefix, const std::string& pointer);
    void references(
        const nlohmann::json& value, const std::string& from, const std::string& prefix, const std::string& pointer);
    void dependsOn(
        const nlohmann::json& object, const std::string& from, const std::string& prefix, const std::string& pointer);
    void add(const std::string& from, const std::string& to, bool isDependsOn);

    std::vector<core::ConfigurationEdge> m_edges;
    std::set<std::tuple<std::string, std::string, bool>> m_seen;
};

} // namespace blastline::importers
