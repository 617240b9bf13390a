// SPDX-License-Identifier: MIT
#include "CaseStateWriter.h"

#include "CaseJson.h"
#include "CaseSupport.h"

#include "blastline/core/ResourceGraph.h"
#include "blastline/core/sqlite/Database.h"
#include "blastline/core/sqlite/Statement.h"

namespace blastline::core {

namespace {

constexpr std::size_t kProgressEvery = 4096;

} // namespace

std::int64_t CaseStateWriter::write(
    const TerraformState& state, std::int64_t evidenceId, ProgressSink* progress, ImportResult& result)
{
    sqlite::Statement insert(m_database,
        "INSERT INTO states (evidence_id, source, format_version, terraform_version, serial, lineage) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, evidenceId);
    insert.bind(2, std::string_view(casefile::toString(state.source)));
    insert.bind(3, state.formatVersion);
    insert.bind(4, state.terraformVersion);
    insert.bind(5, state.serial);
    insert.bind(6, state.lineage);
    insert.run();
    const std::int64_t stateId = m_database.lastInsertRowId();

    const std::vector<std::int64_t> resourceIds = writeResources(state, stateId, progress);
    writeOutputs(state, stateId);
    result.resources += resourceIds.size();
    result.dependencies += writeEdges(state, resourceIds, progress);
    return stateId;
}

std::vector<std::int64_t> CaseStateWriter::writeResources(
    const TerraformState& state, std::int64_t stateId, ProgressSink* progress)
{
    sqlite::Statement insert(m_database,
        "INSERT INTO resources (state_id, position, address, deposed_key, mode, type, provider, provider_config, "
        "schema_version, tainted, create_before_destroy, recorded_dependencies, attributes, identity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    std::vector<std::int64_t> ids;
    ids.reserve(state.instances.size());
    for (std::size_t position = 0; position < state.instances.size(); ++position) {
        if (position % kProgressEvery == 0)
            casefile::report(progress, "Writing resources", position, state.instances.size());
        const ResourceInstance& instance = state.instances[position];
        insert.bind(1, stateId);
        insert.bind(2, position);
        insert.bind(3, instance.addressText);
        if (instance.isDeposed())
            insert.bind(4, instance.deposedKey);
        else
            insert.bindNull(4);
        insert.bind(5, std::string_view(casefile::toString(instance.address.mode)));
        insert.bind(6, instance.type());
        insert.bind(7, instance.provider);
        insert.bind(8, instance.providerConfig);
        insert.bind(9, instance.schemaVersion);
        insert.bind(10, instance.tainted);
        insert.bind(11, instance.createBeforeDestroy);
        insert.bind(12, CaseJson::writeStrings(instance.dependencies));
        insert.bind(13, CaseJson::writeAttributes(instance.attributes));
        if (instance.identity.empty())
            insert.bindNull(14);
        else
            insert.bind(14, CaseJson::writeAttributes(instance.identity));
        insert.run();
        ids.push_back(m_database.lastInsertRowId());
    }
    casefile::report(progress, "Writing resources", state.instances.size(), state.instances.size());
    return ids;
}

void CaseStateWriter::writeOutputs(const TerraformState& state, std::int64_t stateId)
{
    sqlite::Statement insert(
        m_database, "INSERT INTO outputs (state_id, name, sensitive, value) VALUES (?1, ?2, ?3, ?4)");
    for (const RootOutput& output : state.outputs) {
        insert.bind(1, stateId);
        insert.bind(2, output.name);
        insert.bind(3, output.sensitive);
        insert.bind(4, output.valueText);
        insert.run();
    }
}

std::uint64_t CaseStateWriter::writeEdges(
    const TerraformState& state, const std::vector<std::int64_t>& resourceIds, ProgressSink* progress)
{
    // The graph is built on a copy: it takes its state by value, and the caller keeps theirs.
    const ResourceGraph graph(state, progress);
    sqlite::Statement insert(
        m_database, "INSERT INTO dependencies (resource_id, depends_on_id, kind, provenance) VALUES (?1, ?2, ?3, ?4)");
    std::uint64_t written = 0;
    // No recovery point was added to this graph: every edge joins two instances.
    for (const Edge& edge : graph.edges()) {
        insert.bind(1, resourceIds[edge.from.value]);
        insert.bind(2, resourceIds[edge.to.value]);
        insert.bind(3, std::string_view(toString(edge.kind)));
        insert.bind(4, edge.provenance);
        insert.run();
        ++written;
    }
    return written;
}

} // namespace blastline::core
