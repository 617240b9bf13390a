// SPDX-License-Identifier: MIT
#include "cli/ReplayCommand.h"

#include "cli/AnalysisInputs.h"
#include "cli/Cli.h"
#include "cli/JsonWriter.h"
#include "cli/OutputStyle.h"
#include "blastline/importers/ScenarioSession.h"
#include "cli/TextList.h"

#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/Error.h"
#include "blastline/core/ReplayEngine.h"
#include "blastline/core/Scenario.h"
#include "blastline/core/UtcTime.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <optional>
#include <ostream>

namespace blastline::cli {

namespace {

/** "deletion-protection, ..., remote-state, approval-gate, separate-state". */
std::string replaySafeguardNames()
{
    std::string names = AnalysisInputs::safeguardNames();
    for (const std::string_view process : core::kProcessSafeguards)
        names.append(", ").append(process);
    return names;
}

std::string date(std::int64_t timeMs)
{
    return core::UtcTime::format(timeMs).substr(0, 10);
}

/** What the run read and computed, for both outputs. */
struct ReplayReport
{
    const core::Scenario& scenario;
    const core::ReplayResult& result;
    std::optional<core::ReplayWorld> world; // with --at
};

void writeJson(std::ostream& out, const ReplayReport& report)
{
    const core::ScenarioMetadata& metadata = report.scenario.metadata;
    const core::ReplayResult& result = report.result;
    JsonWriter json(out);
    json.beginObject();
    json.field("schema", "blastline.replay/1");

    json.key("scenario").beginObject();
    json.field("id", metadata.id);
    json.field("title", metadata.title);
    json.key("incident").beginObject();
    json.field("start", core::UtcTime::format(metadata.incidentStart));
    json.field("end", core::UtcTime::format(metadata.incidentEnd));
    json.endObject();
    json.key("sources").beginArray();
    for (const core::ScenarioSource& source : metadata.sources) {
        json.beginObject();
        json.field("id", source.id);
        json.field("title", source.title);
        json.field("url", source.url);
        json.field("kind", core::toString(source.kind));
        json.endObject();
    }
    json.endArray();
    json.key("reconstructed").stringOrNull(metadata.reconstructed);
    json.endObject();

    json.key("safeguards").stringArray(result.safeguards);

    json.key("events").beginArray();
    for (const core::ReplayEvent& event : result.events) {
        json.beginObject();
        json.field("time", core::UtcTime::format(event.timeMs));
        json.field("origin", core::toString(event.origin));
        json.field("text", event.text);
        json.key("event_name").stringOrNull(event.eventName);
        json.key("addresses").stringArray(event.addresses);
        json.key("outcome").stringOrNull(event.outcome);
        json.endObject();
    }
    json.endArray();

    json.key("state_at");
    if (report.world) {
        json.beginObject();
        json.field("time", core::UtcTime::format(report.world->timeMs));
        json.key("alive").stringArray(report.world->alive);
        json.key("deleted").stringArray(report.world->deleted);
        json.key("failed").stringArray(report.world->failed);
        json.endObject();
    } else {
        json.null();
    }

    json.key("outcome").beginObject();
    json.field("verdict", core::toString(result.outcome.verdict));
    json.key("data_stores").beginArray();
    for (const core::ReplayOutcome::DataStore& store : result.outcome.dataStores) {
        json.beginObject();
        json.field("address", store.address);
        json.field("fate", core::toString(store.fate));
        json.field("explanation", store.explanation);
        json.endObject();
    }
    json.endArray();
    json.key("notes").beginArray();
    for (const std::string& note : result.outcome.notes)
        json.value(note);
    json.endArray();
    json.endObject();

    json.key("divergence");
    if (result.divergence) {
        json.beginObject();
        json.field("time", core::UtcTime::format(result.divergence->timeMs));
        json.field("description", result.divergence->description);
        json.endObject();
    } else {
        json.null();
    }

    json.key("sequence_differences").stringArray(result.sequenceDifferences);
    json.endObject();
    out << '\n';
}

std::string styledFate(const OutputStyle& style, core::DataFate fate)
{
    const std::string name = core::toString(fate);
    switch (fate) {
    case core::DataFate::Lost:
        return style.red(name);
    case core::DataFate::Recoverable:
    case core::DataFate::Unknown:
        return style.yellow(name);
    case core::DataFate::Intact:
        return style.green(name);
    }
    return name;
}

std::string styledVerdict(const OutputStyle& style, core::Verdict verdict)
{
    const std::string name = core::toString(verdict);
    switch (verdict) {
    case core::Verdict::DataLoss:
        return style.red(name);
    case core::Verdict::Unknown:
    case core::Verdict::Recoverable:
        return style.yellow(name);
    case core::Verdict::Aborted:
    case core::Verdict::NoDataLoss:
        return style.green(name);
    }
    return name;
}

void writeText(std::ostream& out, const ReplayReport& report, const OutputStyle& style)
{
    constexpr std::size_t kTagWidth = 13; // "[cloudtrail]" and a space
    const core::ScenarioMetadata& metadata = report.scenario.metadata;
    const core::ReplayResult& result = report.result;

    out << style.bold("Replay: " + metadata.title) << " (" << metadata.id << ")\n";
    out << "Incident: " << date(metadata.incidentStart);
    if (date(metadata.incidentEnd) != date(metadata.incidentStart))
        out << " to " << date(metadata.incidentEnd);
    out << '\n';
    out << "Safeguards: "
        << (result.safeguards.empty() ? std::string("none (as it happened)") : joined(result.safeguards)) << "\n\n";

    out << style.bold("Outcome: ") << styledVerdict(style, result.outcome.verdict) << '\n';
    for (const core::ReplayOutcome::DataStore& store : result.outcome.dataStores) {
        out << "  " << store.address << ": " << styledFate(style, store.fate) << '\n';
        if (!store.explanation.empty())
            out << "    " << store.explanation << '\n';
    }
    if (result.outcome.dataStores.empty())
        out << "  (no data stores deleted)\n";
    for (const std::string& note : result.outcome.notes)
        out << "  Note: " << note << '\n';

    if (result.divergence) {
        out << '\n'
            << style.bold("Divergence") << " at " << core::UtcTime::format(result.divergence->timeMs) << ": "
            << result.divergence->description << '\n';
    }
    if (!result.sequenceDifferences.empty()) {
        out << '\n' << style.bold("Simulated sequence against the trail:") << '\n';
        for (const std::string& difference : result.sequenceDifferences)
            out << "  - " << difference << '\n';
    }

    out << '\n' << style.bold("Events:") << '\n';
    for (const core::ReplayEvent& event : result.events) {
        const std::string tag = std::string("[") + core::toString(event.origin) + "]";
        out << "  " << core::UtcTime::format(event.timeMs) << "  " << style.dim(tag)
            << std::string(kTagWidth - std::min(tag.size(), kTagWidth - 1), ' ') << event.text;
        // The addresses the text does not already name ("destroyed aws_x.y" names its own).
        std::vector<std::string> unnamed;
        for (const std::string& address : event.addresses) {
            if (event.text.find(address) == std::string::npos)
                unnamed.push_back(address);
        }
        if (!unnamed.empty())
            out << " (" << joined(unnamed) << ")";
        // A simulated event says its outcome in its text ("skipped ...", "... stops it"); a recorded one only
        // ends in its error code, so it gets the mark.
        if (event.outcome == "failed" && event.origin == core::ReplayEvent::Origin::CloudTrail)
            out << " " << style.red("FAILED");
        out << '\n';
    }
    if (result.events.empty())
        out << "  (none)\n";

    if (report.world) {
        const core::ReplayWorld& world = *report.world;
        out << '\n'
            << style.bold("World at " + core::UtcTime::format(world.timeMs) + ":") << ' ' << world.alive.size()
            << " alive, " << world.deleted.size() << " deleted, " << world.failed.size() << " failed to delete\n";
        for (const std::string& address : world.deleted)
            out << "  deleted: " << address << '\n';
        for (const std::string& address : world.failed)
            out << "  failed:  " << address << '\n';
    }

    if (!metadata.reconstructed.empty())
        out << '\n' << style.dim("Reconstructed: " + metadata.reconstructed) << '\n';
}

} // namespace

void ReplayCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("replay",
        "Replay an incident scenario (blastline.scenario/2): its commands simulated, its trail and narrative "
        "merged on one timeline, and what the data would have become under other safeguards");
    command->add_option("SCENARIO", m_scenario, "A scenario folder, or its scenario.json")->required();
    command->add_option("--at", m_at,
        "Also show the world at this time (ISO 8601 with its zone, e.g. 2026-02-26T22:02:00Z): which of the "
        "states' resources are alive, deleted or failed to delete");
    command->add_option(
        "--assume", m_assumptions, "Replay as if this safeguard were in place (repeatable): " + replaySafeguardNames());
    command->add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
    command->add_option("--format", m_format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));
}

int ReplayCommand::run(std::ostream& out, std::ostream& err) const
{
    // The cheap checks first: a mistyped option should not wait for the evidence to be read.
    std::optional<std::int64_t> at;
    if (!m_at.empty()) {
        at = core::UtcTime::parse(m_at);
        if (!at)
            throw core::InputError("--at " + m_at
                + ": expected an ISO 8601 time with its zone, such as 2026-02-26T22:00:00Z, or a date, such as "
                  "2026-02-26");
    }
    for (const std::string& name : m_assumptions) {
        if (!core::isScenarioSafeguard(name))
            throw core::InputError("--assume " + name + ": not a safeguard; expected one of " + replaySafeguardNames());
    }

    const importers::ScenarioSession session(m_scenario, m_ruleFiles);
    const core::Scenario& scenario = session.scenario();
    const core::ReplayResult result = session.engine().run(m_assumptions);

    ReplayReport report {scenario, result, std::nullopt};
    if (at)
        report.world = result.worldAt(*at);
    if (m_format == "json")
        writeJson(out, report);
    else
        writeText(out, report, OutputStyle::forStdout());

    // As in `timeline`: the replay holds every trail file that could be read; the others are named here.
    return session.reportUnreadable(err) ? ExitIncompleteInput : ExitOk;
}

} // namespace blastline::cli
