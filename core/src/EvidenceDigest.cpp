// SPDX-License-Identifier: MIT
#include "EvidenceDigest.h"

#include "blastline/core/Error.h"
#include "blastline/core/Sha256.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace blastline::core {

EvidenceDigest EvidenceDigest::ofFile(const std::filesystem::path& path, std::vector<std::byte>* content)
{
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw InputError(path.string() + ": is a folder; evidence is kept file by file");
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw InputError(path.string() + ": cannot open: " + std::strerror(errno));
    constexpr std::size_t kChunk = 1 << 20;
    std::vector<char> buffer(kChunk);
    Sha256 hasher;
    EvidenceDigest digest;
    if (content)
        content->clear();
    while (file) {
        file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(file.gcount());
        if (got == 0)
            break;
        const std::string_view chunk(buffer.data(), got);
        hasher.update(chunk);
        digest.size += got;
        if (content) {
            const auto bytes = std::as_bytes(std::span(chunk.data(), chunk.size()));
            content->insert(content->end(), bytes.begin(), bytes.end());
        }
    }
    if (file.bad())
        throw InputError(path.string() + ": cannot read: " + std::strerror(errno));
    digest.sha256 = Sha256::toHex(hasher.finish());
    return digest;
}

} // namespace blastline::core
