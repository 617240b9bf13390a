// SPDX-License-Identifier: MIT
#include "blastline/report/MarkdownReport.h"

#include "blastline/core/UtcTime.h"
#include "blastline/report/ReportBuilder.h"

#include <ostream>

namespace blastline::report {

namespace {

/** Text for a table cell or a list item: no line breaks, pipes and angle brackets escaped. */
std::string cell(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '<')
            out += "&lt;";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string sourcesOf(const std::vector<std::string>& sources)
{
    if (sources.empty())
        return {};
    std::string text = " (sources: ";
    for (std::size_t i = 0; i < sources.size(); ++i)
        text += (i ? ", " : "") + sources[i];
    return text + ")";
}

void facts(std::ostream& out, const std::vector<ReportFact>& list, const char* none)
{
    if (list.empty())
        out << "- " << none << '\n';
    for (const ReportFact& fact : list)
        out << "- " << cell(fact.text) << sourcesOf(fact.sources) << '\n';
    out << '\n';
}

void writeHeader(std::ostream& out, const ReportModel& model)
{
    out << "# Postmortem: " << cell(model.title) << "\n\n";
    out << "- " << (model.kind == "case" ? "Case" : "Scenario") << ": `" << cell(model.id) << "`\n";
    if (!model.incidentWindow.empty())
        out << "- Incident: " << model.incidentWindow << '\n';
    out << "- Generated: " << model.generatedAt << " by blastline report\n";
    out << "- Times: UTC" << (model.timeZone.empty() ? std::string() : ", and local time in " + model.timeZone) << '\n';
    if (!model.assumed.empty()) {
        out << "- Replayed with the safeguards:";
        for (const std::string& name : model.assumed)
            out << ' ' << name;
        out << " (a counterfactual, not what happened)\n";
    }
    out << "\n## Summary\n\n" << cell(model.summary) << "\n\nVerdict of the engine: **" << model.verdict << "**\n\n";
}

void writeImpact(std::ostream& out, const ReportModel& model)
{
    out << "## Impact\n\n";
    if (model.impact.empty()) {
        out << "No data store was deleted.\n\n";
    } else {
        out << "| Data store | Type | Fate | At risk | Recovery points | Why |\n|---|---|---|---|---|---|\n";
        for (const ImpactEntry& entry : model.impact) {
            std::string points;
            for (const std::string& point : entry.recoveryPoints)
                points += (points.empty() ? "" : "; ") + point;
            out << "| `" << cell(entry.address) << "` | " << cell(entry.type) << " | **" << entry.fate << "** | "
                << cell(entry.atRisk + sourcesOf(entry.atRiskSources)) << " | " << cell(points.empty() ? "none" : points)
                << " | "
                << cell(entry.explanation) << " |\n";
        }
        out << '\n';
    }
    facts(out, model.outage, "Not known from the evidence.");
}

void writeResponse(std::ostream& out, const ReportModel& model)
{
    out << "## Detection and response\n\n| Measure | Duration | Basis |\n|---|---|---|\n";
    for (const ResponseTime& time : model.response) {
        out << "| " << time.name << " | "
            << (time.known() ? ReportBuilder::duration(*time.toMs - *time.fromMs) : "not known from the evidence")
            << " | " << cell(time.basis) << sourcesOf(time.sources) << " |\n";
    }
    out << '\n';
    if (!model.keyTimes.empty()) {
        out << "Key times from the sources:\n\n";
        for (const KeyTimeEntry& key : model.keyTimes) {
            out << "- " << core::UtcTime::format(key.timeMs) << (key.local.empty() ? "" : " (" + key.local + ")")
                << " `" << cell(key.name) << "`" << sourcesOf(key.sources) << '\n';
        }
        out << '\n';
    }
}

void writeTimeline(std::ostream& out, const ReportModel& model)
{
    out << "## Timeline\n\n";
    for (const BurstEntry& burst : model.bursts) {
        out << "Destructive burst: " << core::UtcTime::format(burst.startMs) << " to "
            << core::UtcTime::format(burst.endMs) << ", " << burst.deletes
            << (burst.deletes == 1 ? " delete (" : " deletes (") << burst.failed << " failed) by " << cell(burst.who)
            << ".\n\n";
    }
    out << "| UTC |" << (model.timeZone.empty() ? "" : " " + model.timeZone + " |") << " Origin | Event |\n|---|"
        << (model.timeZone.empty() ? "" : "---|") << "---|---|\n";
    for (const TimelineEntry& entry : model.timeline) {
        out << "| " << core::UtcTime::format(entry.timeMs) << " |"
            << (model.timeZone.empty() ? "" : " " + entry.local + " |") << ' ' << entry.origin << " | "
            << (entry.destructive ? "**" : "") << cell(entry.text) << (entry.destructive ? "**" : "")
            << (entry.failed ? " (failed)" : "") << sourcesOf(entry.sources) << " |\n";
    }
    out << '\n';
}

void writeActions(std::ostream& out, const ReportModel& model)
{
    out << "## Action items\n\nEach safeguard replayed alone by the engine, ranked by its effect on the data "
           "(final verdict, then data stores saved).\n\n"
        << "| # | Safeguard | Verdict with it | What changes | Where it would have acted |\n|---|---|---|---|---|\n";
    for (const ActionItem& item : model.actionItems) {
        std::string changes;
        for (const std::string& change : item.changes)
            changes += (changes.empty() ? "" : "; ") + change;
        std::string where = item.actsAt.empty() ? "changes nothing" : item.actsAt;
        if (item.actsAtMs)
            where = core::UtcTime::format(*item.actsAtMs)
                + (item.actsAtLocal.empty() ? "" : " (" + item.actsAtLocal + ")") + ": " + item.actsAt;
        out << "| " << item.rank << " | `" << item.safeguard << "`: " << cell(item.assumption) << " | " << item.verdict
            << " | " << cell(changes.empty() ? "no data store's fate changes" : changes) << " | "
            << cell(item.changesNothing && item.actsAt.empty() ? "changes nothing" : where) << " |\n";
    }
    out << '\n';
}

void writeAppendix(std::ostream& out, const ReportModel& model)
{
    if (!model.sequenceDifferences.empty()) {
        out << "## The simulated destroy against the trail\n\n";
        for (const std::string& difference : model.sequenceDifferences)
            out << "- " << cell(difference) << '\n';
        out << '\n';
    }
    out << "## Evidence\n\n| File | Role | Bytes | SHA-256 |\n|---|---|---|---|\n";
    for (const EvidenceEntry& entry : model.evidence) {
        out << "| `" << cell(entry.path) << "` | " << cell(entry.role) << " | " << entry.size << " | `"
            << (entry.sha256.empty() ? "unreadable" : entry.sha256) << "` |\n";
    }
    out << '\n';
    if (!model.sources.empty()) {
        out << "## Sources\n\n";
        for (const SourceEntry& source : model.sources)
            out << "- **" << cell(source.id) << "** (" << source.kind << "): " << cell(source.title) << ", <"
                << source.url << ">\n";
        out << '\n';
    }
    if (!model.corrections.empty()) {
        out << "### Where the retelling differs from the primary sources\n\n";
        facts(out, model.corrections, "");
    }
    if (!model.reconstructed.empty())
        out << "### What is reconstructed\n\n" << cell(model.reconstructed) << "\n";
}

} // namespace

void MarkdownReport::write(std::ostream& out, const ReportModel& model)
{
    writeHeader(out, model);
    writeImpact(out, model);
    out << "## Trigger and root causes\n\n### Trigger\n\n";
    facts(out, model.triggers, "Not known from the evidence.");
    out << "### Root causes\n\n";
    facts(out, model.rootCauses, "Not known from the evidence.");
    writeResponse(out, model);
    out << "## Figures\n\nThe blast-radius graph and the timeline chart are in the HTML report (`blastline report "
           "--format html`); the graph alone: `blastline graph STATE --format svg`.\n\n";
    writeTimeline(out, model);
    out << "## What went well\n\n";
    facts(out, model.wentWell, "Nothing the evidence or the engine shows.");
    out << "## What went badly\n\n";
    facts(out, model.wentBadly, "Nothing the evidence or the engine shows.");
    out << "## Where we got lucky\n\n";
    facts(out, model.lucky, "Nothing the evidence shows.");
    writeActions(out, model);
    writeAppendix(out, model);
}

} // namespace blastline::report
