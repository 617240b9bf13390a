// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace blastline::importers {

/** The largest file one reader accepts, and what that reader calls its document, for the message. */
struct FileLimit
{
    std::uint64_t maxBytes = 0;
    const char* document = ""; // "a state", "a plan", ...: "... more than the 4 GiB a state may have"
};

/**
 * Every reader's file-size limit, in one place (docs/reliability.md, "Limits", lists them). Each is
 * far above any real file, so it is never met by honest input; it exists so that a wrong or hostile
 * file is refused with its size and the limit before it is mapped, instead of exhausting memory or
 * keeping a parser busy for minutes.
 */
namespace fileLimits {

inline constexpr std::uint64_t kMiB = std::uint64_t {1} << 20;
inline constexpr std::uint64_t kGiB = std::uint64_t {1} << 30;

// A 500,000-instance state made by the bench generator is 435 MB: about ten times that is allowed.
inline constexpr FileLimit kState {4 * kGiB, "a state"};
// A plan holds the prior state, the planned values and every change's before and after: several
// times the state it was made from, so it may be larger than a state.
inline constexpr FileLimit kPlan {8 * kGiB, "a plan"};
// One AWS CLI listing (all pages of describe-db-snapshots, ...): about 1 KB per recovery point.
inline constexpr FileLimit kInventory {1 * kGiB, "an inventory listing"};
// One .tf file (or .terraform.lock.hcl), written by hand or by a generator.
inline constexpr FileLimit kConfigurationFile {64 * kMiB, "a configuration file"};
// scenario.json names its evidence files rather than holding them; the largest sample is 24 KB.
inline constexpr FileLimit kScenario {16 * kMiB, "a scenario"};
// A deletion-catalogue override; the built-in catalogue is 60 KB.
inline constexpr FileLimit kCatalogue {64 * kMiB, "a catalogue"};

} // namespace fileLimits

/** "20,000,000". */
std::string groupDigits(std::uint64_t number);

/** "5,368,709,121 bytes". */
std::string describeByteCount(std::uint64_t bytes);

/** "4 GiB", "64 MiB", or the byte count when the limit is not a whole number of either. */
std::string describeLimit(std::uint64_t bytes);

/** Throws core::InputError naming `path`, `size` and the limit when `size` is over it. */
void refuseIfTooLarge(const std::string& path, std::uint64_t size, const FileLimit& limit);

/** For a pipe, whose size is known only once read: throws as above once `limit` bytes were passed. */
[[noreturn]] void refuseStreamPastLimit(const std::string& path, const FileLimit& limit);

} // namespace blastline::importers
