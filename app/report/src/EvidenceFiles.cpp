// SPDX-License-Identifier: MIT
#include "EvidenceFiles.h"

#include "blastline/core/Sha256.h"

#include <algorithm>
#include <array>
#include <fstream>

namespace blastline::report {

std::string EvidenceFiles::sha256Of(const std::filesystem::path& file, std::uint64_t& size)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return {};
    core::Sha256 hasher;
    std::array<char, 64 * 1024> buffer {};
    size = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto read = static_cast<std::size_t>(in.gcount());
        hasher.update(std::string_view(buffer.data(), read));
        size += read;
    }
    return core::Sha256::toHex(hasher.finish());
}

void EvidenceFiles::add(std::vector<EvidenceEntry>& entries, const std::filesystem::path& path,
    const std::filesystem::path& base, const std::string& role)
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
            if (entry.is_regular_file())
                files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
    } else {
        files.push_back(path);
    }
    for (const std::filesystem::path& file : files) {
        EvidenceEntry entry;
        entry.path = file.lexically_relative(base).generic_string();
        if (entry.path.empty() || entry.path.rfind("..", 0) == 0)
            entry.path = file.generic_string();
        entry.role = role;
        entry.sha256 = sha256Of(file, entry.size);
        entries.push_back(std::move(entry));
    }
}

} // namespace blastline::report
