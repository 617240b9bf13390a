// SPDX-License-Identifier: MIT
#include "CaseSupport.h"
#include "EvidenceDigest.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/sqlite/Statement.h"

namespace blastline::core {

std::int64_t CaseFile::addNote(const NoteInput& note)
{
    sqlite::Statement insert(m_database,
        "INSERT INTO notes (at_ms, event_id, resource_address, text, author, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    // Absent anchors are NULL: the table's CHECK constraint, not this code, insists on exactly one.
    if (note.atMs)
        insert.bind(1, *note.atMs);
    if (note.eventId)
        insert.bind(2, *note.eventId);
    if (note.resourceAddress)
        insert.bind(3, *note.resourceAddress);
    insert.bind(4, note.text);
    insert.bind(5, note.author);
    insert.bind(6, casefile::utcNow());
    insert.run();
    return m_database.lastInsertRowId();
}

std::vector<NoteRow> CaseFile::notes() const
{
    sqlite::Statement select(
        m_database, "SELECT id, at_ms, event_id, resource_address, text, author, created_at FROM notes ORDER BY id");
    std::vector<NoteRow> rows;
    while (select.step()) {
        NoteRow row;
        row.id = select.columnInt64(0);
        if (!select.isNull(1))
            row.note.atMs = select.columnInt64(1);
        if (!select.isNull(2))
            row.note.eventId = select.columnInt64(2);
        if (!select.isNull(3))
            row.note.resourceAddress = select.columnText(3);
        row.note.text = select.columnText(4);
        row.note.author = select.columnText(5);
        row.createdAt = select.columnText(6);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::int64_t CaseFile::addSimulation(const SimulationInput& simulation)
{
    sqlite::Statement insert(m_database,
        "INSERT INTO simulations (kind, inputs, safeguards, result, created_at, blastline_version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, simulation.kind);
    insert.bind(2, simulation.inputs);
    insert.bind(3, simulation.safeguards);
    insert.bind(4, simulation.result);
    insert.bind(5, casefile::utcNow());
    insert.bind(6, simulation.blastlineVersion);
    insert.run();
    return m_database.lastInsertRowId();
}

std::vector<SimulationRow> CaseFile::simulations() const
{
    sqlite::Statement select(m_database,
        "SELECT id, kind, inputs, safeguards, result, blastline_version, created_at FROM simulations ORDER BY id");
    std::vector<SimulationRow> rows;
    while (select.step()) {
        rows.push_back({select.columnInt64(0),
            {select.columnText(1), select.columnText(2), select.columnText(3), select.columnText(4),
                select.columnText(5)},
            select.columnText(6)});
    }
    return rows;
}

std::vector<VerifyResult> CaseFile::verify(ProgressSink* progress) const
{
    std::vector<VerifyResult> results;
    const std::vector<EvidenceRow> rows = evidence();
    for (const EvidenceRow& row : rows) {
        casefile::report(progress, "Verifying evidence", results.size(), rows.size());
        VerifyResult result;
        result.evidence = row;
        std::error_code error;
        if (!std::filesystem::exists(row.absolutePath, error)) {
            result.status = VerifyResult::Status::Missing;
            result.problem = row.absolutePath + ": no such file";
        } else {
            try {
                const EvidenceDigest digest = EvidenceDigest::ofFile(row.absolutePath);
                result.size = digest.size;
                result.sha256 = digest.sha256;
                const bool same = digest.size == row.size && digest.sha256 == row.sha256;
                result.status = same ? VerifyResult::Status::Ok : VerifyResult::Status::Changed;
            } catch (const InputError& unreadable) {
                result.status = VerifyResult::Status::Missing;
                result.problem = unreadable.what();
            }
        }
        results.push_back(std::move(result));
    }
    casefile::report(progress, "Verifying evidence", rows.size(), rows.size());
    return results;
}

} // namespace blastline::core
