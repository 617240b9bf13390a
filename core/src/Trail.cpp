// SPDX-License-Identifier: MIT
#include "blastline/core/Trail.h"

#include <algorithm>

namespace blastline::core {

std::uint32_t Trail::toolFor(std::string_view userAgent, std::string_view invokedBy, std::string_view sourceIp)
{
    // The source IP only matters when it is a service's name ("ecs.amazonaws.com"); leaving addresses out of
    // the key keeps one entry per agent instead of one per agent and address.
    const bool serviceAddress = sourceIp.ends_with(".amazonaws.com") || sourceIp == "AWS Internal";
    std::string key;
    key.reserve(userAgent.size() + invokedBy.size() + 2 + (serviceAddress ? sourceIp.size() : 0));
    key.append(userAgent).push_back('\x1f');
    key.append(invokedBy).push_back('\x1f');
    if (serviceAddress)
        key.append(sourceIp);
    if (const auto found = m_toolIndex.find(key); found != m_toolIndex.end())
        return found->second;
    // Agents differ per call (Terraform's ends in "api/rds#1.70.1", the CLI's in "md/command#ec2.delete-vpc"):
    // one tool per identity, so that a summary counts "Terraform 1.7.5" once, not once per API.
    ToolIdentity tool = ToolIdentity::fromUserAgent(userAgent, invokedBy, serviceAddress ? sourceIp : "");
    const auto same = std::find_if(m_tools.begin(), m_tools.end(), [&](const ToolIdentity& known) {
        return known.kind == tool.kind && known.name == tool.name && known.version == tool.version
            && known.providerVersion == tool.providerVersion;
    });
    const auto index = static_cast<std::uint32_t>(same - m_tools.begin());
    if (same == m_tools.end())
        m_tools.push_back(std::move(tool));
    m_toolIndex.emplace(std::move(key), index);
    return index;
}

std::uint32_t Trail::addInput(TrailInput input)
{
    m_inputs.push_back(std::move(input));
    return static_cast<std::uint32_t>(m_inputs.size() - 1);
}

bool Trail::hasUnreadableInputs() const
{
    return std::any_of(m_inputs.begin(), m_inputs.end(), [](const TrailInput& input) { return !input.error.empty(); });
}

std::size_t Trail::finish()
{
    std::sort(m_events.begin(), m_events.end(), [this](const TrailEvent& a, const TrailEvent& b) {
        if (a.timeMs != b.timeMs)
            return a.timeMs < b.timeMs;
        if (a.eventId != b.eventId)
            return text(a.eventId) < text(b.eventId);
        if (a.eventName != b.eventName)
            return text(a.eventName) < text(b.eventName);
        return a.input < b.input;
    });
    // After the sort, copies of one event sit side by side. Interned: equal texts have equal ids.
    const auto sameEvent = [](const TrailEvent& a, const TrailEvent& b) {
        return a.eventId != 0 && a.eventId == b.eventId && a.timeMs == b.timeMs && a.eventName == b.eventName
            && a.eventSource == b.eventSource;
    };
    const auto firstDuplicate = std::unique(m_events.begin(), m_events.end(), sameEvent);
    const auto removed = static_cast<std::size_t>(m_events.end() - firstDuplicate);
    m_events.erase(firstDuplicate, m_events.end());
    m_duplicatesRemoved += removed;
    return removed;
}

} // namespace blastline::core
