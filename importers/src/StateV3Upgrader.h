// SPDX-License-Identifier: MIT
#pragma once

#include "RecordLimits.h"
#include "StateRecord.h"

#include "blastline/core/TerraformState.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace blastline::importers {

/**
 * Reads format 3 (Terraform <= 0.11) into the same model, following Terraform's own upgrade
 * (internal/states/statefile/version3_upgrade.go): module paths ["root", "a"] become module.a,
 * resource keys "type.name[.N]" / "data.type.name[.N]" give mode and count index, `primary` is the
 * current object and `deposed[i]` get the keys "%08x" of i+1, flatmap attributes lose their "#"/"%"
 * counts. Unlike Terraform we keep `depends_on`: it is the configured (not transitive) list, and the
 * only ordering information such a state has.
 */
class StateV3Upgrader
{
public:
    /** `limits` bound the instances (deposed objects count) and each object's `attributes`. */
    explicit StateV3Upgrader(const RecordLimits& limits)
        : m_limits(limits)
    { }

    /** One element of `modules`: its fields (path, outputs) and its resources in file order. */
    void module(const nlohmann::json& fields, std::vector<std::pair<std::string, nlohmann::json>>&& resources);

    std::vector<core::ResourceInstance> takeInstances() { return std::move(m_instances); }
    std::vector<core::RootOutput> takeOutputs() { return std::move(m_outputs); }

private:
    void resource(const std::vector<core::ModuleStep>& modules, const std::string& key, const nlohmann::json& entry,
        const std::string& pointer);
    core::ResourceInstance object(
        const core::ResourceInstance& prototype, const nlohmann::json& object, const std::string& pointer) const;

    const RecordLimits& m_limits;
    std::vector<core::ResourceInstance> m_instances;
    std::vector<core::RootOutput> m_outputs;
    SeenObjects m_seen;
};

} // namespace blastline::importers
