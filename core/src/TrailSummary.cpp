// SPDX-License-Identifier: MIT
#include "blastline/core/TrailSummary.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace blastline::core {

namespace {

/** The calls a burst is made of: those that remove a resource or a backup, not those that lower a guard. */
bool removesSomething(EventClass eventClass)
{
    return eventClass == EventClass::Delete || eventClass == EventClass::BackupDestroying;
}

struct PrincipalTally
{
    std::size_t destructive = 0;
    std::size_t failed = 0;
    std::map<std::uint32_t, std::size_t> toolUses; // ordered, so that ties go to the lowest tool index
};

std::uint32_t mostUsedTool(const std::map<std::uint32_t, std::size_t>& toolUses)
{
    std::uint32_t best = 0;
    std::size_t bestUses = 0;
    for (const auto& [tool, uses] : toolUses) {
        if (uses > bestUses) {
            best = tool;
            bestUses = uses;
        }
    }
    return best;
}

std::vector<DestructionActor> principalRows(const Trail& trail)
{
    std::unordered_map<StringId, PrincipalTally> tallies;
    for (const TrailEvent& event : trail.events()) {
        if (!event.destructive())
            continue;
        PrincipalTally& tally = tallies[event.principal];
        ++tally.destructive;
        if (event.failed())
            ++tally.failed;
        ++tally.toolUses[event.tool];
    }
    std::vector<DestructionActor> rows;
    rows.reserve(tallies.size());
    for (const auto& [principal, tally] : tallies)
        rows.push_back({principal, mostUsedTool(tally.toolUses), tally.destructive, tally.failed});
    std::sort(rows.begin(), rows.end(), [&trail](const DestructionActor& a, const DestructionActor& b) {
        if (a.destructive != b.destructive)
            return a.destructive > b.destructive;
        return trail.text(a.principal) < trail.text(b.principal);
    });
    return rows;
}

std::vector<DestructionActor> toolRows(const Trail& trail)
{
    std::map<std::uint32_t, DestructionActor> byTool;
    for (const TrailEvent& event : trail.events()) {
        if (!event.destructive())
            continue;
        DestructionActor& row = byTool[event.tool];
        row.tool = event.tool;
        ++row.destructive;
        if (event.failed())
            ++row.failed;
    }
    std::vector<DestructionActor> rows;
    rows.reserve(byTool.size());
    for (const auto& entry : byTool)
        rows.push_back(entry.second);
    // Ties by name, then index: several agents (one per OS or SDK build) may name the same tool.
    std::stable_sort(rows.begin(), rows.end(), [&trail](const DestructionActor& a, const DestructionActor& b) {
        if (a.destructive != b.destructive)
            return a.destructive > b.destructive;
        return trail.tool(a.tool).name < trail.tool(b.tool).name;
    });
    return rows;
}

/** Follows one open run per principal through the time-ordered events and keeps the runs long enough. */
class BurstTracker
{
public:
    BurstTracker(const Trail& trail, const BurstPolicy& policy)
        : m_trail(trail)
        , m_policy(policy)
    { }

    void add(std::size_t index)
    {
        const TrailEvent& event = m_trail.events()[index];
        const std::uint64_t key = std::uint64_t {event.principal} << 32 | event.tool;
        auto open = m_open.find(key);
        if (open != m_open.end() && event.timeMs - open->second.endMs > m_policy.maximumGapMs) {
            close(open->second);
            m_open.erase(open);
            open = m_open.end();
        }
        if (open == m_open.end())
            open = m_open.emplace(key, start(index)).first;
        extend(open->second, index);
    }

    std::vector<DeletionBurst> finish()
    {
        for (const auto& entry : m_open)
            close(entry.second);
        m_open.clear();
        std::sort(m_bursts.begin(), m_bursts.end(),
            [](const DeletionBurst& a, const DeletionBurst& b) { return a.firstEvent < b.firstEvent; });
        return std::move(m_bursts);
    }

private:
    DeletionBurst start(std::size_t index) const
    {
        const TrailEvent& event = m_trail.events()[index];
        DeletionBurst burst;
        burst.principal = event.principal;
        burst.startMs = event.timeMs;
        burst.firstEvent = index;
        return burst;
    }

    void extend(DeletionBurst& burst, std::size_t index) const
    {
        const TrailEvent& event = m_trail.events()[index];
        burst.endMs = event.timeMs;
        burst.lastEvent = index;
        ++burst.deletes;
        if (event.failed())
            ++burst.failed;
        if (std::find(burst.tools.begin(), burst.tools.end(), event.tool) == burst.tools.end())
            burst.tools.push_back(event.tool);
    }

    void close(const DeletionBurst& burst)
    {
        if (burst.deletes >= m_policy.minimumDeletes)
            m_bursts.push_back(burst);
    }

    const Trail& m_trail;
    const BurstPolicy& m_policy;
    std::unordered_map<std::uint64_t, DeletionBurst> m_open; // by principal and tool
    std::vector<DeletionBurst> m_bursts;
};

std::vector<DeletionBurst> findBursts(const Trail& trail, const BurstPolicy& policy)
{
    BurstTracker tracker(trail, policy);
    const auto& events = trail.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (removesSomething(events[i].eventClass))
            tracker.add(i);
    }
    return tracker.finish();
}

/** What a retry of a failed call looks like: the same call on the same resource. */
std::tuple<StringId, StringId, StringId> callKey(const TrailEvent& event)
{
    return {event.eventSource, event.eventName, event.identifiers.empty() ? StringId {0} : event.identifiers.front()};
}

std::vector<FailedCall> failedCalls(const Trail& trail)
{
    const auto& events = trail.events();
    std::map<std::tuple<StringId, StringId, StringId>, std::vector<std::size_t>> successes; // in time order
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].destructive() && !events[i].failed())
            successes[callKey(events[i])].push_back(i);
    }
    std::vector<FailedCall> failed;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!events[i].destructive() || !events[i].failed())
            continue;
        FailedCall call {i, std::nullopt};
        if (const auto found = successes.find(callKey(events[i])); found != successes.end()) {
            const auto later = std::upper_bound(found->second.begin(), found->second.end(), i);
            if (later != found->second.end())
                call.laterSuccess = *later;
        }
        failed.push_back(call);
    }
    return failed;
}

/** Which instances of each state the events named: named[state][instance]. */
using NamedInstances = std::vector<std::vector<bool>>;

std::vector<std::string> untouchedAddresses(const TrailCorrelator& correlator, const NamedInstances& named)
{
    std::vector<std::string> addresses;
    const auto& states = correlator.states();
    for (std::uint32_t s = 0; s < states.size(); ++s) {
        const auto& instances = states[s]->instances;
        for (std::uint32_t i = 0; i < instances.size(); ++i) {
            if (instances[i].isManaged() && !instances[i].isDeposed() && !named[s][i])
                addresses.push_back(correlator.addressOf({s, i, false}));
        }
    }
    std::sort(addresses.begin(), addresses.end());
    return addresses;
}

/** deletedAddresses and untouchedAddresses: one holders() call per event serves both. */
void correlate(const Trail& trail, const TrailCorrelator& correlator, TrailSummary& summary)
{
    const auto& states = correlator.states();
    NamedInstances named(states.size());
    for (std::size_t s = 0; s < states.size(); ++s)
        named[s].assign(states[s]->instances.size(), false);

    std::unordered_set<std::string> deleted;
    std::vector<std::string> failedOn; // acted on by a failed removal, in order of the first failure
    for (const TrailEvent& event : trail.events()) {
        const bool removes = removesSomething(event.eventClass);
        for (const TrailCorrelator::Holder& holder : correlator.holders(event, trail)) {
            named[holder.state][holder.instance] = true;
            if (!removes || !holder.acted)
                continue;
            std::string address = correlator.addressOf(holder);
            if (event.failed()) {
                if (std::find(failedOn.begin(), failedOn.end(), address) == failedOn.end())
                    failedOn.push_back(std::move(address));
            } else if (deleted.insert(address).second) {
                summary.deletedAddresses.push_back(std::move(address));
            }
        }
    }
    for (std::string& address : failedOn) {
        if (deleted.count(address) == 0)
            summary.survivedAddresses.push_back(std::move(address));
    }
    summary.untouchedAddresses = untouchedAddresses(correlator, named);
}

} // namespace

TrailSummary TrailSummary::compute(const Trail& trail, const TrailCorrelator* correlator, const BurstPolicy& policy)
{
    TrailSummary summary;
    const auto& events = trail.events();
    summary.events = events.size();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const TrailEvent& event = events[i];
        if (event.destructive()) {
            ++summary.destructive;
            if (!summary.firstDestructive)
                summary.firstDestructive = i;
        }
        if (!event.backupEffects.empty())
            summary.backupEvents.push_back(i);
    }
    summary.failedDestructive = failedCalls(trail);
    summary.principals = principalRows(trail);
    summary.tools = toolRows(trail);
    summary.bursts = findBursts(trail, policy);
    if (correlator != nullptr)
        correlate(trail, *correlator, summary);
    return summary;
}

} // namespace blastline::core
