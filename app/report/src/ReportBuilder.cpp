// SPDX-License-Identifier: MIT
#include "blastline/report/ReportBuilder.h"

#include "EvidenceFiles.h"
#include "ResponseTimes.h"
#include "ScenarioFindings.h"

#include "blastline/core/ReplayComparison.h"
#include "blastline/core/ResourceGraph.h"
#include "blastline/core/TrailSummary.h"
#include "blastline/core/UtcTime.h"
#include "blastline/importers/ScenarioSession.h"
#include "blastline/report/GraphSvg.h"
#include "blastline/report/TimelineChartSvg.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

namespace blastline::report {

namespace {

std::string typeOf(const std::string& address)
{
    // "module.a.aws_db_instance.x[0]": the type is the part before the last name.
    std::string rest = address.substr(0, address.find('['));
    const std::size_t lastDot = rest.rfind('.');
    if (lastDot == std::string::npos)
        return {};
    rest = rest.substr(0, lastDot);
    const std::size_t typeDot = rest.rfind('.');
    return typeDot == std::string::npos ? rest : rest.substr(typeDot + 1);
}

/** Size at risk where the state says it: allocated storage of a database, size of a volume. */
std::string atRiskOf(const core::ResourceGraph* graph, const std::string& address)
{
    constexpr const char* kUnknown = "not known from the evidence";
    if (!graph)
        return kUnknown;
    const std::optional<core::NodeId> node = graph->find(address);
    if (!node || graph->isRecoveryPoint(*node))
        return kUnknown;
    const core::Attributes& attributes = graph->instance(*node).attributes;
    // Aurora grows its storage by itself; the allocated_storage an Aurora cluster's state holds says nothing of it.
    const std::optional<std::string> engine = attributes.getString("engine");
    if (engine && engine->rfind("aurora", 0) == 0)
        return kUnknown;
    for (const char* key : {"allocated_storage", "size"}) {
        if (const std::optional<double> gib = attributes.getNumber(key); gib && *gib > 0) {
            char text[64];
            std::snprintf(text, sizeof text, "%.0f GiB (%s in the state)", *gib, key);
            return text;
        }
    }
    return kUnknown;
}

constexpr const char* kSimulatedBurst = "the simulated run";

struct RecordedDestruction
{
    std::set<std::pair<std::int64_t, std::string>> calls; // (time, eventName) of successful destructive calls
    std::optional<std::int64_t> first;
};

RecordedDestruction destructiveCalls(const core::Trail& trail)
{
    RecordedDestruction recorded;
    for (const core::TrailEvent& event : trail.events()) {
        if (!event.destructive() || event.failed())
            continue;
        recorded.calls.emplace(event.timeMs, std::string(trail.text(event.eventName)));
        if (!recorded.first || event.timeMs < *recorded.first)
            recorded.first = event.timeMs;
    }
    return recorded;
}

bool isSimulatedDelete(const core::ReplayEvent& event)
{
    return event.origin == core::ReplayEvent::Origin::Simulated && event.outcome == "done"
        && (event.eventName == "delete" || event.eventName == "replace");
}

std::vector<BurstEntry> burstsOf(const core::Trail& trail, const core::ReplayResult& replay)
{
    std::vector<BurstEntry> bursts;
    const core::TrailSummary summary = core::TrailSummary::compute(trail, nullptr);
    for (const core::DeletionBurst& burst : summary.bursts) {
        BurstEntry entry {
            burst.startMs, burst.endMs, burst.deletes, burst.failed, std::string(trail.text(burst.principal))};
        if (!burst.tools.empty())
            entry.who += " with " + trail.tool(burst.tools.front()).name;
        bursts.push_back(std::move(entry));
    }
    if (!bursts.empty())
        return bursts;
    // No trail of it: the simulated deletes are the burst.
    BurstEntry simulated {0, 0, 0, 0, kSimulatedBurst};
    for (const core::ReplayEvent& event : replay.events) {
        if (!isSimulatedDelete(event))
            continue;
        simulated.startMs = simulated.deletes == 0 ? event.timeMs : std::min(simulated.startMs, event.timeMs);
        simulated.endMs = std::max(simulated.endMs, event.timeMs);
        ++simulated.deletes;
    }
    if (simulated.deletes > 0)
        bursts.push_back(simulated);
    return bursts;
}

/**
 * The impact starts with the destroy: the recorded burst of deletes that holds (or follows) the replay's first
 * simulated delete, since the trail's time is a record and the simulation's a model; without a trail, the first
 * simulated delete; without a simulated one, the first recorded destructive call.
 */
std::optional<std::int64_t> impactStartOf(const core::ReplayResult& replay, const RecordedDestruction& recorded,
    const std::vector<BurstEntry>& bursts, std::string& basis)
{
    const auto firstDelete = std::find_if(replay.events.begin(), replay.events.end(), isSimulatedDelete);
    if (firstDelete == replay.events.end()) {
        basis = "the first successful destructive call of the trail";
        return recorded.first;
    }
    for (const BurstEntry& burst : bursts) {
        if (burst.endMs >= firstDelete->timeMs && burst.who != kSimulatedBurst) {
            basis = "the first recorded delete of the destroy (the trail's burst of deletes by " + burst.who + ")";
            return burst.startMs;
        }
    }
    basis = "the first delete of the simulated replay";
    return firstDelete->timeMs;
}

ImpactEntry impactOf(const core::ReplayOutcome::DataStore& store, const core::ResourceGraph* graph)
{
    ImpactEntry entry {store.address, typeOf(store.address), core::toString(store.fate), store.explanation,
        atRiskOf(graph, store.address), {}, {}};
    for (const core::RecoveryPointResult& point : store.recoveryPoints)
        entry.recoveryPoints.push_back(point.kind + ": " + core::toString(point.fate));
    return entry;
}

ActionItem actionItemOf(const core::SafeguardEffect& effect, int rank, core::Verdict baseline)
{
    ActionItem item;
    item.rank = rank;
    item.safeguard = effect.safeguard;
    item.assumption = effect.assumption;
    item.verdict = core::toString(effect.verdict);
    for (const core::FateChange& change : effect.changes)
        item.changes.push_back(change.describe());
    if (effect.actsAt) {
        item.actsAtMs = effect.actsAt->timeMs;
        item.actsAt = effect.actsAt->description;
    }
    item.changesNothing = effect.changesNothing(baseline);
    // Why a safeguard cannot act (it works through Terraform, and the deletes were not Terraform's) belongs beside it.
    if (item.changesNothing && !effect.notes.empty())
        item.actsAt = effect.notes.front();
    return item;
}

void addEvidence(std::vector<EvidenceEntry>& evidence, const core::Scenario& scenario)
{
    EvidenceFiles::add(evidence, scenario.file, scenario.folder, "the scenario");
    const std::pair<const std::vector<core::ScenarioEvidenceFile>*, const char*> groups[] = {
        {&scenario.evidence.states, "state"}, {&scenario.evidence.plans, "plan"}, {&scenario.evidence.trails, "trail"},
        {&scenario.evidence.configurations, "configuration"}, {&scenario.evidence.inventories, "inventory"}};
    for (const auto& [files, kind] : groups) {
        for (const core::ScenarioEvidenceFile& file : *files) {
            if (file.path)
                EvidenceFiles::add(evidence, *file.path, scenario.folder, std::string(kind) + " \"" + file.id + "\"");
        }
    }
}

void addSources(ReportModel& model, const core::ScenarioMetadata& metadata)
{
    for (const core::ScenarioSource& source : metadata.sources)
        model.sources.push_back({source.id, source.title, source.url, core::toString(source.kind)});
    for (const core::ScenarioCorrection& correction : metadata.corrections) {
        model.corrections.push_back({correction.topic + ": the retelling says " + correction.retelling
                + "; the primary sources say " + correction.primary + "; this report follows the "
                + (correction.followsPrimary ? "primary sources" : "retelling") + ".",
            correction.sources});
    }
    model.reconstructed = metadata.reconstructed;
}

} // namespace

ReportBuilder::ReportBuilder(TimeZone zone, std::string generatedAt)
    : m_zone(std::move(zone))
    , m_showLocal(!m_zone.isUtc())
    , m_generatedAt(std::move(generatedAt))
{ }

std::string ReportBuilder::now()
{
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    return core::UtcTime::format((ms / 1000) * 1000).substr(0, 19) + "Z";
}

std::string ReportBuilder::duration(std::int64_t milliseconds)
{
    const std::int64_t seconds = milliseconds / 1000;
    const std::int64_t days = seconds / 86400;
    const std::int64_t hours = seconds % 86400 / 3600;
    const std::int64_t minutes = seconds % 3600 / 60;
    std::string text;
    if (days > 0)
        text += std::to_string(days) + " d ";
    if (days > 0 || hours > 0)
        text += std::to_string(hours) + " h " + std::to_string(minutes) + " min";
    else if (minutes > 0)
        text += std::to_string(minutes) + " min " + std::to_string(seconds % 60) + " s";
    else
        text += std::to_string(seconds) + " s";
    return text;
}

std::string ReportBuilder::local(std::int64_t timeMs) const
{
    return m_showLocal ? m_zone.format(timeMs) : std::string();
}

void ReportBuilder::addFigures(ReportModel& model) const
{
    model.timelineSvg = TimelineChartSvg::render(model, "timeline-figure");
}

ReportModel ReportBuilder::fromScenario(
    const importers::ScenarioSession& session, const std::vector<std::string>& assumed) const
{
    const core::Scenario& scenario = session.scenario();
    const core::ReplayEngine engine = session.engine();
    const core::ReplayComparisonResult comparison = core::ReplayComparison::compute(engine);
    const core::ReplayResult replay = assumed.empty() ? comparison.baseline : engine.run(assumed);

    ReportModel model;
    model.kind = "scenario";
    model.id = scenario.metadata.id;
    model.title = scenario.metadata.title;
    model.incidentWindow = core::UtcTime::format(scenario.metadata.incidentStart) + " to "
        + core::UtcTime::format(scenario.metadata.incidentEnd);
    model.generatedAt = m_generatedAt;
    model.timeZone = m_showLocal ? m_zone.name() : std::string();
    model.assumed = assumed;
    model.summary = scenario.metadata.summary;
    model.verdict = core::toString(replay.outcome.verdict);

    for (const core::ReplayOutcome::DataStore& store : replay.outcome.dataStores) {
        model.impact.push_back(impactOf(store, replay.graph.get()));
        // What the sources say was at stake says more than a size the state may or may not hold.
        for (const core::DataStoreTruth& truth : scenario.groundTruth.dataStores) {
            if (truth.address == store.address && !truth.atRisk.empty()) {
                model.impact.back().atRisk = truth.atRisk;
                model.impact.back().atRiskSources = truth.sources;
            }
        }
    }

    const RecordedDestruction recorded = destructiveCalls(session.trail());
    model.bursts = burstsOf(session.trail(), replay);
    std::string impactBasis;
    const std::optional<std::int64_t> impactStart = impactStartOf(replay, recorded, model.bursts, impactBasis);

    for (const core::KeyTime& key : scenario.groundTruth.keyTimes)
        model.keyTimes.push_back({key.name, key.time, local(key.time), key.sources});
    std::size_t deleted = 0;
    std::size_t failed = 0;
    for (const core::ReplayResult::Fate& fate : replay.fates)
        ++(fate.failed ? failed : deleted);
    model.outage = ResponseTimes::outage(impactStart, deleted, failed, "in the replay as it happened", model.keyTimes);
    model.response = ResponseTimes::compute(impactStart, impactBasis, model.keyTimes, "the scenario");
    for (const core::ReplayEvent& event : replay.events) {
        TimelineEntry entry {event.timeMs, local(event.timeMs), core::toString(event.origin), event.text,
            event.outcome == "failed", false, {}};
        if (event.origin == core::ReplayEvent::Origin::CloudTrail)
            entry.destructive = recorded.calls.count({event.timeMs, event.eventName}) > 0;
        else
            entry.destructive = isSimulatedDelete(event);
        model.timeline.push_back(std::move(entry));
    }
    for (const KeyTimeEntry& key : model.keyTimes)
        model.timeline.push_back({key.timeMs, key.local, "key time", key.name, false, false, key.sources});
    std::stable_sort(model.timeline.begin(), model.timeline.end(),
        [](const TimelineEntry& a, const TimelineEntry& b) { return a.timeMs < b.timeMs; });

    const ScenarioFindings findings(scenario, replay, comparison, impactStart);
    model.triggers = findings.triggers();
    model.rootCauses = findings.rootCauses();
    model.wentWell = findings.wentWell();
    model.wentBadly = findings.wentBadly();
    model.lucky = findings.lucky();

    int rank = 0;
    for (const core::SafeguardEffect& effect : comparison.ranked) {
        model.actionItems.push_back(actionItemOf(effect, ++rank, comparison.baseline.outcome.verdict));
        if (model.actionItems.back().actsAtMs)
            model.actionItems.back().actsAtLocal = local(*model.actionItems.back().actsAtMs);
    }
    model.sequenceDifferences = comparison.baseline.sequenceDifferences;

    addEvidence(model.evidence, scenario);
    addSources(model, scenario.metadata);

    if (replay.graph) {
        model.graphSvg = GraphSvg::render(
            *replay.graph, GraphFates::fromReplay(replay), "Blast radius: " + scenario.metadata.id, "graph-figure");
    }
    addFigures(model);
    return model;
}

} // namespace blastline::report
