// SPDX-License-Identifier: MIT
#pragma once

#include "JsonLocation.h"

#include <cstddef>
#include <string>

namespace blastline::importers {

/**
 * How many records of each kind one file may hold (docs/reliability.md, "Limits", lists them). Like
 * the file-size limits (FileLimits.h) each is far above any real input: they exist so that a wrong
 * or hostile file is refused with its place and the limit instead of growing a result without end.
 * Each is one counter compared once per record, so the hot paths do not notice them.
 *
 * Production code always reads with the defaults (`RecordLimits {}`); the readers take the struct
 * only so that tests can meet a limit with a small file (StateReaderPaths.h, LimitedReaders.h).
 */
struct RecordLimits
{
    // The 500,000-instance bench state is 435 MB; 4 GiB (the state's size limit) of the smallest
    // instances a state can hold is near 20 million.
    std::size_t stateInstances = 20'000'000;
    // Flattened leaves of one instance's `attributes` (or `attributes_flat`, `identity`, show-json
    // `values`). The largest real ones (IAM policies, big tag maps) hold thousands.
    std::size_t attributesPerInstance = 1'000'000;
    // One AWS CLI listing of 1 GiB (its size limit) at the smallest real record (~100 bytes).
    std::size_t recoveryPoints = 10'000'000;
    // `resource_changes` (and `resource_drift`) of one plan: one per instance of the state planned.
    std::size_t resourceChanges = 20'000'000;
    // One JSON string (a value or a key) of a state, a plan or an inventory listing. Real ones are at
    // most megabytes (a CloudFormation template_body is at most 1 MB, EC2 user_data 16 KB); an
    // `aws_s3_object`'s or `local_file`'s `content` can be larger, hence the margin. The case file
    // keeps an instance's attributes in one SQLite value, which may not pass 1,000,000,000 bytes
    // (SQLITE_MAX_LENGTH): strings of this size leave room for three of them.
    std::size_t stringBytes = 256 * 1024 * 1024;
    // Entries of one deletion catalogue: one per resource type, and the AWS provider has about
    // 1,500 of them.
    std::size_t catalogueEntries = 10'000;
};

/**
 * A configuration folder's module tree, followed through local `source` paths. A call is followed once per
 * module block, as Terraform instantiates it, so a folder calling the next one twice, thirty folders deep,
 * would be a billion modules: the count bounds that, the depth bounds the recursion. Real trees are a few
 * levels deep and hold tens to hundreds of module calls.
 */
namespace moduleLimits {
inline constexpr std::size_t kMaxFollowedCalls = 10'000;
inline constexpr std::size_t kMaxDepth = 100;
} // namespace moduleLimits

/** What the readers call each kind of record in their messages. */
namespace recordKinds {
inline constexpr const char* kStateInstances = "resource instances a state";
inline constexpr const char* kAttributes = "attributes (flattened values) an instance";
inline constexpr const char* kRecoveryPoints = "recovery points an inventory listing";
inline constexpr const char* kResourceChanges = "resource changes a plan";
inline constexpr const char* kCatalogueEntries = "entries a deletion catalogue";
} // namespace recordKinds

/**
 * The error for the record at `pointer` that goes past `limit`: "more than the 20,000,000 resource
 * instances a state may have (Blastline's limit; see docs/reliability.md)".
 */
StructureError tooManyRecords(const std::string& pointer, std::size_t limit, const char* kind);

/**
 * The error for a JSON string (a value or a key) at or in `pointer` of `bytes` bytes, past `limit`:
 * "a string of 300,000,000 bytes, more than the 256 MiB one JSON string may have (...)".
 * The string's bytes are never quoted: it may be a secret.
 */
StructureError stringTooLong(const std::string& pointer, std::size_t bytes, std::size_t limit);

/**
 * Paths a scenario names (its evidence files) are refused before the filesystem is asked about
 * them when longer than Linux's PATH_MAX, or when one component is longer than NAME_MAX: no
 * filesystem Blastline runs on could hold them, and the error then names the scenario's field.
 */
namespace pathLimits {
inline constexpr std::size_t kMaxPathBytes = 4096; // PATH_MAX
inline constexpr std::size_t kMaxComponentBytes = 255; // NAME_MAX
} // namespace pathLimits

/** Throws StructureError at `pointer` when `path` is over a path limit or holds a NUL byte. */
void refuseUnusablePath(const std::string& path, const std::string& pointer);

} // namespace blastline::importers
