// SPDX-License-Identifier: MIT
#include "cli/TimelineJson.h"

#include "cli/JsonWriter.h"
#include "cli/TextList.h"
#include "cli/TimelineReport.h"

#include "blastline/core/UtcTime.h"

#include <ostream>

namespace blastline::cli {

namespace {

using core::StringId;

void stringOrNull(JsonWriter& json, std::string_view name, std::string_view text)
{
    json.key(name).stringOrNull(text);
}

void writeToolFields(JsonWriter& json, const core::ToolIdentity& tool)
{
    json.field("tool", tool.name);
    json.field("tool_kind", std::string_view(toString(tool.kind)));
    stringOrNull(json, "tool_version", tool.version);
    stringOrNull(json, "provider_version", tool.providerVersion);
}

void writeBackups(JsonWriter& json, const std::vector<core::BackupEffect>& effects)
{
    json.key("backups").beginArray();
    for (const core::BackupEffect& effect : effects) {
        json.beginObject();
        json.field("kind", std::string_view(toString(effect.kind)));
        json.field("fate", std::string_view(toString(effect.fate)));
        stringOrNull(json, "subject", effect.subject);
        json.field("basis", effect.basis);
        json.endObject();
    }
    json.endArray();
}

std::vector<std::string> identifiersOf(const TimelineReport& report, const core::TrailEvent& event)
{
    std::vector<std::string> out;
    for (StringId id : event.identifiers)
        out.emplace_back(report.trail.text(id));
    return out;
}

/** One line a person reads in Timesketch's event list. */
std::string messageOf(const TimelineReport& report, const core::TrailEvent& event, std::size_t index)
{
    const core::Trail& trail = report.trail;
    std::string message = std::string(trail.text(event.eventName));
    const std::vector<std::string> resources = identifiersOf(report, event);
    if (!resources.empty())
        message += " " + resources.front();
    const std::vector<std::string> addresses = report.addresses(index, false);
    if (!addresses.empty())
        message += " (" + joined(addresses) + ")";
    message += " by " + TimelineReport::shortPrincipal(trail.text(event.principal));
    message += " with " + trail.tool(event.tool).name;
    if (event.failed())
        message += " FAILED " + std::string(trail.text(event.errorCode));
    return message;
}

/** The fields every event has, in every JSON form; `listsAsText` for Timesketch, which wants flat values. */
void writeEventFields(JsonWriter& json, const TimelineReport& report, std::size_t index, bool listsAsText)
{
    const core::Trail& trail = report.trail;
    const core::TrailEvent& event = trail.events()[index];
    json.field("time", core::UtcTime::format(event.timeMs));
    stringOrNull(json, "event_id", trail.text(event.eventId));
    json.field("event_source", trail.text(event.eventSource));
    json.field("event_name", trail.text(event.eventName));
    stringOrNull(json, "event_type", trail.text(event.eventType));
    stringOrNull(json, "region", trail.text(event.region));
    stringOrNull(json, "account", trail.text(event.account));
    stringOrNull(json, "principal", trail.text(event.principal));
    stringOrNull(json, "principal_type", trail.text(event.principalType));
    stringOrNull(json, "session_issuer", trail.text(event.sessionIssuer));
    stringOrNull(json, "user_name", trail.text(event.userName));
    stringOrNull(json, "access_key_id", trail.text(event.accessKeyId));
    writeToolFields(json, trail.tool(event.tool));
    stringOrNull(json, "user_agent", trail.text(event.userAgent));
    stringOrNull(json, "source_ip", trail.text(event.sourceIp));
    json.field("read_only", event.readOnly);
    stringOrNull(json, "error_code", trail.text(event.errorCode));
    stringOrNull(json, "error_message", trail.text(event.errorMessage));
    json.field("class", std::string_view(toString(event.eventClass)));
    json.field("destructive", event.destructive());
    const std::vector<std::string> resources = identifiersOf(report, event);
    const std::vector<std::string> addresses = report.addresses(index, false);
    const std::vector<std::string> actedOn = report.addresses(index, true);
    if (listsAsText) {
        json.field("resources", joined(resources));
        json.field("addresses", joined(addresses));
        json.field("acted_on", joined(actedOn));
    } else {
        json.key("resources").stringArray(resources);
        json.key("addresses").stringArray(addresses);
        json.key("acted_on").stringArray(actedOn);
        writeBackups(json, event.backupEffects);
    }
    json.field("file", trail.inputs()[event.input].path);
}

/** The whole record (with --records), as it was, secrets redacted: the fields no column above has. */
void writeRecord(JsonWriter& json, const TimelineReport& report, const core::TrailEvent& event)
{
    if (event.record == 0)
        return;
    json.key("record").rawValue(report.trail.text(event.record));
}

void writeInputs(JsonWriter& json, const core::Trail& trail)
{
    json.key("inputs").beginArray();
    for (const core::TrailInput& input : trail.inputs()) {
        json.beginObject();
        json.field("path", input.path);
        json.key("format").stringOrNull(input.format);
        json.field("compressed", input.compressed);
        json.field("bytes", input.bytes);
        json.field("records", input.records);
        json.field("kept", input.kept);
        json.field("skipped", input.skipped);
        json.key("warning").stringOrNull(input.warning);
        json.key("error").stringOrNull(input.error);
        if (input.errorOffset)
            json.field("error_offset", *input.errorOffset);
        else
            json.key("error_offset").null();
        json.endObject();
    }
    json.endArray();
}

void writeActors(JsonWriter& json, const TimelineReport& report, std::string_view name,
    const std::vector<core::DestructionActor>& actors)
{
    json.key(name).beginArray();
    for (const core::DestructionActor& actor : actors) {
        json.beginObject();
        if (actor.principal != 0)
            json.field("principal", report.trail.text(actor.principal));
        json.field("tool", report.trail.tool(actor.tool).name);
        json.field("destructive", static_cast<std::uint64_t>(actor.destructive));
        json.field("failed", static_cast<std::uint64_t>(actor.failed));
        json.endObject();
    }
    json.endArray();
}

void writeEventRefs(
    JsonWriter& json, const TimelineReport& report, std::string_view name, const std::vector<std::size_t>& events)
{
    json.key(name).beginArray();
    for (std::size_t index : events) {
        const core::TrailEvent& event = report.trail.events()[index];
        json.beginObject();
        json.field("time", core::UtcTime::format(event.timeMs));
        json.key("event_id").stringOrNull(report.trail.text(event.eventId));
        json.field("event_name", report.trail.text(event.eventName));
        json.key("error_code").stringOrNull(report.trail.text(event.errorCode));
        json.key("error_message").stringOrNull(report.trail.text(event.errorMessage));
        json.endObject();
    }
    json.endArray();
}

void writeSummary(JsonWriter& json, const TimelineReport& report)
{
    const core::TrailSummary& summary = report.summary;
    json.key("summary").beginObject();
    json.field("events", static_cast<std::uint64_t>(summary.events));
    json.field("destructive", static_cast<std::uint64_t>(summary.destructive));
    json.field("duplicates_removed", static_cast<std::uint64_t>(report.trail.duplicatesRemoved()));
    json.key("first_destructive");
    if (summary.firstDestructive) {
        const core::TrailEvent& event = report.trail.events()[*summary.firstDestructive];
        json.beginObject();
        json.field("time", core::UtcTime::format(event.timeMs));
        json.key("event_id").stringOrNull(report.trail.text(event.eventId));
        json.field("event_name", report.trail.text(event.eventName));
        json.key("principal").stringOrNull(report.trail.text(event.principal));
        json.endObject();
    } else {
        json.null();
    }
    writeActors(json, report, "principals", summary.principals);
    writeActors(json, report, "tools", summary.tools);
    json.key("bursts").beginArray();
    for (const core::DeletionBurst& burst : summary.bursts) {
        json.beginObject();
        json.field("principal", report.trail.text(burst.principal));
        json.key("tools").beginArray();
        for (std::uint32_t tool : burst.tools)
            json.value(report.trail.tool(tool).name);
        json.endArray();
        json.field("start", core::UtcTime::format(burst.startMs));
        json.field("end", core::UtcTime::format(burst.endMs));
        json.field("deletes", static_cast<std::uint64_t>(burst.deletes));
        json.field("failed", static_cast<std::uint64_t>(burst.failed));
        json.endObject();
    }
    json.endArray();
    json.key("failed_destructive").beginArray();
    for (const core::FailedCall& call : summary.failedDestructive) {
        const core::TrailEvent& event = report.trail.events()[call.event];
        json.beginObject();
        json.field("time", core::UtcTime::format(event.timeMs));
        json.key("event_id").stringOrNull(report.trail.text(event.eventId));
        json.field("event_name", report.trail.text(event.eventName));
        json.key("error_code").stringOrNull(report.trail.text(event.errorCode));
        json.key("error_message").stringOrNull(report.trail.text(event.errorMessage));
        json.key("retried_at");
        call.laterSuccess ? json.value(core::UtcTime::format(report.trail.events()[*call.laterSuccess].timeMs))
                          : json.null();
        json.endObject();
    }
    json.endArray();
    writeEventRefs(json, report, "backup_events", summary.backupEvents);
    if (report.correlator) {
        json.key("deleted_addresses").stringArray(summary.deletedAddresses);
        json.key("survived_addresses").stringArray(summary.survivedAddresses);
        json.key("untouched_addresses").stringArray(summary.untouchedAddresses);
    }
    json.endObject();
}

void writeComparison(JsonWriter& json, const TimelineReport& report)
{
    json.key("state_comparison");
    if (!report.comparison) {
        json.null();
        return;
    }
    json.beginObject();
    json.key("states").beginArray();
    for (const core::TerraformState& state : report.states) {
        json.beginObject();
        json.field("path", state.path);
        json.key("lineage").stringOrNull(state.lineage);
        json.field("serial", state.serial);
        json.endObject();
    }
    json.endArray();
    json.key("lineage").beginArray();
    for (const core::StateLineageRelation& relation : report.comparison->lineage) {
        json.beginObject();
        json.field("relation", std::string_view(toString(relation.kind)));
        json.field("first", report.states[relation.first].path);
        json.field("second", report.states[relation.second].path);
        json.endObject();
    }
    json.endArray();
    json.key("disagreements").beginArray();
    for (const core::StateDisagreement& disagreement : report.comparison->disagreements) {
        const core::TrailEvent& event = report.trail.events()[disagreement.event];
        json.beginObject();
        json.field("kind", std::string_view(toString(disagreement.kind)));
        json.field("time", core::UtcTime::format(event.timeMs));
        json.key("event_id").stringOrNull(report.trail.text(event.eventId));
        json.field("event_name", report.trail.text(event.eventName));
        json.key("resources").stringArray(identifiersOf(report, event));
        std::vector<std::string> addresses;
        for (const auto& holder : disagreement.holders)
            addresses.push_back(report.correlator->addressOf(holder));
        json.key("addresses").stringArray(addresses);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

} // namespace

namespace {

void writeDocumentWith(std::ostream& out, const TimelineReport& report, bool withEvents)
{
    JsonWriter json(out);
    json.beginObject();
    json.field("schema", "blastline.timeline/1");
    writeInputs(json, report.trail);
    json.key("filter").beginObject();
    json.field("only", TimelineReport::scopeName(report.filter.scope));
    json.key("from");
    report.filter.fromMs ? json.value(core::UtcTime::format(*report.filter.fromMs)) : json.null();
    json.key("to");
    report.filter.toMs ? json.value(core::UtcTime::format(*report.filter.toMs)) : json.null();
    json.key("principal").stringOrNull(report.filter.principal);
    json.endObject();
    writeSummary(json, report);
    writeComparison(json, report);
    if (withEvents) {
        json.key("events").beginArray();
        for (std::size_t i = 0; i < report.trail.events().size(); ++i) {
            json.beginObject();
            writeEventFields(json, report, i, false);
            writeRecord(json, report, report.trail.events()[i]);
            json.endObject();
        }
        json.endArray();
    }
    json.endObject();
}

} // namespace

void TimelineJson::writeDocument(std::ostream& out, const TimelineReport& report)
{
    writeDocumentWith(out, report, true);
}

void TimelineJson::writeSummaryDocument(std::ostream& out, const TimelineReport& report)
{
    writeDocumentWith(out, report, false);
}

void TimelineJson::writeLines(std::ostream& out, const TimelineReport& report, Flavour flavour)
{
    JsonWriter json(out, JsonWriter::Layout::Lines);
    for (std::size_t i = 0; i < report.trail.events().size(); ++i) {
        const core::TrailEvent& event = report.trail.events()[i];
        json.beginObject();
        if (flavour == Flavour::Timesketch) {
            json.field("message", messageOf(report, event, i));
            json.field("datetime", core::UtcTime::format(event.timeMs));
            json.field("timestamp", event.timeMs * 1000); // microseconds, as Timesketch stores them
            json.field("timestamp_desc", "Event Time");
            json.field("data_type", "aws:cloudtrail:event");
        }
        writeEventFields(json, report, i, flavour == Flavour::Timesketch);
        writeRecord(json, report, event);
        json.endObject();
    }
}

} // namespace blastline::cli
