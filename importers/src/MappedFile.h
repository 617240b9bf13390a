// SPDX-License-Identifier: MIT
#pragma once

#include "FileLimits.h"

#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * A whole file as one read-only view. Mapped rather than read: the parser walks it once, front to
 * back, and the kernel can drop the clean pages under memory pressure (states reach hundreds of MB).
 * Throws core::InputError naming the file when it cannot be opened or read, or when it is larger
 * than `limit` (checked before a byte is mapped or read; a pipe stops being read at the limit).
 */
class MappedFile
{
public:
    MappedFile(const std::string& path, const FileLimit& limit);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view text() const { return {m_data, m_size}; }
    /** Bytes readable from text().data(): a mapping extends to the end of its last page (zeros). */
    std::size_t readableSize() const { return m_readable; }

private:
    const char* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_readable = 0;
    bool m_mapped = false;
    std::string m_fallback; // for files that cannot be mapped (pipes, /proc)
};

} // namespace blastline::importers
