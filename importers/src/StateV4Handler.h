// SPDX-License-Identifier: MIT
#pragma once

#include "ResourceHeaderCache.h"
#include "StateRecord.h"

#include "blastline/core/TerraformState.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace blastline::importers {

/**
 * Converts format 4 records (terraform/internal/states/statefile/version4.go). Instances are
 * converted as soon as they end, before their resource's header (module, mode, type, name,
 * provider) is known, because key order inside a resource is not guaranteed; resourceEnd() then
 * completes them. Errors are StructureErrors relative to the record.
 */
class StateV4Handler
{
public:
    void instance(StateRecord&& record);
    void resourceEnd(const nlohmann::json& fields);
    std::vector<core::ResourceInstance> takeInstances() { return std::move(m_instances); }

    /** `outputs` of format 4 and of `terraform show -json` (same {value, type, sensitive} shape). */
    static std::vector<core::RootOutput> readOutputs(const nlohmann::json& outputs, const std::string& pointer);
    static std::vector<core::CheckResult> readCheckResults(const nlohmann::json& results, const std::string& pointer);

private:
    ResourceHeaderCache m_header;

    std::vector<core::ResourceInstance> m_pending; // instances of the resource being read
    std::vector<core::ResourceInstance> m_instances;
    SeenObjects m_seen;
};

/** `index_key` / `index`: a number (count) or a string (for_each); null or absent is no key. */
core::InstanceKey readInstanceKey(const nlohmann::json& record, const char* field);

/** "managed" or "data"; anything else is an "invalid resource mode" error at `/<field>`. */
core::ResourceMode readResourceMode(const nlohmann::json& record, const char* field);

/** `deposed` / `deposed_key`: empty or exactly 8 characters. */
std::string readDeposedKey(const nlohmann::json& record, const char* field);

} // namespace blastline::importers
