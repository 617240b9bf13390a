// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/EventRules.h"
#include "blastline/core/ToolIdentity.h"

#include <cstdint>
#include <optional>
#include <string>

namespace blastline::core {

/** What a piece of evidence is; decides which tables its content went to. */
enum class EvidenceKind
{
    State,
    Plan,
    Trail,
    Inventory,
    Configuration,
    Scenario
};

/** "state", "plan", "trail", "inventory", "configuration", "scenario": the `evidence.kind` column. */
const char* toString(EvidenceKind kind);

/** One file an investigation was built from, as the case keeps it. The file itself is never modified. */
struct EvidenceRow
{
    std::int64_t id = 0;
    std::int64_t importId = 0;
    std::string path; // as given on the command line
    std::string absolutePath; // where `verify` looks for it
    EvidenceKind kind = EvidenceKind::State;
    std::uint64_t size = 0;
    std::string sha256; // 64 lowercase hex digits
    std::string importedAt; // UTC, "2026-03-05T21:00:00.000Z"
    std::string blastlineVersion; // of the import that brought it in
    bool embedded = false; // the case holds the file's bytes too
};

/** A Terraform state (or a plan's prior state) in the case. */
struct StateRow
{
    std::int64_t id = 0;
    std::int64_t evidenceId = 0;
    std::string path; // the evidence's path
    std::string terraformVersion;
    std::uint64_t serial = 0;
    std::string lineage;
    std::uint64_t resources = 0;
};

/** One CloudTrail event as the case returns it, every text resolved. */
struct EventRow
{
    std::int64_t id = 0; // the case's row id: what a note anchors to
    std::int64_t evidenceId = 0; // the trail file it came from
    std::int64_t timeMs = 0;
    std::string eventId; // CloudTrail's eventID
    std::string eventSource;
    std::string eventName;
    std::string eventType;
    EventClass eventClass = EventClass::Other;
    bool readOnly = false;
    std::string account;
    std::string region;
    std::string principal;
    std::string principalType;
    std::string sessionIssuer;
    std::string userName;
    std::string accessKeyId;
    std::string sourceIp;
    std::string userAgent;
    ToolIdentity tool;
    std::string errorCode;
    std::string errorMessage;
    std::string record; // the whole record, secrets redacted, when the import kept records
    bool acted = false; // eventsOfResource: the call acted on that resource rather than naming it
};

/** A note on the timeline, anchored to exactly one of an instant, an event or a resource address. */
struct NoteInput
{
    std::optional<std::int64_t> atMs;
    std::optional<std::int64_t> eventId; // EventRow::id
    std::optional<std::string> resourceAddress;
    std::string text;
    std::string author;
};

struct NoteRow
{
    std::int64_t id = 0;
    NoteInput note;
    std::string createdAt;
};

/** A simulation run worth keeping: what went in and the result document its command wrote. */
struct SimulationInput
{
    std::string kind; // "destroy", "check", ...
    std::string inputs; // what it was run on, as the command describes it
    std::string safeguards; // the safeguards assumed, as the command lists them
    std::string result; // the result document (JSON text), stored as given
    std::string blastlineVersion;
};

struct SimulationRow
{
    std::int64_t id = 0;
    SimulationInput simulation;
    std::string createdAt;
};

/** Rows per table, for `case show` and for tests that check an import left no trace. */
struct CaseCounts
{
    std::uint64_t imports = 0;
    std::uint64_t evidence = 0;
    std::uint64_t states = 0;
    std::uint64_t resources = 0;
    std::uint64_t dependencies = 0;
    std::uint64_t recoveryPoints = 0;
    std::uint64_t events = 0;
    std::uint64_t eventResources = 0;
    std::uint64_t simulations = 0;
    std::uint64_t notes = 0;
    bool operator==(const CaseCounts&) const = default;
};

/** What `verify` found of one piece of evidence where the case says it lies. */
struct VerifyResult
{
    enum class Status
    {
        Ok,
        Changed, // other bytes than were imported
        Missing // gone or unreadable; `problem` says which
    };
    EvidenceRow evidence;
    Status status = Status::Ok;
    std::uint64_t size = 0; // found now
    std::string sha256; // found now; empty when missing
    std::string problem;
};

} // namespace blastline::core
