// SPDX-License-Identifier: MIT
#include "blastline/core/DestroySimulator.h"

#include "blastline/core/Error.h"
#include "blastline/core/ProgressSink.h"
#include "blastline/core/ResourceGraph.h"

#include <queue>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>

namespace blastline::core {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kProgressEvery = 4096;
constexpr std::size_t kCycleNamesShown = 5;

/**
 * The operations in scope, indexed densely from 0 in node order, and who waits for whom: the ops in
 * after(i) may start only once op i has been deleted (compressed rows, one allocation for all edges).
 */
struct Plan
{
    std::vector<NodeId> nodes;
    std::vector<std::string> names; // display names, the operations' addresses
    std::vector<std::uint32_t> firstAfter {0};
    std::vector<std::uint32_t> afterList;
    std::vector<std::uint32_t> waitingOn; // how many in-scope dependents must be deleted first
    std::vector<int> waves;
    std::vector<std::uint32_t> nameRank; // position in address order: strings are compared once, here
    std::vector<std::uint32_t> rank; // position in (wave, address) order: the start priority
    std::vector<std::uint32_t> byRank; // the inverse of rank

    std::size_t size() const { return nodes.size(); }
    auto after(std::uint32_t op) const
    {
        return std::pair(afterList.begin() + firstAfter[op], afterList.begin() + firstAfter[op + 1]);
    }
};

void reportProgress(ProgressSink* progress, std::size_t done, std::size_t total)
{
    if (!progress)
        return;
    if (progress->isCancelled())
        throw OperationCancelled();
    progress->progress("Simulating destroy", done, total);
}

/** Managed instances in scope: all of them, or the targets plus everything that depends on them. */
std::vector<char> selectScope(const ResourceGraph& graph, const DestroyOptions& options)
{
    const std::size_t count = graph.nodeCount();
    if (options.exactly) {
        std::vector<char> only(count, 0);
        for (NodeId node : *options.exactly)
            only.at(node.value) = graph.instance(node).isManaged() ? 1 : 0;
        return only;
    }
    const std::vector<ResourceAddress>& targets = options.targets;
    std::vector<char> selected(count, targets.empty() ? 1 : 0);
    std::vector<NodeId> pending;
    for (const auto& target : targets) {
        const std::vector<NodeId> matched = graph.match(target);
        if (matched.empty())
            throw InputError("target " + target.toString() + " matches no instance in the state");
        for (NodeId node : matched) {
            if (!selected[node.value]) {
                selected[node.value] = 1;
                pending.push_back(node);
            }
        }
    }
    // In destroy mode a target drags in its dependents, never its dependencies (formats.md C.3).
    while (!pending.empty()) {
        const NodeId node = pending.back();
        pending.pop_back();
        for (NodeId dependent : graph.dependentsOf(node, EdgeKind::DependsOn)) {
            if (!selected[dependent.value]) {
                selected[dependent.value] = 1;
                pending.push_back(dependent);
            }
        }
    }
    // Data sources have nothing to delete; they only let the walk through above.
    for (std::uint32_t i = 0; i < count; ++i)
        selected[i] = selected[i] && graph.instance(NodeId {i}).isManaged();
    return selected;
}

Plan buildPlan(const ResourceGraph& graph, const std::vector<char>& inScope)
{
    Plan plan;
    std::vector<std::uint32_t> opOf(graph.nodeCount(), kNone);
    for (std::uint32_t i = 0; i < graph.nodeCount(); ++i) {
        if (inScope[i]) {
            opOf[i] = static_cast<std::uint32_t>(plan.nodes.size());
            plan.nodes.push_back(NodeId {i});
            plan.names.push_back(graph.instance(NodeId {i}).displayName());
        }
    }
    plan.waitingOn.assign(plan.size(), 0);
    plan.firstAfter.reserve(plan.size() + 1);
    for (NodeId node : plan.nodes) {
        // The delete of what `node` depends on waits for the delete of `node` (formats.md C.1).
        for (NodeId dependency : graph.dependenciesOf(node, EdgeKind::DependsOn)) {
            const std::uint32_t op = opOf[dependency.value];
            if (op != kNone) {
                plan.afterList.push_back(op);
                ++plan.waitingOn[op];
            }
        }
        plan.firstAfter.push_back(static_cast<std::uint32_t>(plan.afterList.size()));
    }
    return plan;
}

[[noreturn]] void throwCycle(const Plan& plan, const std::vector<std::uint32_t>& remaining)
{
    std::string names;
    std::size_t shown = 0;
    for (std::uint32_t op = 0; op < plan.size() && shown < kCycleNamesShown; ++op) {
        if (remaining[op] > 0) {
            names += (shown++ ? ", " : "") + plan.names[op];
        }
    }
    throw InputError("the recorded dependencies form a cycle (Terraform would refuse with \"Cycle\"); caught in it or "
                     "behind it: "
        + names);
}

/** Waves by Kahn's algorithm over the in-scope ops; then the start priority (wave, address). */
void assignWaves(Plan& plan)
{
    plan.waves.assign(plan.size(), 1);
    std::vector<std::uint32_t> remaining = plan.waitingOn;
    std::vector<std::uint32_t> queue;
    queue.reserve(plan.size());
    for (std::uint32_t op = 0; op < plan.size(); ++op) {
        if (remaining[op] == 0)
            queue.push_back(op);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t op = queue[head];
        for (auto [it, end] = plan.after(op); it != end; ++it) {
            plan.waves[*it] = std::max(plan.waves[*it], plan.waves[op] + 1);
            if (--remaining[*it] == 0)
                queue.push_back(*it);
        }
    }
    if (queue.size() != plan.size())
        throwCycle(plan, remaining);

    std::vector<std::uint32_t> byName(plan.size());
    std::iota(byName.begin(), byName.end(), 0U);
    std::sort(
        byName.begin(), byName.end(), [&](std::uint32_t a, std::uint32_t b) { return plan.names[a] < plan.names[b]; });
    plan.nameRank.resize(plan.size());
    for (std::uint32_t r = 0; r < plan.size(); ++r)
        plan.nameRank[byName[r]] = r;

    plan.byRank.resize(plan.size());
    std::iota(plan.byRank.begin(), plan.byRank.end(), 0U);
    std::sort(plan.byRank.begin(), plan.byRank.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::pair(plan.waves[a], plan.nameRank[a]) < std::pair(plan.waves[b], plan.nameRank[b]);
    });
    plan.rank.resize(plan.size());
    for (std::uint32_t r = 0; r < plan.size(); ++r)
        plan.rank[plan.byRank[r]] = r;
}

/** The discrete-event walk: at most `parallelism` deletes at once, ready ops by (wave, address). */
class Schedule
{
public:
    Schedule(const ResourceGraph& graph, Plan& plan, const DeletionRules& rules, const OperationDurations& durations,
        ProgressSink* progress);
    void run(std::size_t parallelism);
    std::vector<Operation> takeOperations();

private:
    enum class Status : std::uint8_t
    {
        Waiting,
        Running,
        Finished,
        Skipped
    };
    using Event = std::pair<double, std::uint32_t>; // end time, rank

    void start(std::uint32_t op, double now);
    void finish(std::uint32_t op, double now);
    void skipEverythingWaitingOn(std::uint32_t failed);
    void countSettled();

    const ResourceGraph& m_graph;
    Plan& m_plan; // its names move into the operations at the end
    const DeletionRules& m_rules;
    const OperationDurations& m_durations;
    ProgressSink* m_progress;
    std::vector<Operation> m_operations; // by op index
    std::vector<Status> m_status;
    std::vector<std::uint32_t> m_waitingOn;
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> m_ready; // ranks
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_running;
    std::size_t m_settled = 0;
};

Schedule::Schedule(const ResourceGraph& graph, Plan& plan, const DeletionRules& rules,
    const OperationDurations& durations, ProgressSink* progress)
    : m_graph(graph)
    , m_plan(plan)
    , m_rules(rules)
    , m_durations(durations)
    , m_progress(progress)
    , m_operations(plan.size())
    , m_status(plan.size(), Status::Waiting)
    , m_waitingOn(plan.waitingOn)
{
    for (std::uint32_t op = 0; op < plan.size(); ++op) {
        Operation& operation = m_operations[op];
        operation.node = plan.nodes[op];
        operation.type = graph.instance(plan.nodes[op]).type();
        operation.wave = plan.waves[op];
        if (m_waitingOn[op] == 0)
            m_ready.push(plan.rank[op]);
    }
}

void Schedule::run(std::size_t parallelism)
{
    double now = 0;
    while (true) {
        while (m_running.size() < parallelism && !m_ready.empty()) {
            start(m_plan.byRank[m_ready.top()], now);
            m_ready.pop();
        }
        if (m_running.empty())
            break;
        // Settle every delete ending at this instant before filling the freed slots, so that ops
        // released together compete by priority rather than by which end was processed first.
        now = m_running.top().first;
        while (!m_running.empty() && m_running.top().first == now) {
            const std::uint32_t op = m_plan.byRank[m_running.top().second];
            m_running.pop();
            finish(op, now);
        }
    }
}

void Schedule::start(std::uint32_t op, double now)
{
    Operation& operation = m_operations[op];
    m_status[op] = Status::Running;
    operation.startSeconds = now;
    double seconds = m_durations.deleteSeconds(operation.type);
    auto failure = m_rules.deleteFailure(m_graph.instance(operation.node));
    if (failure && !failure->isCertain()) {
        // Nobody knows whether the delete is refused: the run goes on as if it were not, and says so.
        operation.uncertainty = "may fail: " + failure->errorText + " (unknown: ";
        for (std::size_t i = 0; i < failure->unknownFacts.size(); ++i)
            operation.uncertainty += (i ? ", " : "") + failure->unknownFacts[i];
        operation.uncertainty += ')';
        operation.rule = std::move(failure->rule);
    } else if (failure) {
        operation.outcome = OperationOutcome::Failed;
        operation.reason = std::move(failure->errorText);
        operation.rule = std::move(failure->rule);
        seconds = m_durations.failedDeleteSeconds();
    }
    m_running.emplace(now + seconds, m_plan.rank[op]);
}

void Schedule::finish(std::uint32_t op, double now)
{
    m_status[op] = Status::Finished;
    m_operations[op].endSeconds = now;
    countSettled();
    if (m_operations[op].outcome == OperationOutcome::Failed) {
        skipEverythingWaitingOn(op);
        return;
    }
    for (auto [it, end] = m_plan.after(op); it != end; ++it) {
        if (--m_waitingOn[*it] == 0 && m_status[*it] == Status::Waiting)
            m_ready.push(m_plan.rank[*it]);
    }
}

void Schedule::skipEverythingWaitingOn(std::uint32_t failed)
{
    // Breadth first, so each skip names the nearest op it waited on: the failure or a skip before it.
    std::vector<std::uint32_t> queue {failed};
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t blocker = queue[head];
        for (auto [it, end] = m_plan.after(blocker); it != end; ++it) {
            if (m_status[*it] != Status::Waiting)
                continue;
            m_status[*it] = Status::Skipped;
            m_operations[*it].outcome = OperationOutcome::Skipped;
            m_operations[*it].reason = "upstream dependency failed: " + m_plan.names[blocker];
            queue.push_back(*it);
            countSettled();
        }
    }
}

void Schedule::countSettled()
{
    if (++m_settled % kProgressEvery == 0)
        reportProgress(m_progress, m_settled, m_plan.size());
}

std::vector<Operation> Schedule::takeOperations()
{
    std::vector<std::uint32_t> order(m_plan.size());
    std::iota(order.begin(), order.end(), 0U);
    // Started ops by (start, address); the skipped ones, which never started, last by (wave, address).
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Operation& x = m_operations[a];
        const Operation& y = m_operations[b];
        if (x.startSeconds.has_value() != y.startSeconds.has_value())
            return x.startSeconds.has_value();
        if (!x.startSeconds)
            return m_plan.rank[a] < m_plan.rank[b];
        return std::pair(*x.startSeconds, m_plan.nameRank[a]) < std::pair(*y.startSeconds, m_plan.nameRank[b]);
    });
    std::vector<Operation> result;
    result.reserve(order.size());
    for (std::uint32_t op : order) {
        result.push_back(std::move(m_operations[op]));
        result.back().address = std::move(m_plan.names[op]);
    }
    return result;
}

} // namespace

DestroySimulator::DestroySimulator(const DeletionRules& rules, OperationDurations durations)
    : m_rules(rules)
    , m_durations(durations)
{ }

DestroySimulation DestroySimulator::run(
    const ResourceGraph& graph, const DestroyOptions& options, ProgressSink* progress) const
{
    if (options.parallelism < 1)
        throw InputError("parallelism must be at least 1, got " + std::to_string(options.parallelism));
    DestroySimulation simulation;
    simulation.parallelism = options.parallelism;
    for (const auto& target : options.targets)
        simulation.targets.push_back(target.toString());
    if (!options.targets.empty())
        simulation.warnings.emplace_back("Resource targeting is in effect");

    Plan plan = buildPlan(graph, selectScope(graph, options));
    assignWaves(plan);
    reportProgress(progress, 0, plan.size());
    Schedule schedule(graph, plan, m_rules, m_durations, progress);
    schedule.run(static_cast<std::size_t>(options.parallelism));
    simulation.operations = schedule.takeOperations();
    reportProgress(progress, plan.size(), plan.size());

    DestroySummary& summary = simulation.summary;
    summary.instances = simulation.operations.size();
    for (const Operation& operation : simulation.operations) {
        summary.done += operation.outcome == OperationOutcome::Done;
        summary.failed += operation.outcome == OperationOutcome::Failed;
        summary.skipped += operation.outcome == OperationOutcome::Skipped;
    }
    return simulation;
}

} // namespace blastline::core
