// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseImport.h"
#include "blastline/core/CaseRecords.h"
#include "blastline/core/CaseSchema.h"
#include "blastline/core/RecoveryPoint.h"
#include "blastline/core/TerraformState.h"
#include "blastline/core/Trail.h"
#include "blastline/core/TrailFilter.h"
#include "blastline/core/sqlite/Database.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

class ProgressSink;

/**
 * An investigation kept in one SQLite file: the evidence it was built from (path, size, SHA-256, never the
 * bytes unless asked), the normalised states, recovery points and CloudTrail events read from it, the links
 * between events and resources, simulations and notes. Schema and design: docs/case-file.md.
 *
 * Each import is one transaction: a process killed at any moment leaves the case as it was before that
 * import. Readers (the desktop app) read while one writer writes; a second writer waits up to five seconds,
 * then fails with sqlite::SqliteError::isBusy(). Only what the importers hand over is stored, so whatever
 * they redacted never reaches the file. Not thread-safe: one CaseFile per thread.
 */
class CaseFile
{
public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist,
        ReadOnly // refuses every write, and a case that would need migrating
    };

    /**
     * Opens (or creates) the case at `path`. An older schema is migrated after a copy of the case is written
     * to `<path>.bak-schema<N>` (N the old version). Throws InputError for a file that is not a Blastline
     * case, a case written by a newer Blastline, or a missing file unless CreateIfMissing; SqliteError when
     * SQLite fails (isBusy() when another process holds the case for longer than the busy timeout).
     */
    static CaseFile open(const std::filesystem::path& path, OpenMode mode);
    /** The same, against another list of migrations: how tests build older and newer cases. */
    static CaseFile open(const std::filesystem::path& path, OpenMode mode, const CaseSchema& schema);

    const std::filesystem::path& path() const { return m_path; }

    /**
     * Writes the files of `request` (hashed here) and everything read from them in one transaction; throws
     * and leaves the case unchanged if anything fails, including a ProgressSink that cancels or throws.
     */
    ImportResult importEvidence(const CaseImport& request);

    std::vector<EvidenceRow> evidence() const;
    /** The first evidence with these bytes, to notice a file imported twice. */
    std::optional<EvidenceRow> findEvidence(std::string_view sha256) const;
    CaseCounts counts() const;

    std::vector<StateRow> states() const;
    /** The state as it was imported (checks and warnings are not kept). Throws InputError for an unknown id. */
    TerraformState loadState(std::int64_t stateId) const;
    std::vector<RecoveryPoint> recoveryPoints() const;

    /** The events that name any resource at `address` (any state), in time order, one page at a time. */
    std::vector<EventRow> eventsOfResource(std::string_view address, std::int64_t offset, std::int64_t limit) const;
    /** The case's row id of the event with CloudTrail's eventID `eventId` (the first, if imported twice). */
    std::optional<std::int64_t> findEvent(std::string_view eventId) const;
    /**
     * The case's events that pass `filter` as a finished Trail, for the commands that read a trail from files to
     * read it from the case instead: each event with its identifiers, backup effects and record (when the import
     * kept it), and one input per trail file of the case (its path and size, the format unknown; `records` its
     * events in the case, `kept` those that passed). An event imported twice comes back once (Trail::finish).
     * Time and class are filtered in SQL, the principal as each event is read.
     */
    Trail loadTrail(const TrailFilter& filter) const;

    /** Throws sqlite::SqliteError (isConstraint()) unless exactly one anchor is set and an event anchor exists. */
    std::int64_t addNote(const NoteInput& note);
    std::vector<NoteRow> notes() const;
    std::int64_t addSimulation(const SimulationInput& simulation);
    std::vector<SimulationRow> simulations() const;

    /** Re-hashes each piece of evidence where it lies now. */
    std::vector<VerifyResult> verify(ProgressSink* progress = nullptr) const;

private:
    CaseFile(std::filesystem::path path, sqlite::Database database);

    std::filesystem::path m_path;
    sqlite::Database m_database;
};

} // namespace blastline::core
