// SPDX-License-Identifier: MIT
#include "CaseStateWriter.h"
#include "CaseSupport.h"
#include "CaseTrailWriter.h"
#include "EvidenceDigest.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/sqlite/Statement.h"
#include "blastline/core/sqlite/Transaction.h"

#include <algorithm>
#include <unordered_map>

namespace blastline::core {

namespace {

std::uint64_t queryCount(const sqlite::Database& database, std::string_view sql)
{
    sqlite::Statement statement(database, sql);
    statement.step();
    return static_cast<std::uint64_t>(statement.columnInt64(0));
}

std::string queryText(const sqlite::Database& database, std::string_view sql)
{
    sqlite::Statement statement(database, sql);
    statement.step();
    return statement.columnText(0);
}

/** The evidence ids of an import by the path its files were given as: how content finds its file. */
class EvidenceByPath
{
public:
    EvidenceByPath(const std::vector<EvidenceInfo>& files, const std::vector<std::int64_t>& ids)
    {
        for (std::size_t i = 0; i < files.size(); ++i)
            m_ids.emplace(files[i].path, ids[i]);
    }
    std::int64_t find(const std::string& path) const
    {
        const auto found = m_ids.find(path);
        return found == m_ids.end() ? 0 : found->second;
    }
    std::int64_t require(const std::string& path, std::string_view what) const
    {
        if (const std::int64_t id = find(path))
            return id;
        throw Error("case import: " + std::string(what) + " read from " + path
            + ", which is not among the evidence files of the import");
    }

private:
    std::unordered_map<std::string, std::int64_t> m_ids;
};

std::vector<std::int64_t> writeEvidence(sqlite::Database& database, const CaseImport& request,
    const std::vector<EvidenceDigest>& digests, std::int64_t importId, const std::string& importedAt)
{
    sqlite::Statement insert(database,
        "INSERT INTO evidence (import_id, path, absolute_path, kind, size, sha256, imported_at, content) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < request.files.size(); ++i) {
        const EvidenceInfo& file = request.files[i];
        insert.bind(1, importId);
        insert.bind(2, file.path);
        insert.bind(3, std::filesystem::absolute(file.path).lexically_normal().string());
        insert.bind(4, std::string_view(toString(file.kind)));
        insert.bind(5, digests[i].size);
        insert.bind(6, digests[i].sha256);
        insert.bind(7, importedAt);
        std::vector<std::byte> content;
        if (request.embed) {
            // Read again to keep the bytes, one file at a time; they must be the bytes that were hashed.
            if (EvidenceDigest::ofFile(file.path, &content).sha256 != digests[i].sha256)
                throw InputError(file.path + ": changed while it was being imported");
            insert.bindBlob(8, content);
        } else {
            insert.bindNull(8);
        }
        insert.run();
        ids.push_back(database.lastInsertRowId());
    }
    return ids;
}

std::uint64_t writeRecoveryPoints(
    sqlite::Database& database, const std::vector<RecoveryPoint>& points, const EvidenceByPath& evidence)
{
    sqlite::Statement insert(database,
        "INSERT INTO recovery_points (evidence_id, identifier, kind, origin, protects, source_document, created_at, "
        "kms_key_id, account, vault, retention_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (const RecoveryPoint& point : points) {
        insert.bind(1, evidence.require(point.sourceDocument, "a recovery point"));
        insert.bind(2, point.id);
        insert.bind(3, point.kind);
        insert.bind(4, std::string_view(casefile::toString(point.origin)));
        insert.bind(5, point.protects);
        insert.bind(6, point.sourceDocument);
        if (point.createdAt)
            insert.bind(7, *point.createdAt);
        else
            insert.bindNull(7);
        insert.bind(8, point.kmsKeyId);
        insert.bind(9, point.account);
        insert.bind(10, point.vault);
        if (point.retentionDays)
            insert.bind(11, *point.retentionDays);
        else
            insert.bindNull(11);
        insert.run();
    }
    return points.size();
}

/** resourceIds[i][j]: the case's id of correlator.states()[i]->instances[j], from the states' rows. */
std::vector<std::vector<std::int64_t>> resourceIdsOf(
    const sqlite::Database& database, const TrailCorrelator& correlator, const std::vector<std::int64_t>& stateIds)
{
    const auto& states = correlator.states();
    if (stateIds.size() != states.size())
        throw Error("case import: " + std::to_string(states.size()) + " correlated states but "
            + std::to_string(stateIds.size()) + " state ids");
    std::vector<std::int64_t> sorted = stateIds;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        throw Error("case import: a state id is given twice for the correlation");
    sqlite::Statement select(database, "SELECT id FROM resources WHERE state_id = ?1 ORDER BY position");
    std::vector<std::vector<std::int64_t>> ids(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        select.bind(1, stateIds[i]);
        while (select.step())
            ids[i].push_back(select.columnInt64(0));
        select.reset();
        if (ids[i].size() != states[i]->instances.size())
            throw Error("case import: state " + std::to_string(stateIds[i]) + " has " + std::to_string(ids[i].size())
                + " resources in the case, but the correlated state " + states[i]->path + " has "
                + std::to_string(states[i]->instances.size()));
    }
    return ids;
}

void writeTrail(
    sqlite::Database& database, const CaseImport& request, const EvidenceByPath& evidence, ImportResult& result)
{
    CaseTrailWriter writer(database, *request.trail);
    if (request.correlator)
        writer.correlate(*request.correlator, resourceIdsOf(database, *request.correlator, request.correlatorStates));
    std::vector<std::int64_t> inputEvidence;
    for (const TrailInput& input : request.trail->inputs())
        inputEvidence.push_back(evidence.find(input.path));
    // An index built in one pass packs its pages; one grown row by row leaves an eighth of them empty. When
    // the import at least doubles the events, building the time index again is no slower and the file smaller.
    const std::size_t adding = request.trail->events().size();
    const bool rebuildTimeIndex = adding > 0 && adding >= queryCount(database, "SELECT count(*) FROM events");
    std::string timeIndex;
    if (rebuildTimeIndex) {
        timeIndex = queryText(database, "SELECT sql FROM sqlite_master WHERE name = 'events_by_time'");
        database.exec("DROP INDEX events_by_time");
    }
    writer.write(inputEvidence, request.progress, result);
    if (rebuildTimeIndex)
        database.exec(timeIndex);
}

} // namespace

ImportResult CaseFile::importEvidence(const CaseImport& request)
{
    const std::string startedAt = casefile::utcNow();
    // Hashed before the transaction begins: the write lock is held only while writing.
    std::vector<EvidenceDigest> digests;
    for (std::size_t i = 0; i < request.files.size(); ++i) {
        casefile::report(request.progress, "Hashing evidence", i, request.files.size());
        digests.push_back(EvidenceDigest::ofFile(request.files[i].path));
    }

    sqlite::Transaction transaction(m_database);
    ImportResult result;
    sqlite::Statement insertImport(m_database,
        "INSERT INTO imports (started_at, finished_at, command_line, blastline_version) VALUES (?1, ?1, ?2, ?3)");
    insertImport.bind(1, startedAt);
    insertImport.bind(2, request.commandLine);
    insertImport.bind(3, request.blastlineVersion);
    insertImport.run();
    result.importId = m_database.lastInsertRowId();
    result.evidenceIds = writeEvidence(m_database, request, digests, result.importId, startedAt);
    const EvidenceByPath evidence(request.files, result.evidenceIds);

    if (request.state) {
        const std::int64_t evidenceId = evidence.require(request.state->path, "the state");
        result.stateId = CaseStateWriter(m_database).write(*request.state, evidenceId, request.progress, result);
    }
    if (request.recoveryPoints)
        result.recoveryPoints = writeRecoveryPoints(m_database, *request.recoveryPoints, evidence);
    if (request.trail)
        writeTrail(m_database, request, evidence, result);

    sqlite::Statement finish(m_database, "UPDATE imports SET finished_at = ?1 WHERE id = ?2");
    finish.bind(1, casefile::utcNow());
    finish.bind(2, result.importId);
    finish.run();
    transaction.commit();
    return result;
}

} // namespace blastline::core
