// SPDX-License-Identifier: MIT
#include "CaseTrailWriter.h"

#include "CaseEncoding.h"
#include "CaseSupport.h"

#include "blastline/core/Error.h"
#include "blastline/core/sqlite/Database.h"

namespace blastline::core {

namespace {

constexpr std::size_t kProgressEvery = 16384;

template<typename Cache, typename Key, typename Values>
std::int64_t cachedId(Cache& cache, CaseLookup& table, const Key& key, Values values)
{
    if (const auto found = cache.find(key); found != cache.end())
        return found->second;
    const auto row = values();
    const std::int64_t id = table.idOf(row);
    cache.emplace(key, id);
    return id;
}

/** Where an ARN's shared part ends: after the last '/' or ':' ("arn:aws:kms:us-east-1:1234:key/" + key id). */
std::size_t prefixLength(std::string_view identifier)
{
    if (!identifier.starts_with("arn:"))
        return 0;
    const std::size_t last = identifier.find_last_of("/:");
    return last + 1;
}

} // namespace

CaseTrailWriter::CaseTrailWriter(sqlite::Database& database, const Trail& trail)
    : m_database(database)
    , m_trail(trail)
    , m_calls(
          database, "calls", {"event_source", "event_name", "event_type", "class", "read_only", "account", "region"})
    , m_callers(database, "callers",
          {"principal", "principal_type", "session_issuer", "user_name", "user_agent", "tool_kind", "tool_name",
              "tool_version", "provider_version"})
    , m_errors(database, "errors", {"error_code", "error_message"})
    , m_prefixes(database, "identifier_prefixes", {"prefix"})
    , m_backupEffects(database, "backup_effects", {"kind", "fate", "basis"})
    , m_identifierIds(trail.strings().size(), 0)
    , m_insertEvent(database,
          "INSERT INTO events (evidence_id, time_ms, cloudtrail_event_id, call_id, caller_id, error_id, "
          "access_key_id, source_ip, created_identifiers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
    , m_insertRecord(database, "INSERT INTO event_records (event_id, record) VALUES (?1, ?2)")
    , m_insertIdentifierText(database, "INSERT INTO identifiers (prefix_id, suffix) VALUES (?1, ?2)")
    // An event may name the same identifier twice (request and response): one row says it.
    , m_insertIdentifier(
          database, "INSERT OR IGNORE INTO event_identifiers (event_id, identifier_id, position) VALUES (?1, ?2, ?3)")
    , m_insertLink(
          database, "INSERT INTO event_resources (resource_id, time_ms, event_id, acted) VALUES (?1, ?2, ?3, ?4)")
    , m_insertBackupEffect(database,
          "INSERT INTO event_backup_effects (event_id, position, backup_effect_id, subject) VALUES (?1, ?2, ?3, ?4)")
{ }

void CaseTrailWriter::correlate(const TrailCorrelator& correlator, std::vector<std::vector<std::int64_t>> resourceIds)
{
    m_correlator = &correlator;
    m_resourceIds = std::move(resourceIds);
}

void CaseTrailWriter::write(
    const std::vector<std::int64_t>& inputEvidence, ProgressSink* progress, ImportResult& result)
{
    const std::vector<TrailEvent>& events = m_trail.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i % kProgressEvery == 0)
            casefile::report(progress, "Writing events", i, events.size());
        const TrailEvent& event = events[i];
        const std::int64_t evidenceId = event.input < inputEvidence.size() ? inputEvidence[event.input] : 0;
        if (evidenceId == 0)
            throw Error("case import: events read from " + m_trail.inputs().at(event.input).path
                + ", which is not among the evidence files of the import");
        writeEvent(event, evidenceId, result);
    }
    casefile::report(progress, "Writing events", events.size(), events.size());
}

void CaseTrailWriter::writeEvent(const TrailEvent& event, std::int64_t evidenceId, ImportResult& result)
{
    m_insertEvent.bind(1, evidenceId);
    m_insertEvent.bind(2, event.timeMs);
    if (event.eventId == 0)
        m_insertEvent.bindNull(3);
    else
        CaseEncoding::bindEventId(m_insertEvent, 3, m_trail.text(event.eventId));
    m_insertEvent.bind(4, callId(event));
    m_insertEvent.bind(5, callerId(event));
    if (event.failed())
        m_insertEvent.bind(6, errorId(event));
    else
        m_insertEvent.bindNull(6);
    bindText(m_insertEvent, 7, event.accessKeyId);
    if (event.sourceIp == 0)
        m_insertEvent.bindNull(8);
    else
        CaseEncoding::bindSourceIp(m_insertEvent, 8, m_trail.text(event.sourceIp));
    m_insertEvent.bind(9, event.createdIdentifiers);
    m_insertEvent.run();
    const std::int64_t eventId = m_database.lastInsertRowId();
    ++result.events;
    writeDetails(event, eventId);

    if (!m_correlator || event.identifiers.empty())
        return;
    for (const TrailCorrelator::Holder& holder : m_correlator->holders(event, m_trail)) {
        m_insertLink.bind(1, m_resourceIds[holder.state][holder.instance]);
        m_insertLink.bind(2, event.timeMs);
        m_insertLink.bind(3, eventId);
        m_insertLink.bind(4, holder.acted);
        m_insertLink.run();
        ++result.eventResources;
    }
}

void CaseTrailWriter::writeDetails(const TrailEvent& event, std::int64_t eventId)
{
    if (event.record != 0) {
        m_insertRecord.bind(1, eventId);
        m_insertRecord.bind(2, m_trail.text(event.record));
        m_insertRecord.run();
    }
    for (std::size_t position = 0; position < event.identifiers.size(); ++position) {
        const StringId identifier = event.identifiers[position];
        if (identifier == 0)
            continue;
        m_insertIdentifier.bind(1, eventId);
        m_insertIdentifier.bind(2, identifierId(identifier));
        m_insertIdentifier.bind(3, position);
        m_insertIdentifier.run();
    }
    for (std::size_t position = 0; position < event.backupEffects.size(); ++position) {
        const BackupEffect& effect = event.backupEffects[position];
        m_insertBackupEffect.bind(1, eventId);
        m_insertBackupEffect.bind(2, position);
        m_insertBackupEffect.bind(3, backupEffectId(effect));
        m_insertBackupEffect.bind(4, effect.subject);
        m_insertBackupEffect.run();
    }
}

std::int64_t CaseTrailWriter::callId(const TrailEvent& event)
{
    const std::array<std::uint32_t, 7> key {event.eventSource, event.eventName, event.eventType,
        static_cast<std::uint32_t>(event.eventClass), event.readOnly, event.account, event.region};
    return cachedId(m_callIds, m_calls, key, [&] {
        return std::array<CaseLookup::Value, 7> {m_trail.text(event.eventSource), m_trail.text(event.eventName),
            m_trail.text(event.eventType), toString(event.eventClass), std::int64_t {event.readOnly},
            m_trail.text(event.account), m_trail.text(event.region)};
    });
}

std::int64_t CaseTrailWriter::callerId(const TrailEvent& event)
{
    const std::array<std::uint32_t, 6> key {
        event.principal, event.principalType, event.sessionIssuer, event.userName, event.userAgent, event.tool};
    return cachedId(m_callerIds, m_callers, key, [&] {
        // A hand-built trail may never have asked Trail::toolFor; its events' tool is then unknown.
        static const ToolIdentity kUnknown;
        const ToolIdentity& tool = event.tool < m_trail.tools().size() ? m_trail.tool(event.tool) : kUnknown;
        return std::array<CaseLookup::Value, 9> {m_trail.text(event.principal), m_trail.text(event.principalType),
            m_trail.text(event.sessionIssuer), m_trail.text(event.userName), m_trail.text(event.userAgent),
            toString(tool.kind), tool.name, tool.version, tool.providerVersion};
    });
}

std::int64_t CaseTrailWriter::errorId(const TrailEvent& event)
{
    const std::array<std::uint32_t, 2> key {event.errorCode, event.errorMessage};
    return cachedId(m_errorIds, m_errors, key, [&] {
        return std::array<CaseLookup::Value, 2> {m_trail.text(event.errorCode), m_trail.text(event.errorMessage)};
    });
}

std::int64_t CaseTrailWriter::identifierId(StringId identifier)
{
    // Each identifier once per import, without a UNIQUE index: most identifiers of a trail are named by one
    // event only (an instance id, a request's ARN), and an index would store each of those texts twice. An
    // ARN's account-and-type part repeats across thousands of identifiers and is stored once per case.
    std::int64_t& id = m_identifierIds[identifier];
    if (id != 0)
        return id;
    const std::string_view text = m_trail.text(identifier);
    const std::size_t split = prefixLength(text);
    if (split == 0) {
        m_insertIdentifierText.bindNull(1);
    } else {
        const std::string prefix(text.substr(0, split));
        auto found = m_prefixIds.find(prefix);
        if (found == m_prefixIds.end()) {
            const std::array<CaseLookup::Value, 1> row {std::string_view(prefix)};
            found = m_prefixIds.emplace(prefix, m_prefixes.idOf(row)).first;
        }
        m_insertIdentifierText.bind(1, found->second);
    }
    m_insertIdentifierText.bind(2, text.substr(split));
    m_insertIdentifierText.run();
    id = m_database.lastInsertRowId();
    return id;
}

std::int64_t CaseTrailWriter::backupEffectId(const BackupEffect& effect)
{
    // The subject (a snapshot or key) is the event's own; what happened and why repeats across events.
    const std::array<CaseLookup::Value, 3> row {toString(effect.kind), toString(effect.fate), effect.basis};
    std::string key = std::string(toString(effect.kind)) + '\x1f' + toString(effect.fate) + '\x1f' + effect.basis;
    if (const auto found = m_backupEffectIds.find(key); found != m_backupEffectIds.end())
        return found->second;
    const std::int64_t id = m_backupEffects.idOf(row);
    m_backupEffectIds.emplace(std::move(key), id);
    return id;
}

void CaseTrailWriter::bindText(sqlite::Statement& statement, int index, StringId text)
{
    // The pool's id 0 is the empty string: a field the record did not have.
    if (text == 0)
        statement.bindNull(index);
    else
        statement.bind(index, m_trail.text(text));
}

} // namespace blastline::core
