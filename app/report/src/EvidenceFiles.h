// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/report/ReportModel.h"

#include <filesystem>
#include <string>
#include <vector>

namespace blastline::report {

/** The evidence appendix of a scenario: each file (a folder's files, sorted) with its size and SHA-256. */
class EvidenceFiles
{
public:
    /** `path` is listed relative to `base`; a folder contributes every regular file under it. */
    static void add(std::vector<EvidenceEntry>& entries, const std::filesystem::path& path,
        const std::filesystem::path& base, const std::string& role);
    /** The SHA-256 of a file's bytes, read in pieces; empty when it cannot be read. */
    static std::string sha256Of(const std::filesystem::path& file, std::uint64_t& size);
};

} // namespace blastline::report
