// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace blastline::core {

/** What a case records of a file's bytes: enough to tell later whether they are still the same. */
struct EvidenceDigest
{
    std::uint64_t size = 0;
    std::string sha256; // 64 lowercase hex digits

    /**
     * Reads the file once, in chunks; `content`, when given, receives its bytes as well. Throws InputError
     * naming the path when the file cannot be opened or read.
     */
    static EvidenceDigest ofFile(const std::filesystem::path& path, std::vector<std::byte>* content = nullptr);
};

} // namespace blastline::core
