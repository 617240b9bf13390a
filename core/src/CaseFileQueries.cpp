// SPDX-License-Identifier: MIT
#include "CaseEncoding.h"
#include "CaseSupport.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/sqlite/Statement.h"

namespace blastline::core {

namespace {

constexpr const char* kEvidenceColumns =
    "SELECT e.id, e.import_id, e.path, e.absolute_path, e.kind, e.size, e.sha256, e.imported_at, "
    "i.blastline_version, e.content IS NOT NULL FROM evidence e JOIN imports i ON i.id = e.import_id ";

EvidenceRow evidenceRow(const sqlite::Statement& row)
{
    EvidenceRow evidence;
    evidence.id = row.columnInt64(0);
    evidence.importId = row.columnInt64(1);
    evidence.path = row.columnText(2);
    evidence.absolutePath = row.columnText(3);
    evidence.kind = casefile::evidenceKindFrom(row.columnText(4));
    evidence.size = static_cast<std::uint64_t>(row.columnInt64(5));
    evidence.sha256 = row.columnText(6);
    evidence.importedAt = row.columnText(7);
    evidence.blastlineVersion = row.columnText(8);
    evidence.embedded = row.columnInt64(9) != 0;
    return evidence;
}

// Every text of an event resolved through the `timeline` view; `acted` comes from the link, when there is one.
constexpr const char* kEventColumns =
    "t.id, t.evidence_id, t.time_ms, t.cloudtrail_event_id, t.event_source, t.event_name, t.event_type, "
    "t.class, t.read_only, t.account, t.region, t.principal, t.principal_type, t.session_issuer, t.user_name, "
    "t.access_key_id, t.source_ip, t.user_agent, t.tool_kind, t.tool_name, t.tool_version, t.provider_version, "
    "t.error_code, t.error_message, t.record";

EventRow eventRow(const sqlite::Statement& row)
{
    EventRow event;
    int column = 0;
    const auto text = [&] { return row.columnText(column++); };
    event.id = row.columnInt64(column++);
    event.evidenceId = row.columnInt64(column++);
    event.timeMs = row.columnInt64(column++);
    event.eventId = text();
    event.eventSource = text();
    event.eventName = text();
    event.eventType = text();
    event.eventClass = casefile::eventClassFrom(text());
    event.readOnly = row.columnInt64(column++) != 0;
    event.account = text();
    event.region = text();
    event.principal = text();
    event.principalType = text();
    event.sessionIssuer = text();
    event.userName = text();
    event.accessKeyId = text();
    event.sourceIp = text();
    event.userAgent = text();
    event.tool.kind = casefile::toolKindFrom(text());
    event.tool.name = text();
    event.tool.version = text();
    event.tool.providerVersion = text();
    event.errorCode = text();
    event.errorMessage = text();
    event.record = text();
    return event;
}

} // namespace

std::vector<EvidenceRow> CaseFile::evidence() const
{
    sqlite::Statement select(m_database, std::string(kEvidenceColumns) + "ORDER BY e.id");
    std::vector<EvidenceRow> rows;
    while (select.step())
        rows.push_back(evidenceRow(select));
    return rows;
}

std::optional<EvidenceRow> CaseFile::findEvidence(std::string_view sha256) const
{
    sqlite::Statement select(m_database, std::string(kEvidenceColumns) + "WHERE e.sha256 = ?1 ORDER BY e.id LIMIT 1");
    select.bind(1, sha256);
    if (!select.step())
        return std::nullopt;
    return evidenceRow(select);
}

CaseCounts CaseFile::counts() const
{
    sqlite::Statement select(m_database,
        "SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM evidence), (SELECT count(*) FROM states), "
        "(SELECT count(*) FROM resources), (SELECT count(*) FROM dependencies), "
        "(SELECT count(*) FROM recovery_points), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM event_resources), (SELECT count(*) FROM simulations), (SELECT count(*) FROM notes)");
    select.step();
    const auto count = [&](int column) { return static_cast<std::uint64_t>(select.columnInt64(column)); };
    return {count(0), count(1), count(2), count(3), count(4), count(5), count(6), count(7), count(8), count(9)};
}

std::vector<EventRow> CaseFile::eventsOfResource(
    std::string_view address, std::int64_t offset, std::int64_t limit) const
{
    std::vector<std::int64_t> resources;
    sqlite::Statement selectResources(m_database, "SELECT id FROM resources WHERE address = ?1");
    selectResources.bind(1, address);
    while (selectResources.step())
        resources.push_back(selectResources.columnInt64(0));
    if (resources.empty())
        return {};
    // event_resources is keyed (resource, time, event): one resource's events come out of the key in time
    // order, and the page is cut from the key alone before any event is read, so a page costs its own rows
    // however many events the case holds. An address in several states (or with deposed objects) needs a
    // sort, and each event once.
    const std::string page = resources.size() == 1
        ? "SELECT event_id, time_ms, acted FROM event_resources WHERE resource_id = ?1 "
          "ORDER BY time_ms, event_id LIMIT ?2 OFFSET ?3"
        : "SELECT event_id, min(time_ms) AS time_ms, max(acted) AS acted FROM event_resources "
          "WHERE resource_id IN (SELECT id FROM resources WHERE address = ?1) GROUP BY event_id "
          "ORDER BY time_ms, event_id LIMIT ?2 OFFSET ?3";
    const std::string sql = std::string("SELECT ") + kEventColumns + ", l.acted FROM (" + page
        + ") l JOIN timeline t ON t.id = l.event_id ORDER BY l.time_ms, l.event_id";
    sqlite::Statement select(m_database, sql);
    if (resources.size() == 1)
        select.bind(1, resources.front());
    else
        select.bind(1, address);
    select.bind(2, limit);
    select.bind(3, offset);
    std::vector<EventRow> rows;
    while (select.step()) {
        rows.push_back(eventRow(select));
        rows.back().acted = select.columnInt64(select.columnCount() - 1) != 0;
    }
    return rows;
}

std::optional<std::int64_t> CaseFile::findEvent(std::string_view eventId) const
{
    // No index: a note's --event is rare and a scan of a million rows takes a fraction of a second, while an
    // index would add about a fifth to the file.
    sqlite::Statement select(m_database, "SELECT id FROM events WHERE cloudtrail_event_id = ?1 ORDER BY id LIMIT 1");
    CaseEncoding::bindEventId(select, 1, eventId);
    if (!select.step())
        return std::nullopt;
    return select.columnInt64(0);
}

} // namespace blastline::core
