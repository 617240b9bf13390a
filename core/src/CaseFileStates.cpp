// SPDX-License-Identifier: MIT
#include "CaseJson.h"
#include "CaseSupport.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/sqlite/Statement.h"

namespace blastline::core {

namespace {

void loadResources(const sqlite::Database& database, std::int64_t stateId, TerraformState& state)
{
    sqlite::Statement select(database,
        "SELECT address, deposed_key, provider, provider_config, schema_version, tainted, create_before_destroy, "
        "recorded_dependencies, attributes, identity FROM resources WHERE state_id = ?1 ORDER BY position");
    select.bind(1, stateId);
    while (select.step()) {
        ResourceInstance instance;
        instance.addressText = select.columnText(0);
        const std::string context = "resource " + instance.addressText;
        std::string error;
        const auto address = ResourceAddress::parse(instance.addressText, &error);
        if (!address)
            throw Error("case file: " + context + ": " + error);
        instance.address = *address;
        instance.deposedKey = select.columnText(1);
        instance.provider = select.columnText(2);
        instance.providerConfig = select.columnText(3);
        instance.schemaVersion = static_cast<std::uint64_t>(select.columnInt64(4));
        instance.tainted = select.columnInt64(5) != 0;
        instance.createBeforeDestroy = select.columnInt64(6) != 0;
        instance.dependencies = CaseJson::readStrings(select.columnText(7), context);
        instance.attributes = CaseJson::readAttributes(select.columnText(8), context);
        if (!select.isNull(9))
            instance.identity = CaseJson::readAttributes(select.columnText(9), context);
        state.instances.push_back(std::move(instance));
    }
}

} // namespace

std::vector<StateRow> CaseFile::states() const
{
    sqlite::Statement select(m_database,
        "SELECT s.id, s.evidence_id, e.path, s.terraform_version, s.serial, s.lineage, "
        "(SELECT count(*) FROM resources r WHERE r.state_id = s.id) "
        "FROM states s JOIN evidence e ON e.id = s.evidence_id ORDER BY s.id");
    std::vector<StateRow> rows;
    while (select.step()) {
        rows.push_back({select.columnInt64(0), select.columnInt64(1), select.columnText(2), select.columnText(3),
            static_cast<std::uint64_t>(select.columnInt64(4)), select.columnText(5),
            static_cast<std::uint64_t>(select.columnInt64(6))});
    }
    return rows;
}

TerraformState CaseFile::loadState(std::int64_t stateId) const
{
    sqlite::Statement select(m_database,
        "SELECT e.path, s.source, s.format_version, s.terraform_version, s.serial, s.lineage "
        "FROM states s JOIN evidence e ON e.id = s.evidence_id WHERE s.id = ?1");
    select.bind(1, stateId);
    if (!select.step())
        throw InputError(m_path.string() + ": no state " + std::to_string(stateId) + " in this case");
    TerraformState state;
    state.path = select.columnText(0);
    state.source = casefile::stateSourceFrom(select.columnText(1));
    state.formatVersion = static_cast<int>(select.columnInt64(2));
    state.terraformVersion = select.columnText(3);
    state.serial = static_cast<std::uint64_t>(select.columnInt64(4));
    state.lineage = select.columnText(5);
    loadResources(m_database, stateId, state);

    sqlite::Statement outputs(
        m_database, "SELECT name, sensitive, value FROM outputs WHERE state_id = ?1 ORDER BY name");
    outputs.bind(1, stateId);
    while (outputs.step())
        state.outputs.push_back({outputs.columnText(0), outputs.columnInt64(1) != 0, outputs.columnText(2)});
    return state;
}

std::vector<RecoveryPoint> CaseFile::recoveryPoints() const
{
    sqlite::Statement select(m_database,
        "SELECT identifier, kind, origin, protects, source_document, created_at, kms_key_id, account, vault, "
        "retention_days FROM recovery_points ORDER BY id");
    std::vector<RecoveryPoint> points;
    while (select.step()) {
        RecoveryPoint point;
        point.id = select.columnText(0);
        point.kind = select.columnText(1);
        point.origin = casefile::originFrom(select.columnText(2));
        point.protects = select.columnText(3);
        point.sourceDocument = select.columnText(4);
        if (!select.isNull(5))
            point.createdAt = select.columnText(5);
        point.kmsKeyId = select.columnText(6);
        point.account = select.columnText(7);
        point.vault = select.columnText(8);
        if (!select.isNull(9))
            point.retentionDays = select.columnDouble(9);
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace blastline::core
