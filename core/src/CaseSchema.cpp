// SPDX-License-Identifier: MIT
#include "blastline/core/CaseSchema.h"

namespace blastline::core {

namespace {

// Schema 1. Every table and column is documented in docs/case-file.md; keep the two in step. Foreign keys
// have no ON DELETE action: evidence is never removed, and a stray DELETE fails instead of cascading.
constexpr const char* kSchema1 = R"sql(
CREATE TABLE imports (
    id                INTEGER PRIMARY KEY,
    started_at        TEXT NOT NULL,
    finished_at       TEXT NOT NULL,
    command_line      TEXT NOT NULL,
    blastline_version TEXT NOT NULL
);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    import_id     INTEGER NOT NULL REFERENCES imports (id),
    path          TEXT NOT NULL,
    absolute_path TEXT NOT NULL,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('state', 'plan', 'trail', 'inventory', 'configuration', 'scenario')),
    size          INTEGER NOT NULL CHECK (size >= 0),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    imported_at   TEXT NOT NULL,
    content       BLOB CHECK (content IS NULL OR length(content) = size)
);
CREATE INDEX evidence_by_sha256 ON evidence (sha256);

CREATE TABLE states (
    id                INTEGER PRIMARY KEY,
    evidence_id       INTEGER NOT NULL REFERENCES evidence (id),
    source            TEXT NOT NULL CHECK (source IN ('state-v4', 'state-v3', 'show-json')),
    format_version    INTEGER NOT NULL,
    terraform_version TEXT NOT NULL,
    serial            INTEGER NOT NULL,
    lineage           TEXT NOT NULL
);

CREATE TABLE resources (
    id                    INTEGER PRIMARY KEY,
    state_id              INTEGER NOT NULL REFERENCES states (id),
    position              INTEGER NOT NULL,
    address               TEXT NOT NULL,
    deposed_key           TEXT,
    mode                  TEXT NOT NULL CHECK (mode IN ('managed', 'data')),
    type                  TEXT NOT NULL,
    provider              TEXT NOT NULL,
    provider_config       TEXT NOT NULL,
    schema_version        INTEGER NOT NULL,
    tainted               INTEGER NOT NULL CHECK (tainted IN (0, 1)),
    create_before_destroy INTEGER NOT NULL CHECK (create_before_destroy IN (0, 1)),
    recorded_dependencies TEXT NOT NULL,
    attributes            TEXT NOT NULL,
    identity              TEXT,
    UNIQUE (state_id, position)
);
CREATE INDEX resources_by_address ON resources (address);

CREATE TABLE dependencies (
    resource_id   INTEGER NOT NULL REFERENCES resources (id),
    depends_on_id INTEGER NOT NULL REFERENCES resources (id),
    kind          TEXT NOT NULL CHECK (kind IN ('depends_on', 'references')),
    provenance    TEXT NOT NULL,
    PRIMARY KEY (resource_id, depends_on_id)
) WITHOUT ROWID;

CREATE TABLE outputs (
    state_id  INTEGER NOT NULL REFERENCES states (id),
    name      TEXT NOT NULL,
    sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
    value     TEXT NOT NULL,
    PRIMARY KEY (state_id, name)
) WITHOUT ROWID;

CREATE TABLE recovery_points (
    id              INTEGER PRIMARY KEY,
    evidence_id     INTEGER NOT NULL REFERENCES evidence (id),
    identifier      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    origin          TEXT NOT NULL CHECK (origin IN ('rule', 'state', 'inventory', 'assumed')),
    protects        TEXT NOT NULL,
    source_document TEXT NOT NULL,
    created_at      TEXT,
    kms_key_id      TEXT NOT NULL,
    account         TEXT NOT NULL,
    vault           TEXT NOT NULL,
    retention_days  REAL
);

CREATE TABLE calls (
    id           INTEGER PRIMARY KEY,
    event_source TEXT NOT NULL,
    event_name   TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    class        TEXT NOT NULL CHECK (class IN ('create', 'modify', 'delete', 'backup-destroying',
                                                'protection-lowering', 'read', 'other')),
    read_only    INTEGER NOT NULL CHECK (read_only IN (0, 1)),
    account      TEXT NOT NULL,
    region       TEXT NOT NULL,
    UNIQUE (event_source, event_name, event_type, class, read_only, account, region)
);

CREATE TABLE callers (
    id               INTEGER PRIMARY KEY,
    principal        TEXT NOT NULL,
    principal_type   TEXT NOT NULL,
    session_issuer   TEXT NOT NULL,
    user_name        TEXT NOT NULL,
    user_agent       TEXT NOT NULL,
    tool_kind        TEXT NOT NULL CHECK (tool_kind IN ('terraform', 'opentofu', 'aws-cli', 'console', 'sdk',
                                                        'cloudformation', 'aws-service', 'unknown')),
    tool_name        TEXT NOT NULL,
    tool_version     TEXT NOT NULL,
    provider_version TEXT NOT NULL,
    UNIQUE (principal, principal_type, session_issuer, user_name, user_agent, tool_kind, tool_name, tool_version,
            provider_version)
);

CREATE TABLE errors (
    id            INTEGER PRIMARY KEY,
    error_code    TEXT NOT NULL,
    error_message TEXT NOT NULL,
    UNIQUE (error_code, error_message)
);

CREATE TABLE events (
    id                  INTEGER PRIMARY KEY,
    evidence_id         INTEGER NOT NULL REFERENCES evidence (id),
    time_ms             INTEGER NOT NULL,
    cloudtrail_event_id,
    call_id             INTEGER NOT NULL REFERENCES calls (id),
    caller_id           INTEGER NOT NULL REFERENCES callers (id),
    error_id            INTEGER REFERENCES errors (id),
    access_key_id       TEXT,
    source_ip
);
CREATE INDEX events_by_time ON events (time_ms);

CREATE TABLE event_records (
    event_id INTEGER PRIMARY KEY REFERENCES events (id),
    record   TEXT NOT NULL
);

CREATE TABLE identifier_prefixes (
    id     INTEGER PRIMARY KEY,
    prefix TEXT NOT NULL UNIQUE
);

CREATE TABLE identifiers (
    id        INTEGER PRIMARY KEY,
    prefix_id INTEGER REFERENCES identifier_prefixes (id),
    suffix    TEXT NOT NULL
);

CREATE TABLE event_identifiers (
    event_id      INTEGER NOT NULL REFERENCES events (id),
    identifier_id INTEGER NOT NULL REFERENCES identifiers (id),
    PRIMARY KEY (event_id, identifier_id)
) WITHOUT ROWID;

CREATE TABLE event_resources (
    resource_id INTEGER NOT NULL REFERENCES resources (id),
    time_ms     INTEGER NOT NULL,
    event_id    INTEGER NOT NULL REFERENCES events (id),
    acted       INTEGER NOT NULL CHECK (acted IN (0, 1)),
    PRIMARY KEY (resource_id, time_ms, event_id)
) WITHOUT ROWID;

CREATE TABLE backup_effects (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL CHECK (kind IN ('automated-backups', 'final-snapshot', 'snapshot', 'recovery-point',
                                         'encryption-key')),
    fate  TEXT NOT NULL CHECK (fate IN ('deleted', 'kept', 'created', 'not-taken', 'scheduled-for-deletion',
                                         'unknown')),
    basis TEXT NOT NULL,
    UNIQUE (kind, fate, basis)
);

CREATE TABLE event_backup_effects (
    event_id         INTEGER NOT NULL REFERENCES events (id),
    position         INTEGER NOT NULL,
    backup_effect_id INTEGER NOT NULL REFERENCES backup_effects (id),
    subject          TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;

CREATE TABLE simulations (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL,
    inputs            TEXT NOT NULL,
    safeguards        TEXT NOT NULL,
    result            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    blastline_version TEXT NOT NULL
);

CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    at_ms            INTEGER,
    event_id         INTEGER REFERENCES events (id),
    resource_address TEXT,
    text             TEXT NOT NULL,
    author           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    CHECK ((at_ms IS NOT NULL) + (event_id IS NOT NULL) + (resource_address IS NOT NULL) = 1)
);

-- The events with every text resolved and the compact encodings (docs/case-file.md) undone.
CREATE VIEW timeline AS
SELECT e.id, e.evidence_id, e.time_ms,
       strftime('%Y-%m-%dT%H:%M:%fZ', e.time_ms / 1000.0, 'unixepoch') AS time,
       CASE WHEN typeof(e.cloudtrail_event_id) = 'blob'
            THEN lower(substr(hex(e.cloudtrail_event_id), 1, 8) || '-' || substr(hex(e.cloudtrail_event_id), 9, 4)
                 || '-' || substr(hex(e.cloudtrail_event_id), 13, 4) || '-'
                 || substr(hex(e.cloudtrail_event_id), 17, 4) || '-' || substr(hex(e.cloudtrail_event_id), 21))
            ELSE e.cloudtrail_event_id END AS cloudtrail_event_id,
       c.event_source, c.event_name, c.event_type, c.class, c.read_only, c.account, c.region,
       k.principal, k.principal_type, k.session_issuer, k.user_name, e.access_key_id,
       CASE WHEN typeof(e.source_ip) = 'integer'
            THEN printf('%d.%d.%d.%d', ((e.source_ip + 2147483648) >> 24) & 255,
                        ((e.source_ip + 2147483648) >> 16) & 255, ((e.source_ip + 2147483648) >> 8) & 255,
                        (e.source_ip + 2147483648) & 255)
            ELSE e.source_ip END AS source_ip,
       k.user_agent, k.tool_kind, k.tool_name, k.tool_version, k.provider_version,
       r.error_code, r.error_message, x.record
FROM events e
JOIN calls c ON c.id = e.call_id
JOIN callers k ON k.id = e.caller_id
LEFT JOIN errors r ON r.id = e.error_id
LEFT JOIN event_records x ON x.event_id = e.id;

-- Each event's identifiers as whole texts.
CREATE VIEW event_identifier_texts AS
SELECT l.event_id, coalesce(p.prefix, '') || i.suffix AS identifier
FROM event_identifiers l
JOIN identifiers i ON i.id = l.identifier_id
LEFT JOIN identifier_prefixes p ON p.id = i.prefix_id;
)sql";

// Schema 2: an event's identifiers in the order the event named them, and how many of the first ones name
// what a create made. A trail read back from the case (CaseFile::loadTrail) then prints and correlates as the
// one that was imported: the first identifier is the one a timeline shows, and only created identifiers may
// tie a create to the resource it made. Rows of schema 1 read as position 0 (identifier order) and 0 created
// identifiers (any identifier may tie), which is what a trail with no such knowledge means.
constexpr const char* kSchema2 = R"sql(
ALTER TABLE event_identifiers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN created_identifiers INTEGER NOT NULL DEFAULT 0;
)sql";

} // namespace

CaseSchema::CaseSchema(std::vector<std::string> migrations)
    : m_migrations(std::move(migrations))
{ }

const CaseSchema& CaseSchema::current()
{
    static const CaseSchema schema({kSchema1, kSchema2});
    return schema;
}

} // namespace blastline::core
