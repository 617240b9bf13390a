// SPDX-License-Identifier: MIT
#include "CaseSupport.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/sqlite/Statement.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>
#include <unordered_map>
#include <utility>
#include <vector>

namespace blastline::core {

namespace {

/** A row of `calls`, `callers` or `errors` as texts of the trail being built: read once, named by many events. */
struct Call
{
    StringId eventSource = 0;
    StringId eventName = 0;
    StringId eventType = 0;
    StringId account = 0;
    StringId region = 0;
    EventClass eventClass = EventClass::Other;
    bool readOnly = false;
};

struct Caller
{
    StringId principal = 0;
    StringId principalType = 0;
    StringId sessionIssuer = 0;
    StringId userName = 0;
    StringId userAgent = 0;
    std::uint32_t tool = 0;
};

struct ErrorTexts
{
    StringId code = 0;
    StringId message = 0;
};

/** Rows ordered by event id (the first column), read alongside the events: a merge, not a query per event. */
struct EventLinks
{
    sqlite::Statement rows;
    bool pending = false; // a row is ready to read

    /** Skips the rows of events before `eventId` (filtered out); true while a row of `eventId` is ready. */
    bool reach(std::int64_t eventId)
    {
        while (pending && rows.columnInt64(0) < eventId)
            pending = rows.step();
        return pending && rows.columnInt64(0) == eventId;
    }
};

/** The text the `timeline` view shows for an eventID stored as its 16 bytes (CaseEncoding): a lowercase UUID. */
std::string uuidText(const std::vector<std::byte>& bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        const auto byte = static_cast<unsigned>(bytes[i]);
        text.push_back(kHex[byte >> 4]);
        text.push_back(kHex[byte & 15]);
    }
    return text;
}

/** The dotted text of a source address stored as an integer (CaseEncoding): the address minus 2^31. */
std::string ipv4Text(std::int64_t stored)
{
    const auto address = static_cast<std::uint32_t>(stored + (std::int64_t {1} << 31));
    std::array<char, 16> text {};
    std::snprintf(text.data(), text.size(), "%u.%u.%u.%u", address >> 24, (address >> 16) & 255, (address >> 8) & 255,
        address & 255);
    return text.data();
}

/**
 * What Trail::toolFor needs to name `stored` again. The user agent alone names most tools; a service, the console
 * and CloudFormation may have been named by userIdentity.invokedBy or a service's source address, which the case
 * does not keep (per event, in the rows of a lookup table shared by many events). Passed as invokedBy, their name
 * gives the same tool: ToolIdentity tries the agent's own tools first, and a tool named from the agent stayed so.
 */
std::string_view invokedByFor(const ToolIdentity& stored)
{
    switch (stored.kind) {
    case ToolIdentity::Kind::AwsService:
        return stored.name;
    case ToolIdentity::Kind::CloudFormation:
        return "cloudformation.amazonaws.com";
    case ToolIdentity::Kind::Console:
        return "console.amazonaws.com";
    default:
        return {};
    }
}

BackupEffect::Kind backupKindFrom(std::string_view text)
{
    using Kind = BackupEffect::Kind;
    for (const Kind kind :
        {Kind::AutomatedBackups, Kind::FinalSnapshot, Kind::Snapshot, Kind::RecoveryPoint, Kind::EncryptionKey}) {
        if (text == toString(kind))
            return kind;
    }
    throw Error("case file: unknown backup effect kind '" + std::string(text) + "'");
}

BackupEffect::Fate backupFateFrom(std::string_view text)
{
    using Fate = BackupEffect::Fate;
    for (const Fate fate :
        {Fate::Deleted, Fate::Kept, Fate::Created, Fate::NotTaken, Fate::ScheduledForDeletion, Fate::Unknown}) {
        if (text == toString(fate))
            return fate;
    }
    throw Error("case file: unknown backup effect fate '" + std::string(text) + "'");
}

/**
 * Builds a Trail from a case in one pass over the events, in id order, with the identifiers and backup effects
 * read alongside in the same order: memory holds the trail being built, never a second copy of the events. The
 * lookup tables are small (a few hundred callers for a million events) and are read first.
 */
class TrailLoader
{
public:
    TrailLoader(const sqlite::Database& database, const TrailFilter& filter)
        : m_database(database)
        , m_filter(filter)
    { }

    Trail load()
    {
        readInputs();
        readCalls();
        readCallers();
        readErrors();
        readEvents();
        m_trail.finish();
        return std::move(m_trail);
    }

private:
    void readInputs()
    {
        std::unordered_map<std::int64_t, std::uint64_t> records;
        sqlite::Statement counts(m_database, "SELECT evidence_id, count(*) FROM events GROUP BY evidence_id");
        while (counts.step())
            records[counts.columnInt64(0)] = static_cast<std::uint64_t>(counts.columnInt64(1));
        sqlite::Statement select(m_database, "SELECT id, path, size FROM evidence WHERE kind = 'trail' ORDER BY id");
        while (select.step()) {
            TrailInput input;
            input.path = select.columnText(1);
            input.compressed = input.path.ends_with(".gz");
            input.bytes = static_cast<std::uint64_t>(select.columnInt64(2));
            input.records = records[select.columnInt64(0)];
            m_inputs.emplace(select.columnInt64(0), m_trail.addInput(std::move(input)));
        }
    }

    void readCalls()
    {
        sqlite::Statement select(m_database,
            "SELECT id, event_source, event_name, event_type, class, read_only, account, region FROM calls");
        std::string accepted;
        bool dropsAny = false;
        while (select.step()) {
            Call call;
            call.eventSource = intern(select, 1);
            call.eventName = intern(select, 2);
            call.eventType = intern(select, 3);
            call.eventClass = casefile::eventClassFrom(select.columnText(4));
            call.readOnly = select.columnInt64(5) != 0;
            call.account = intern(select, 6);
            call.region = intern(select, 7);
            if (m_filter.acceptsClass(call.eventClass, call.readOnly))
                accepted += (accepted.empty() ? "" : ",") + std::to_string(select.columnInt64(0));
            else
                dropsAny = true;
            m_calls.emplace(select.columnInt64(0), call);
        }
        // The calls the scope keeps, for SQL to skip the others' events before reading them.
        if (dropsAny)
            m_acceptedCalls = "[" + accepted + "]";
    }

    void readCallers()
    {
        sqlite::Statement select(m_database,
            "SELECT id, principal, principal_type, session_issuer, user_name, user_agent, tool_kind, tool_name "
            "FROM callers");
        while (select.step()) {
            Caller caller;
            caller.principal = intern(select, 1);
            caller.principalType = intern(select, 2);
            caller.sessionIssuer = intern(select, 3);
            caller.userName = intern(select, 4);
            caller.userAgent = intern(select, 5);
            // The stored versions follow from the agent; the kind and name say what else named the tool.
            ToolIdentity stored;
            stored.kind = casefile::toolKindFrom(select.columnText(6));
            stored.name = select.columnText(7);
            caller.tool = m_trail.toolFor(m_trail.text(caller.userAgent), invokedByFor(stored), {});
            m_callers.emplace(select.columnInt64(0), caller);
        }
    }

    void readErrors()
    {
        sqlite::Statement select(m_database, "SELECT id, error_code, error_message FROM errors");
        while (select.step())
            m_errors.emplace(select.columnInt64(0), ErrorTexts {intern(select, 1), intern(select, 2)});
    }

    /** " WHERE ..." over `events e` for the filter's time range and scope; empty when it keeps every event. */
    std::string condition() const
    {
        std::vector<std::string> terms;
        if (m_filter.fromMs)
            terms.emplace_back("e.time_ms >= :from");
        if (m_filter.toMs)
            terms.emplace_back("e.time_ms < :to");
        if (!m_acceptedCalls.empty())
            terms.emplace_back("e.call_id IN (SELECT value FROM json_each(:calls))");
        std::string sql;
        for (const std::string& term : terms)
            sql += (sql.empty() ? " WHERE " : " AND ") + term;
        return sql;
    }

    void bindCondition(sqlite::Statement& statement) const
    {
        if (m_filter.fromMs)
            statement.bind(":from", *m_filter.fromMs);
        if (m_filter.toMs)
            statement.bind(":to", *m_filter.toMs);
        if (!m_acceptedCalls.empty())
            statement.bind(":calls", std::string_view(m_acceptedCalls));
    }

    /** A statement over rows keyed by event id, limited to the events the filter keeps, ready at its first row. */
    EventLinks links(const std::string& select, const std::string& order) const
    {
        const std::string where = condition();
        EventLinks links {sqlite::Statement(m_database,
            select + (where.empty() ? "" : " WHERE l.event_id IN (SELECT e.id FROM events e" + where + ")") + order)};
        bindCondition(links.rows);
        links.pending = links.rows.step();
        return links;
    }

    void readEvents()
    {
        sqlite::Statement events(m_database,
            "SELECT e.id, e.evidence_id, e.time_ms, typeof(e.cloudtrail_event_id) = 'blob', e.cloudtrail_event_id, "
            "e.call_id, e.caller_id, e.error_id, e.access_key_id, typeof(e.source_ip) = 'integer', e.source_ip, "
            "e.created_identifiers, x.record FROM events e LEFT JOIN event_records x ON x.event_id = e.id"
                + condition() + " ORDER BY e.id");
        bindCondition(events);
        // Identifiers come in key order; their own order (position) is restored per event below.
        EventLinks identifiers = links("SELECT l.event_id, l.position, coalesce(p.prefix, '') || i.suffix "
                                       "FROM event_identifiers l JOIN identifiers i ON i.id = l.identifier_id "
                                       "LEFT JOIN identifier_prefixes p ON p.id = i.prefix_id",
            " ORDER BY l.event_id");
        EventLinks effects = links("SELECT l.event_id, f.kind, f.fate, f.basis, l.subject FROM event_backup_effects l "
                                   "JOIN backup_effects f ON f.id = l.backup_effect_id",
            " ORDER BY l.event_id, l.position");
        std::vector<std::pair<std::int64_t, StringId>> positioned;
        while (events.step()) {
            TrailEvent event = eventFrom(events);
            if (!m_filter.acceptsPrincipal(m_trail.text(event.principal), m_trail.text(event.sessionIssuer),
                    m_trail.text(event.userName), m_trail.text(event.accessKeyId)))
                continue;
            const std::int64_t id = events.columnInt64(0);
            positioned.clear();
            for (; identifiers.reach(id); identifiers.pending = identifiers.rows.step())
                positioned.emplace_back(identifiers.rows.columnInt64(1), intern(identifiers.rows, 2));
            std::stable_sort(
                positioned.begin(), positioned.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [position, identifier] : positioned)
                event.identifiers.push_back(identifier);
            for (; effects.reach(id); effects.pending = effects.rows.step()) {
                event.backupEffects.push_back(
                    {backupKindFrom(effects.rows.columnText(1)), backupFateFrom(effects.rows.columnText(2)),
                        effects.rows.columnText(4), effects.rows.columnText(3)});
            }
            ++m_trail.input(event.input).kept;
            m_trail.addEvent(std::move(event));
        }
    }

    TrailEvent eventFrom(const sqlite::Statement& row)
    {
        TrailEvent event;
        const auto input = m_inputs.find(row.columnInt64(1));
        if (input == m_inputs.end())
            throw Error("case file: event " + std::to_string(row.columnInt64(0)) + " comes from evidence "
                + std::to_string(row.columnInt64(1)) + ", which is not a trail");
        event.input = input->second;
        event.timeMs = row.columnInt64(2);
        event.eventId = row.columnInt64(3) != 0 ? m_trail.intern(uuidText(row.columnBlob(4))) : intern(row, 4);
        const Call& call = lookup(m_calls, row.columnInt64(5), "call");
        event.eventSource = call.eventSource;
        event.eventName = call.eventName;
        event.eventType = call.eventType;
        event.account = call.account;
        event.region = call.region;
        event.eventClass = call.eventClass;
        event.readOnly = call.readOnly;
        const Caller& caller = lookup(m_callers, row.columnInt64(6), "caller");
        event.principal = caller.principal;
        event.principalType = caller.principalType;
        event.sessionIssuer = caller.sessionIssuer;
        event.userName = caller.userName;
        event.userAgent = caller.userAgent;
        event.tool = caller.tool;
        if (!row.isNull(7)) {
            const ErrorTexts& error = lookup(m_errors, row.columnInt64(7), "error");
            event.errorCode = error.code;
            event.errorMessage = error.message;
        }
        event.accessKeyId = intern(row, 8);
        event.sourceIp = row.columnInt64(9) != 0 ? m_trail.intern(ipv4Text(row.columnInt64(10))) : intern(row, 10);
        event.createdIdentifiers = static_cast<std::uint32_t>(row.columnInt64(11));
        event.record = intern(row, 12);
        return event;
    }

    template<typename Row>
    static const Row& lookup(const std::unordered_map<std::int64_t, Row>& rows, std::int64_t id, std::string_view what)
    {
        const auto found = rows.find(id);
        if (found == rows.end())
            throw Error("case file: no " + std::string(what) + " " + std::to_string(id));
        return found->second;
    }

    /** The column's text in the trail's pool; NULL and empty text are both the pool's 0. */
    StringId intern(const sqlite::Statement& row, int column) { return m_trail.intern(row.columnText(column)); }

    const sqlite::Database& m_database;
    const TrailFilter& m_filter;
    Trail m_trail;
    std::unordered_map<std::int64_t, std::uint32_t> m_inputs; // evidence id -> input index
    std::unordered_map<std::int64_t, Call> m_calls;
    std::unordered_map<std::int64_t, Caller> m_callers;
    std::unordered_map<std::int64_t, ErrorTexts> m_errors;
    std::string m_acceptedCalls; // JSON array of the call ids the scope keeps; empty when it keeps them all
};

} // namespace

Trail CaseFile::loadTrail(const TrailFilter& filter) const
{
    return TrailLoader(m_database, filter).load();
}

} // namespace blastline::core
