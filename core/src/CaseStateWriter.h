// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseImport.h"
#include "blastline/core/TerraformState.h"

#include <cstdint>
#include <vector>

namespace blastline::core {

class ProgressSink;
namespace sqlite {
class Database;
}

/** Writes one Terraform state into a case, inside the caller's transaction. */
class CaseStateWriter
{
public:
    explicit CaseStateWriter(sqlite::Database& database)
        : m_database(database)
    { }

    /**
     * The state row, one resource row per instance (in state order), the outputs, and the dependency graph's
     * edges between the instances (ResourceGraph: recorded dependencies expanded as Terraform expands them,
     * and inferred references). Adds to `result`'s counts and returns the state's id.
     */
    std::int64_t write(
        const TerraformState& state, std::int64_t evidenceId, ProgressSink* progress, ImportResult& result);

private:
    std::vector<std::int64_t> writeResources(const TerraformState& state, std::int64_t stateId, ProgressSink* progress);
    void writeOutputs(const TerraformState& state, std::int64_t stateId);
    std::uint64_t writeEdges(
        const TerraformState& state, const std::vector<std::int64_t>& resourceIds, ProgressSink* progress);

    sqlite::Database& m_database;
};

} // namespace blastline::core
