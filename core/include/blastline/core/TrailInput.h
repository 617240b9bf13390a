// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace blastline::core {

/** One file a timeline was read from, and how reading it went. */
struct TrailInput
{
    std::string path;
    /**
     * What the content was: "records" ({"Records": [...]}), "array" (a bare array of records), "record" (one
     * record), "json-lines", "lookup-events", "lake-query-results", "panther-rule", "digest" (skipped: it lists
     * log files, it holds no events), or empty when the file could not be read.
     */
    std::string format;
    bool compressed = false;
    std::uint64_t bytes = 0; // as stored (compressed size for .gz)
    std::uint64_t records = 0; // records in the file, before filtering and de-duplication
    std::uint64_t kept = 0; // of which passed the filter
    /** Records that are JSON but cannot go on a timeline (no eventName, no eventTime): skipped, not fatal. */
    std::uint64_t skipped = 0;
    std::string warning; // why the first of them was skipped, with path and place
    /** Why the file could not be read: names the path, the byte offset and what was expected. */
    std::string error;
    std::optional<std::uint64_t> errorOffset;
};

} // namespace blastline::core
