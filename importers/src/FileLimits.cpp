// SPDX-License-Identifier: MIT
#include "FileLimits.h"

#include "blastline/core/Error.h"

namespace blastline::importers {

std::string groupDigits(std::uint64_t number)
{
    const std::string digits = std::to_string(number);
    std::string grouped;
    for (std::size_t index = 0; index < digits.size(); ++index) {
        if (index > 0 && (digits.size() - index) % 3 == 0)
            grouped += ',';
        grouped += digits[index];
    }
    return grouped;
}

std::string describeByteCount(std::uint64_t bytes)
{
    return groupDigits(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string describeLimit(std::uint64_t bytes)
{
    using fileLimits::kGiB;
    using fileLimits::kMiB;
    if (bytes >= kGiB && bytes % kGiB == 0)
        return std::to_string(bytes / kGiB) + " GiB";
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    return describeByteCount(bytes);
}

namespace {

std::string overTheLimit(const FileLimit& limit)
{
    return "more than the " + describeLimit(limit.maxBytes) + " " + limit.document
        + " may have (Blastline's limit; see docs/reliability.md)";
}

} // namespace

void refuseIfTooLarge(const std::string& path, std::uint64_t size, const FileLimit& limit)
{
    if (size > limit.maxBytes)
        throw core::InputError(path + ": " + describeByteCount(size) + ", " + overTheLimit(limit));
}

void refuseStreamPastLimit(const std::string& path, const FileLimit& limit)
{
    throw core::InputError(path + ": " + overTheLimit(limit));
}

} // namespace blastline::importers
