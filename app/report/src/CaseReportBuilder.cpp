// SPDX-License-Identifier: MIT
// ReportBuilder::fromCase: the postmortem of an investigation kept in a case file. The impact is the engine's
// judgement of a full destroy of the case's latest state (with the case's recovery points); the trail says what was
// deleted and when; the action items are WhatIfEngine::compare's ranking.
#include "ResponseTimes.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/core/TrailSummary.h"
#include "blastline/core/UtcTime.h"
#include "blastline/core/WhatIfEngine.h"
#include "blastline/report/GraphSvg.h"
#include "blastline/report/ReportBuilder.h"

#include <algorithm>
#include <optional>

namespace blastline::report {

namespace {

std::vector<core::Safeguard> parseSafeguards(const std::vector<std::string>& names)
{
    std::vector<core::Safeguard> safeguards;
    for (const std::string& name : names) {
        const auto safeguard = core::parseSafeguard(name);
        if (!safeguard)
            throw core::InputError("--assume " + name
                + ": a case is judged by the destroy engine, which takes the deletion safeguards (deletion-protection, "
                  "prevent-destroy, final-snapshot, retain-automated-backups, independent-backups, scp-deny-delete)");
        safeguards.push_back(*safeguard);
    }
    return safeguards;
}

/** Where in the simulated destroy a safeguard acts: the operation on the first data store it changes. */
std::string stepOf(const core::WhatIfResult& baseline, const std::string& change)
{
    const std::string address = change.substr(0, change.find(':'));
    for (const core::Operation& operation : baseline.simulation.operations) {
        if (operation.address == address) {
            return "the " + operation.action + " of " + address + " (wave " + std::to_string(operation.wave)
                + (operation.startSeconds ? ", " + std::to_string(static_cast<long>(*operation.startSeconds))
                            + " s into the simulated destroy"
                                          : std::string())
                + ")";
        }
    }
    return "the delete of " + address;
}

} // namespace

ReportModel ReportBuilder::fromCase(const core::CaseFile& caseFile, const core::CatalogueRules& catalogue,
    const std::vector<std::string>& assumed) const
{
    const std::vector<core::StateRow> states = caseFile.states();
    if (states.empty())
        throw core::InputError(caseFile.path().string() + ": the case holds no state; import one with `case import`");
    const std::vector<core::Safeguard> safeguards = parseSafeguards(assumed);

    core::WhatIfInputs inputs;
    inputs.state = caseFile.loadState(states.back().id);
    inputs.inventory = caseFile.recoveryPoints();
    core::TrailFilter filter;
    filter.scope = core::TrailFilter::Scope::All;
    const core::Trail trail = caseFile.loadTrail(filter);
    const core::TrailCorrelator correlator({&inputs.state});
    const core::TrailSummary summary = core::TrailSummary::compute(trail, &correlator);
    std::optional<std::int64_t> impactStart;
    if (summary.firstDestructive)
        impactStart = trail.events()[*summary.firstDestructive].timeMs;
    inputs.asOf = core::UtcTime::format(impactStart.value_or(0)).substr(0, 10);

    const core::WhatIfEngine engine(inputs, catalogue);
    const core::WhatIfResult baseline = engine.run({});
    std::optional<core::WhatIfResult> underAssumptions;
    if (!safeguards.empty())
        underAssumptions = engine.run(safeguards);
    const core::WhatIfResult& result = underAssumptions ? *underAssumptions : baseline;

    ReportModel model;
    model.kind = "case";
    model.id = caseFile.path().filename().string();
    model.title = "the investigation in " + model.id;
    model.generatedAt = m_generatedAt;
    model.timeZone = m_showLocal ? m_zone.name() : std::string();
    model.assumed = assumed;
    model.summary = "The case holds " + std::to_string(states.size()) + " state(s), "
        + std::to_string(trail.events().size()) + " CloudTrail events (" + std::to_string(summary.destructive)
        + " destructive) and " + std::to_string(caseFile.notes().size())
        + " notes. The impact below is the engine's judgement of a full " + "destroy of the latest state, "
        + states.back().path + ", checked against the trail's deletions.";
    model.verdict = core::toString(result.analysis.verdict);
    for (const core::DataStoreResult& store : result.analysis.dataStores) {
        ImpactEntry entry {store.address, store.type, core::toString(store.fate), store.explanation,
            "not known from the evidence", {}, {}};
        const bool deletedInTrail =
            std::count(summary.deletedAddresses.begin(), summary.deletedAddresses.end(), store.address) > 0;
        entry.explanation +=
            deletedInTrail ? ". The trail records its deletion." : ". The trail records no deletion of it.";
        for (const core::RecoveryPointResult& point : store.recoveryPoints)
            entry.recoveryPoints.push_back(point.kind + ": " + core::toString(point.fate));
        model.impact.push_back(std::move(entry));
    }
    model.outage = ResponseTimes::outage(
        impactStart, summary.deletedAddresses.size(), summary.survivedAddresses.size(), "by the trail's calls", {});
    model.response = ResponseTimes::compute(impactStart, "the first destructive call of the trail", {}, "a case");
    if (summary.firstDestructive) {
        const core::TrailEvent& first = trail.events()[*summary.firstDestructive];
        model.triggers.push_back({"The first destructive call: " + core::UtcTime::format(first.timeMs) + " "
                + std::string(trail.text(first.eventName)) + " by " + std::string(trail.text(first.principal))
                + " with " + trail.tool(first.tool).name + ".",
            {}});
    }
    for (const core::DataStoreResult& store : baseline.analysis.dataStores) {
        if (store.fate == core::DataFate::Lost)
            model.rootCauses.push_back({store.address + " (lost): " + store.explanation, {}});
        else if (store.fate == core::DataFate::Intact || store.fate == core::DataFate::Recoverable)
            model.wentWell.push_back(
                {store.address + " is " + core::toString(store.fate) + ": " + store.explanation, {}});
    }
    for (const std::string& address : summary.survivedAddresses)
        model.wentWell.push_back({address + " survived: its delete failed and was not retried successfully.", {}});
    for (const std::size_t index : summary.backupEvents) {
        const core::TrailEvent& event = trail.events()[index];
        model.wentBadly.push_back({core::UtcTime::format(event.timeMs) + " " + std::string(trail.text(event.eventName))
                + " destroyed or changed a backup.",
            {}});
    }
    for (const core::DeletionBurst& burst : summary.bursts) {
        BurstEntry entry {
            burst.startMs, burst.endMs, burst.deletes, burst.failed, std::string(trail.text(burst.principal))};
        if (!burst.tools.empty())
            entry.who += " with " + trail.tool(burst.tools.front()).name;
        model.bursts.push_back(std::move(entry));
    }

    for (const core::TrailEvent& event : trail.events()) {
        if (event.readOnly)
            continue;
        model.timeline.push_back({event.timeMs, local(event.timeMs), "cloudtrail",
            std::string(trail.text(event.eventName)) + " by " + std::string(trail.text(event.principal)),
            event.failed(), event.destructive() && !event.failed(), {}});
    }
    for (const core::NoteRow& note : caseFile.notes()) {
        if (note.note.atMs)
            model.timeline.push_back({*note.note.atMs, local(*note.note.atMs), "note",
                note.note.text + (note.note.author.empty() ? "" : " (" + note.note.author + ")"), false, false, {}});
    }
    std::stable_sort(model.timeline.begin(), model.timeline.end(),
        [](const TimelineEntry& a, const TimelineEntry& b) { return a.timeMs < b.timeMs; });

    int rank = 0;
    for (const core::SafeguardComparison& row : engine.compare(baseline)) {
        ActionItem item;
        item.rank = ++rank;
        item.safeguard = core::toString(row.safeguard);
        item.assumption = core::describe(row.safeguard);
        item.verdict = core::toString(row.verdict);
        item.changes = row.saved;
        item.changes.insert(item.changes.end(), row.improved.begin(), row.improved.end());
        item.changesNothing = item.changes.empty() && row.verdict == baseline.analysis.verdict;
        if (!item.changes.empty())
            item.actsAt = stepOf(baseline, item.changes.front());
        model.actionItems.push_back(std::move(item));
    }

    for (const core::EvidenceRow& row : caseFile.evidence())
        model.evidence.push_back({row.path, core::toString(row.kind), row.size, row.sha256});
    model.graphSvg = GraphSvg::render(
        *result.graph,
        [&] {
            GraphFates fates = GraphFates::fromSimulation(result.simulation);
            for (const core::DataStoreResult& store : result.analysis.dataStores)
                fates.dataStores.insert(store.address);
            return fates;
        }(),
        "Blast radius of a full destroy: " + model.id, "graph-figure");
    addFigures(model);
    return model;
}

} // namespace blastline::report
