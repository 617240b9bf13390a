// SPDX-License-Identifier: MIT
#include "blastline/report/HtmlReport.h"

#include "blastline/core/UtcTime.h"
#include "blastline/report/ReportBuilder.h"
#include "blastline/report/XmlText.h"

#include <cctype>
#include <ostream>

namespace blastline::report {

namespace {

using E = XmlText;

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d1d1d; margin: 0 auto; max-width: 1100px;
       padding: 24px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 3px; margin-top: 32px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #d5d9de; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef1f5; } tr.destructive td { background: #fbeceb; } tr.keytime td { background: #eaf1fb; }
.meta { color: #555; margin: 0 0 16px; padding: 0; list-style: none; }
.verdict { display: inline-block; padding: 2px 8px; border-radius: 4px; font-weight: bold; background: #eee; }
.verdict.data-loss, .fate.lost { background: #f6cfca; color: #7d1a14; }
.verdict.recoverable, .fate.recoverable, .fate.unknown, .verdict.unknown { background: #fbe3a8; color: #5c3900; }
.verdict.no-data-loss, .verdict.aborted, .fate.intact { background: #dcefdc; color: #1d4d20; }
.fate { padding: 1px 6px; border-radius: 3px; font-weight: bold; }
.src { color: #666; font-size: 12px; } .src a { color: #1f4e8c; }
.counterfactual { border: 2px solid #a26100; padding: 8px; background: #fff7e6; }
figure { margin: 12px 0; } svg.figure { max-width: 100%; height: auto; } figcaption { color: #555; font-size: 12px; }
code { background: #f3f3f3; padding: 0 3px; } .hash { font-family: monospace; font-size: 11px; word-break: break-all; }
.nothing { color: #777; } td.time { white-space: nowrap; font-size: 12px; }
@media print { body { max-width: none; } figure { page-break-inside: avoid; } }
)";

std::string sourcesOf(const std::vector<std::string>& sources)
{
    if (sources.empty())
        return {};
    std::string html = " <span class=\"src\">[";
    for (std::size_t i = 0; i < sources.size(); ++i)
        html += (i ? ", " : "") + std::string("<a href=\"#source-") + E::escape(sources[i]) + "\">"
            + E::escape(sources[i]) + "</a>";
    return html + "]</span>";
}

std::string cssClass(const std::string& text)
{
    std::string out;
    for (const char c : text)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
    return out;
}

void facts(std::ostream& out, const std::vector<ReportFact>& list, const char* none)
{
    if (list.empty()) {
        out << "<p class=\"nothing\">" << none << "</p>\n";
        return;
    }
    out << "<ul>\n";
    for (const ReportFact& fact : list)
        out << "<li>" << E::escape(fact.text) << sourcesOf(fact.sources) << "</li>\n";
    out << "</ul>\n";
}

std::string timeCell(std::int64_t timeMs, const std::string& local)
{
    return E::escape(core::UtcTime::format(timeMs)) + (local.empty() ? "" : "<br/>" + E::escape(local));
}

void writeHeader(std::ostream& out, const ReportModel& model)
{
    out << "<h1>Postmortem: " << E::escape(model.title) << "</h1>\n<ul class=\"meta\">\n";
    out << "<li>" << (model.kind == "case" ? "Case" : "Scenario") << ": <code>" << E::escape(model.id)
        << "</code></li>\n";
    if (!model.incidentWindow.empty())
        out << "<li>Incident: " << E::escape(model.incidentWindow) << "</li>\n";
    out << "<li>Generated: " << E::escape(model.generatedAt) << " by blastline report</li>\n";
    out << "<li>Times: UTC" << (model.timeZone.empty() ? "" : ", and local time in " + E::escape(model.timeZone))
        << "</li>\n</ul>\n";
    if (!model.assumed.empty()) {
        std::string names;
        for (const std::string& name : model.assumed)
            names += (names.empty() ? "" : ", ") + name;
        out << "<p class=\"counterfactual\">Replayed with the safeguards " << E::escape(names)
            << ": a counterfactual, not what happened.</p>\n";
    }
    out << "<h2 id=\"summary\">Summary</h2>\n<p>" << E::escape(model.summary) << "</p>\n<p>Verdict of the engine: "
        << "<span class=\"verdict " << cssClass(model.verdict) << "\">" << E::escape(model.verdict) << "</span></p>\n";
}

void writeImpact(std::ostream& out, const ReportModel& model)
{
    out << "<h2 id=\"impact\">Impact</h2>\n";
    if (model.impact.empty()) {
        out << "<p class=\"nothing\">No data store was deleted.</p>\n";
    } else {
        out << "<table><thead><tr><th>Data store</th><th>Type</th><th>Fate</th><th>At risk</th><th>Recovery points</th>"
            << "<th>Why</th></tr></thead><tbody>\n";
        for (const ImpactEntry& entry : model.impact) {
            out << "<tr><td><code>" << E::escape(entry.address) << "</code></td><td>" << E::escape(entry.type)
                << "</td><td><span class=\"fate " << cssClass(entry.fate) << "\">" << E::escape(entry.fate)
                << "</span></td><td>" << E::escape(entry.atRisk) << sourcesOf(entry.atRiskSources) << "</td><td>";
            if (entry.recoveryPoints.empty())
                out << "none";
            for (std::size_t i = 0; i < entry.recoveryPoints.size(); ++i)
                out << (i ? "<br/>" : "") << E::escape(entry.recoveryPoints[i]);
            out << "</td><td>" << E::escape(entry.explanation) << "</td></tr>\n";
        }
        out << "</tbody></table>\n";
    }
    facts(out, model.outage, "Not known from the evidence.");
}

void writeResponse(std::ostream& out, const ReportModel& model)
{
    out << "<h2 id=\"response\">Detection and response</h2>\n<table><thead><tr><th>Measure</th><th>Duration</th>"
        << "<th>Basis</th></tr></thead><tbody>\n";
    for (const ResponseTime& time : model.response) {
        out << "<tr><td>" << E::escape(time.name) << "</td><td>"
            << (time.known() ? E::escape(ReportBuilder::duration(*time.toMs - *time.fromMs))
                             : std::string("not known from the evidence"))
            << "</td><td>" << E::escape(time.basis) << sourcesOf(time.sources) << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
}

void writeFigures(std::ostream& out, const ReportModel& model)
{
    out << "<h2 id=\"figures\">Figures</h2>\n";
    if (!model.graphSvg.empty()) {
        out << "<figure>\n"
            << model.graphSvg << "<figcaption>The blast radius: the resources "
            << (model.kind == "case"
                       ? "of the case's latest state, coloured by what a full destroy does to them"
                       : "of the state of the replay's largest simulated run, coloured by what the replay did to them")
            << ", laid out as Terraform orders a destroy.</figcaption>\n</figure>\n";
    }
    out << "<figure>\n"
        << model.timelineSvg << "<figcaption>The incident on one axis (UTC): each mark an event of "
        << "the timeline below, by origin.</figcaption>\n</figure>\n";
}

void writeTimeline(std::ostream& out, const ReportModel& model)
{
    out << "<h2 id=\"timeline\">Timeline</h2>\n";
    for (const BurstEntry& burst : model.bursts) {
        out << "<p>Destructive burst: " << E::escape(core::UtcTime::format(burst.startMs)) << " to "
            << E::escape(core::UtcTime::format(burst.endMs)) << ", " << burst.deletes
            << (burst.deletes == 1 ? " delete (" : " deletes (") << burst.failed << " failed) by "
            << E::escape(burst.who) << ".</p>\n";
    }
    out << "<table><thead><tr><th>Time</th><th>Origin</th><th>Event</th></tr></thead><tbody>\n";
    for (const TimelineEntry& entry : model.timeline) {
        const char* rowClass = entry.origin == "key time" ? " class=\"keytime\""
            : entry.destructive                           ? " class=\"destructive\""
                                                          : "";
        out << "<tr" << rowClass << "><td class=\"time\">" << timeCell(entry.timeMs, entry.local) << "</td><td>"
            << E::escape(entry.origin) << "</td><td>" << E::escape(entry.text)
            << (entry.failed ? " <b>(failed)</b>" : "") << sourcesOf(entry.sources) << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
}

void writeActions(std::ostream& out, const ReportModel& model)
{
    out << "<h2 id=\"actions\">Action items</h2>\n<p>Each safeguard replayed alone by the engine, ranked by its "
        << "effect on the data (final verdict, then data stores saved).</p>\n<table><thead><tr><th>#</th>"
        << "<th>Safeguard</th><th>Verdict with it</th><th>What changes</th><th>Where it would have acted</th></tr>"
        << "</thead><tbody>\n";
    for (const ActionItem& item : model.actionItems) {
        out << "<tr><td>" << item.rank << "</td><td><code>" << E::escape(item.safeguard) << "</code><br/>"
            << E::escape(item.assumption) << "</td><td><span class=\"verdict " << cssClass(item.verdict) << "\">"
            << E::escape(item.verdict) << "</span></td><td>";
        if (item.changes.empty())
            out << "no data store's fate changes";
        for (std::size_t i = 0; i < item.changes.size(); ++i)
            out << (i ? "<br/>" : "") << E::escape(item.changes[i]);
        out << "</td><td>";
        if ((item.changesNothing && item.actsAt.empty()) || (!item.actsAtMs && item.actsAt.empty()))
            out << "changes nothing";
        else if (!item.actsAtMs)
            out << E::escape(item.actsAt);
        else
            out << timeCell(*item.actsAtMs, item.actsAtLocal) << ": " << E::escape(item.actsAt);
        out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
}

void writeAppendix(std::ostream& out, const ReportModel& model)
{
    if (!model.sequenceDifferences.empty()) {
        out << "<h2 id=\"sequence\">The simulated destroy against the trail</h2>\n<ul>\n";
        for (const std::string& difference : model.sequenceDifferences)
            out << "<li>" << E::escape(difference) << "</li>\n";
        out << "</ul>\n";
    }
    out << "<h2 id=\"evidence\">Evidence</h2>\n<table><thead><tr><th>File</th><th>Role</th><th>Bytes</th>"
        << "<th>SHA-256</th></tr></thead><tbody>\n";
    for (const EvidenceEntry& entry : model.evidence) {
        out << "<tr><td><code>" << E::escape(entry.path) << "</code></td><td>" << E::escape(entry.role) << "</td><td>"
            << entry.size << "</td><td class=\"hash\">"
            << (entry.sha256.empty() ? "unreadable" : E::escape(entry.sha256)) << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
    if (!model.sources.empty()) {
        out << "<h2 id=\"sources\">Sources</h2>\n<ul>\n";
        for (const SourceEntry& source : model.sources) {
            out << "<li id=\"source-" << E::escape(source.id) << "\"><b>" << E::escape(source.id) << "</b> ("
                << E::escape(source.kind) << "): " << E::escape(source.title) << ", " << E::escape(source.url)
                << "</li>\n";
        }
        out << "</ul>\n";
    }
    if (!model.corrections.empty()) {
        out << "<h3>Where the retelling differs from the primary sources</h3>\n";
        facts(out, model.corrections, "");
    }
    if (!model.reconstructed.empty())
        out << "<h3>What is reconstructed</h3>\n<p>" << E::escape(model.reconstructed) << "</p>\n";
}

} // namespace

void HtmlReport::write(std::ostream& out, const ReportModel& model)
{
    out << "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        << "<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"blastline report\"/>\n<title>Postmortem: "
        << E::escape(model.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    writeHeader(out, model);
    writeImpact(out, model);
    out << "<h2 id=\"causes\">Trigger and root causes</h2>\n<h3>Trigger</h3>\n";
    facts(out, model.triggers, "Not known from the evidence.");
    out << "<h3>Root causes</h3>\n";
    facts(out, model.rootCauses, "Not known from the evidence.");
    writeResponse(out, model);
    writeFigures(out, model);
    writeTimeline(out, model);
    out << "<h2 id=\"went-well\">What went well</h2>\n";
    facts(out, model.wentWell, "Nothing the evidence or the engine shows.");
    out << "<h2 id=\"went-badly\">What went badly</h2>\n";
    facts(out, model.wentBadly, "Nothing the evidence or the engine shows.");
    out << "<h2 id=\"lucky\">Where we got lucky</h2>\n";
    facts(out, model.lucky, "Nothing the evidence shows.");
    writeActions(out, model);
    writeAppendix(out, model);
    out << "</body>\n</html>\n";
}

} // namespace blastline::report
