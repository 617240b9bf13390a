// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ProgressSink.h"
#include "blastline/core/Trail.h"
#include "blastline/core/TrailFilter.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

struct CloudTrailReadOptions
{
    core::TrailFilter filter; // applied while reading: dropped events never take memory
    unsigned threads = 0; // 0: one per core
    bool keepRecords = false; // keep each kept event's whole record (redacted) in TrailEvent::record
    std::uint64_t maxFileBytes = 1ULL << 30; // per file, after inflation: larger files are refused, not read
    // Per file: a file with more is refused whole (nothing kept from it). A real record is 1 to 2 KB, so a 1 GiB
    // file holds about a million; ten million fit only records of 100 bytes, which nothing real writes.
    std::uint64_t maxRecordsPerFile = 10'000'000;
    // Per gzip file: refused when it would inflate to more than this many times its size (past 1 MiB; 0: no limit).
    // Every real record holds two random UUIDs (eventID, requestID) that deflate cannot shrink, so real files
    // inflate 5 to 20 times (the samples 3 to 11, the bench generator's 9); deflate's most is 1,032.
    std::uint64_t maxInflationRatio = 100;
    core::ProgressSink* progress = nullptr; // called under the reader's lock, never concurrently
};

/**
 * Reads CloudTrail logs: files and whole directory trees in the S3 delivery layout, plain or gzip, in any of the
 * shapes CloudTrailDocument recognises by content. Files are read in parallel, one per thread at a time, so that
 * memory stays at a few files' worth whatever the trail's size. A file that cannot be read is recorded in its
 * TrailInput with path, byte offset and reason, and every other file is still read.
 */
class CloudTrailReader
{
public:
    /**
     * Throws core::InputError when a path given does not exist (a usage error, not a broken file) and
     * core::OperationCancelled when the progress sink asks. The trail comes back finished (sorted, de-duplicated).
     */
    static core::Trail read(const std::vector<std::string>& paths, const CloudTrailReadOptions& options);
    /** One file's content already in memory, named `name` in messages: for tests and fuzzers. */
    static core::Trail readBytes(std::string_view bytes, const std::string& name, const CloudTrailReadOptions& options);
    /**
     * The files a path stands for: itself when it is a file (whatever its name), else the files under it named
     * *.json, *.json.gz, *.jsonl, *.jsonl.gz, *.gz, *.yml or *.yaml, skipping hidden ones, sorted.
     */
    static std::vector<std::string> expand(const std::vector<std::string>& paths);
};

} // namespace blastline::importers
