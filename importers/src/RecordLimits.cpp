// SPDX-License-Identifier: MIT
#include "RecordLimits.h"

#include "FileLimits.h"

#include <algorithm>

namespace blastline::importers {

namespace {

const char* const kSeeTheDoc = " (Blastline's limit; see docs/reliability.md)";

} // namespace

StructureError tooManyRecords(const std::string& pointer, std::size_t limit, const char* kind)
{
    return {pointer, "more than the " + groupDigits(limit) + " " + kind + " may have" + kSeeTheDoc};
}

StructureError stringTooLong(const std::string& pointer, std::size_t bytes, std::size_t limit)
{
    return {pointer,
        "a string of " + describeByteCount(bytes) + ", more than the " + describeLimit(limit)
            + " one JSON string may have" + kSeeTheDoc};
}

void refuseUnusablePath(const std::string& path, const std::string& pointer)
{
    if (path.find('\0') != std::string::npos)
        throw StructureError(pointer, "expected a path, found a NUL character in it");
    if (path.size() > pathLimits::kMaxPathBytes)
        throw StructureError(pointer,
            "a path of " + describeByteCount(path.size()) + ", more than the "
                + std::to_string(pathLimits::kMaxPathBytes) + " a path may have (PATH_MAX)" + kSeeTheDoc);
    std::size_t start = 0;
    for (std::size_t component = 1; start <= path.size(); ++component) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        if (end - start > pathLimits::kMaxComponentBytes)
            throw StructureError(pointer,
                "component " + std::to_string(component) + " of the path is " + describeByteCount(end - start)
                    + ", more than the " + std::to_string(pathLimits::kMaxComponentBytes)
                    + " a file name may have (NAME_MAX)" + kSeeTheDoc);
        start = end + 1;
    }
}

} // namespace blastline::importers
