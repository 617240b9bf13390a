// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace blastline::core {

/**
 * The numbered migrations that build a case file's schema. Migration N is an SQL script that takes a case
 * from schema N-1 to N; the schema version is the number of migrations (kept in `PRAGMA user_version`).
 * Published migrations are never edited: a change to the schema is a new migration at the end.
 */
class CaseSchema
{
public:
    /** Tests build older or newer schemas from their own scripts; Blastline uses current(). */
    explicit CaseSchema(std::vector<std::string> migrations);
    /** The schema this Blastline writes and reads (docs/case-file.md). */
    static const CaseSchema& current();

    int version() const { return static_cast<int>(m_migrations.size()); }
    /** The script that takes schema `toVersion - 1` to `toVersion` (1 ... version()). */
    const std::string& migration(int toVersion) const
    {
        return m_migrations.at(static_cast<std::size_t>(toVersion - 1));
    }

private:
    std::vector<std::string> m_migrations;
};

} // namespace blastline::core
