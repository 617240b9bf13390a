// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/StringPool.h"
#include "blastline/core/ToolIdentity.h"
#include "blastline/core/TrailEvent.h"
#include "blastline/core/TrailInput.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace blastline::core {

/**
 * The CloudTrail events of an investigation, normalised, in time order once finish() has run, with the files
 * they came from. Plain data: filled by the importers, read by the timeline, the summary and the correlation.
 * Not thread-safe; readers that parse in parallel add under their own lock.
 */
class Trail
{
public:
    StringId intern(std::string_view text) { return m_strings.intern(text); }
    std::string_view text(StringId id) const { return m_strings.view(id); }
    const StringPool& strings() const { return m_strings; }

    /**
     * The tool behind a user agent, computed once per distinct agent (ToolIdentity::fromUserAgent). Agents that
     * name the same tool (kind, name and versions) share one index.
     */
    std::uint32_t toolFor(std::string_view userAgent, std::string_view invokedBy, std::string_view sourceIp);
    const ToolIdentity& tool(std::uint32_t index) const { return m_tools[index]; }
    const std::vector<ToolIdentity>& tools() const { return m_tools; }

    std::uint32_t addInput(TrailInput input);
    TrailInput& input(std::uint32_t index) { return m_inputs[index]; }
    const std::vector<TrailInput>& inputs() const { return m_inputs; }
    /** Whether any input could not be read (the CLI then exits 1 after printing what it could read). */
    bool hasUnreadableInputs() const;

    void addEvent(TrailEvent event) { m_events.push_back(std::move(event)); }
    /**
     * Orders the events by time, then event ID, name and file, and drops every later copy of an event: CloudTrail
     * may deliver an event twice, always with the same eventID (formats.md E.1). A copy also has the same time,
     * source and name; records that share only an ID (placeholder IDs in test data) are different events and
     * are all kept, as are events without an ID. Returns how many were dropped.
     */
    std::size_t finish();
    const std::vector<TrailEvent>& events() const { return m_events; }
    std::size_t duplicatesRemoved() const { return m_duplicatesRemoved; }

private:
    StringPool m_strings;
    std::vector<ToolIdentity> m_tools;
    std::unordered_map<std::string, std::uint32_t> m_toolIndex;
    std::vector<TrailInput> m_inputs;
    std::vector<TrailEvent> m_events;
    std::size_t m_duplicatesRemoved = 0;
};

} // namespace blastline::core
