// SPDX-License-Identifier: MIT
#pragma once

#include "FastJsonValue.h"
#include "RecordLimits.h"
#include "ResourceHeaderCache.h"
#include "StateRecord.h"

#include "blastline/core/TerraformState.h"

#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::importers {

/**
 * Builds a format 4 state straight from simdjson's on-demand iteration (no DOM), mirroring
 * StateSaxHandler + StateV4Handler for the shapes real states have. Anything else throws
 * fastjson::Bail so that the reference reader decides (see readStateV4Fast).
 */
class StateV4FastReader
{
public:
    StateV4FastReader(std::string_view text, const std::string& displayName, core::ProgressSink* progress,
        const RecordLimits& limits);

    core::TerraformState read(fastjson::ondemand::document& document);

private:
    struct ResourceHeader
    {
        std::string_view module;
        std::string_view mode;
        std::string_view type;
        std::string_view name;
        std::string_view provider;
        bool hasMode = false;
        bool hasType = false;
        bool hasName = false;
        bool hasProvider = false;
    };

    void resources(fastjson::ondemand::value value);
    void resource(fastjson::ondemand::value value);
    void instances(fastjson::ondemand::value value);
    core::ResourceInstance instance(fastjson::ondemand::value value);
    void finishResource(const ResourceHeader& header);
    void reached(fastjson::ondemand::value& value);
    FlatEntries flattenCounted(fastjson::ondemand::value value);

    std::string_view m_text;
    const std::string& m_displayName;
    core::ProgressSink* m_progress;
    const RecordLimits& m_limits;
    std::size_t m_nextMark;

    fastjson::FastFlattener m_flattener;
    ResourceHeaderCache m_header;

    std::vector<core::ResourceInstance> m_pending; // instances of the resource being read
    std::vector<core::ResourceInstance> m_instances;
};

} // namespace blastline::importers
