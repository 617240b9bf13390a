// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::report {

// The postmortem as plain values, after the blameless template of Google's SRE book: every entry is a fact of the
// evidence, the scenario (with its sources) or the engines, put in words by ReportBuilder. The writers
// (MarkdownReport, HtmlReport) only lay it out. Times are UTC milliseconds; `local` texts are in the --tz zone.

/** A statement of the report with the scenario sources it rests on (ids into ReportModel::sources). */
struct ReportFact
{
    std::string text;
    std::vector<std::string> sources;
};

/** One data store and what became of it in the replay (or the destroy) as it happened. */
struct ImpactEntry
{
    std::string address;
    std::string type;
    std::string fate; // the engine's: "lost", "recoverable", "intact", "unknown"
    std::string explanation; // the engine's
    std::string atRisk; // size or rows where the evidence says, else "not known from the evidence"
    std::vector<std::string> recoveryPoints; // "automated-backups: deleted", as the engine judged them
    std::vector<std::string> atRiskSources; // the scenario sources that say what was at risk, when a source does
};

/** Time to detect, to mitigate, to recover: from the start of the impact to a named key time. */
struct ResponseTime
{
    std::string name; // "Time to detect"
    std::optional<std::int64_t> fromMs; // the start of the impact
    std::optional<std::int64_t> toMs; // the key time
    std::string basis; // which instants, and from where; or why it is not known
    std::vector<std::string> sources;
    bool known() const { return fromMs && toMs; }
};

struct TimelineEntry
{
    std::int64_t timeMs = 0;
    std::string local; // in the --tz zone; empty without one
    std::string origin; // "cloudtrail", "narrative", "simulated", "decision", "key time", "note"
    std::string text;
    bool failed = false;
    bool destructive = false; // a recorded destructive call, or a simulated delete
    std::vector<std::string> sources;
};

struct KeyTimeEntry
{
    std::string name;
    std::int64_t timeMs = 0;
    std::string local;
    std::vector<std::string> sources;
};

/** A run of deletes by one principal: the destroy as the trail (or the simulation) shows it. */
struct BurstEntry
{
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::size_t deletes = 0;
    std::size_t failed = 0;
    std::string who; // principal and tool, or "simulated destroy"
};

/** A safeguard the counterfactual engine ran alone, ranked by its effect on the data. */
struct ActionItem
{
    int rank = 0;
    std::string safeguard;
    std::string assumption;
    std::string verdict; // the final verdict under the safeguard
    std::vector<std::string> changes; // "aws_rds_cluster.x: lost → intact"
    std::optional<std::int64_t> actsAtMs; // the step where it would have acted
    std::string actsAtLocal;
    std::string actsAt; // that step, in words
    bool changesNothing = false;
};

struct EvidenceEntry
{
    std::string path; // relative to the scenario folder, or as the case recorded it
    std::string role;
    std::uint64_t size = 0;
    std::string sha256; // empty for a folder's entry when it could not be read
};

struct SourceEntry
{
    std::string id;
    std::string title;
    std::string url;
    std::string kind; // "primary", "primary-draft", "primary-code", "secondary"
};

struct ReportModel
{
    std::string kind; // "scenario" or "case"
    std::string id; // the scenario id, or the case file's name
    std::string title;
    std::string incidentWindow; // "2026-02-26T21:00:00Z to 2026-02-27T21:23:35Z"
    std::string generatedAt; // UTC, when the report was written (the only line that changes between runs)
    std::string timeZone; // the --tz zone's name, empty for UTC only
    std::vector<std::string> assumed; // --assume safeguards the report's replay ran with

    std::string summary; // the scenario's summary, or the case's counts
    std::string verdict; // the engine's final verdict
    std::vector<ImpactEntry> impact;
    std::vector<ReportFact> outage; // what was down and for how long
    std::vector<ReportFact> triggers;
    std::vector<ReportFact> rootCauses;
    std::vector<ResponseTime> response;
    std::vector<KeyTimeEntry> keyTimes;
    std::vector<BurstEntry> bursts;
    std::vector<TimelineEntry> timeline;
    std::vector<ReportFact> wentWell;
    std::vector<ReportFact> wentBadly;
    std::vector<ReportFact> lucky;
    std::vector<ActionItem> actionItems;
    std::vector<std::string> sequenceDifferences; // the simulated destroy against the recorded one
    std::vector<EvidenceEntry> evidence;
    std::vector<SourceEntry> sources;
    std::vector<ReportFact> corrections; // where the retelling and the primary sources differ
    std::string reconstructed; // what is reconstructed rather than recorded

    std::string graphSvg; // the blast-radius graph (GraphSvg), empty when nothing was simulated
    std::string timelineSvg; // the timeline chart (TimelineChartSvg)
};

} // namespace blastline::report
