// SPDX-License-Identifier: MIT
#include "cli/CaseOutput.h"

#include "cli/JsonWriter.h"

#include "blastline/core/UtcTime.h"

#include <ostream>

namespace blastline::cli {

namespace {

std::string anchorOf(const core::NoteInput& note)
{
    if (note.atMs)
        return "at " + core::UtcTime::format(*note.atMs);
    if (note.eventId)
        return "on event #" + std::to_string(*note.eventId);
    return "on " + note.resourceAddress.value_or("");
}

const char* statusName(core::VerifyResult::Status status)
{
    switch (status) {
    case core::VerifyResult::Status::Ok:
        return "ok";
    case core::VerifyResult::Status::Changed:
        return "changed";
    case core::VerifyResult::Status::Missing:
        return "missing";
    }
    return "missing";
}

} // namespace

void CaseOutput::writeText(std::ostream& out, const core::CaseFile& caseFile)
{
    const core::CaseCounts counts = caseFile.counts();
    out << "Case " << caseFile.path().string() << ": " << counts.evidence << " evidence files from " << counts.imports
        << " imports; " << counts.states << " states, " << counts.resources << " resources, " << counts.recoveryPoints
        << " recovery points, " << counts.events << " events (" << counts.eventResources << " links to resources), "
        << counts.simulations << " simulations, " << counts.notes << " notes\n\nEvidence\n";
    for (const core::EvidenceRow& row : caseFile.evidence()) {
        out << "  " << row.importedAt << "  " << core::toString(row.kind) << "  " << row.path << "  " << row.size
            << " bytes  sha256:" << row.sha256 << "  blastline " << row.blastlineVersion
            << (row.embedded ? "  (embedded)" : "") << '\n';
    }
    const auto simulations = caseFile.simulations();
    if (!simulations.empty()) {
        out << "\nSimulations\n";
        for (const core::SimulationRow& row : simulations) {
            out << "  " << row.createdAt << "  " << row.simulation.kind << "  " << row.simulation.inputs
                << (row.simulation.safeguards.empty() ? "" : "  assuming " + row.simulation.safeguards) << '\n';
        }
    }
    const auto notes = caseFile.notes();
    if (!notes.empty()) {
        out << "\nNotes\n";
        for (const core::NoteRow& row : notes)
            out << "  " << row.createdAt << "  " << row.note.author << ", " << anchorOf(row.note) << ": "
                << row.note.text << '\n';
    }
}

void CaseOutput::writeJson(std::ostream& out, const core::CaseFile& caseFile)
{
    JsonWriter json(out);
    json.beginObject();
    json.field("schema", "blastline.case/1");
    json.field("path", caseFile.path().string());
    const core::CaseCounts counts = caseFile.counts();
    json.key("counts").beginObject();
    json.field("imports", counts.imports);
    json.field("evidence", counts.evidence);
    json.field("states", counts.states);
    json.field("resources", counts.resources);
    json.field("dependencies", counts.dependencies);
    json.field("recovery_points", counts.recoveryPoints);
    json.field("events", counts.events);
    json.field("event_resources", counts.eventResources);
    json.field("simulations", counts.simulations);
    json.field("notes", counts.notes);
    json.endObject();
    json.key("evidence").beginArray();
    for (const core::EvidenceRow& row : caseFile.evidence()) {
        json.beginObject();
        json.field("id", row.id);
        json.field("path", row.path);
        json.field("absolute_path", row.absolutePath);
        json.field("kind", std::string_view(core::toString(row.kind)));
        json.field("size", row.size);
        json.field("sha256", row.sha256);
        json.field("imported_at", row.importedAt);
        json.field("blastline_version", row.blastlineVersion);
        json.field("embedded", row.embedded);
        json.endObject();
    }
    json.endArray();
    json.key("simulations").beginArray();
    for (const core::SimulationRow& row : caseFile.simulations()) {
        json.beginObject();
        json.field("id", row.id);
        json.field("created_at", row.createdAt);
        json.field("kind", row.simulation.kind);
        json.field("inputs", row.simulation.inputs);
        json.field("safeguards", row.simulation.safeguards);
        json.field("blastline_version", row.simulation.blastlineVersion);
        json.endObject();
    }
    json.endArray();
    json.key("notes").beginArray();
    for (const core::NoteRow& row : caseFile.notes()) {
        json.beginObject();
        json.field("id", row.id);
        json.field("created_at", row.createdAt);
        json.field("author", row.note.author);
        json.key("at");
        row.note.atMs ? json.value(core::UtcTime::format(*row.note.atMs)) : json.null();
        json.key("event");
        row.note.eventId ? json.value(*row.note.eventId) : json.null();
        json.key("address").stringOrNull(row.note.resourceAddress.value_or(""));
        json.field("text", row.note.text);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

void CaseOutput::writeEventsText(std::ostream& out, const std::vector<core::EventRow>& events)
{
    for (const core::EventRow& event : events) {
        out << core::UtcTime::format(event.timeMs) << "  " << (event.acted ? "acted on " : "names    ")
            << core::toString(event.eventClass) << "  " << event.eventSource << " " << event.eventName << "  by "
            << event.principal << " (" << event.tool.name << ")";
        if (!event.errorCode.empty())
            out << "  FAILED " << event.errorCode;
        out << '\n';
    }
}

void CaseOutput::writeEventsJsonLines(std::ostream& out, const std::vector<core::EventRow>& events)
{
    JsonWriter json(out, JsonWriter::Layout::Lines);
    for (const core::EventRow& event : events) {
        json.beginObject();
        json.field("id", event.id);
        json.field("time", core::UtcTime::format(event.timeMs));
        json.key("event_id").stringOrNull(event.eventId);
        json.field("event_source", event.eventSource);
        json.field("event_name", event.eventName);
        json.field("class", std::string_view(core::toString(event.eventClass)));
        json.field("acted", event.acted);
        json.key("principal").stringOrNull(event.principal);
        json.field("tool", event.tool.name);
        json.key("error_code").stringOrNull(event.errorCode);
        json.endObject();
    }
}

bool CaseOutput::writeVerify(std::ostream& out, const std::vector<core::VerifyResult>& results)
{
    std::size_t bad = 0;
    for (const core::VerifyResult& result : results) {
        out << statusName(result.status) << "  " << result.evidence.path;
        if (result.status == core::VerifyResult::Status::Changed)
            out << "  (imported " << result.evidence.size << " bytes sha256:" << result.evidence.sha256 << ", now "
                << result.size << " bytes sha256:" << result.sha256 << ")";
        if (result.status == core::VerifyResult::Status::Missing)
            out << "  (" << result.problem << ")";
        out << '\n';
        bad += result.status == core::VerifyResult::Status::Ok ? 0 : 1;
    }
    out << results.size() - bad << " of " << results.size() << " evidence files are as imported\n";
    return bad == 0;
}

} // namespace blastline::cli
