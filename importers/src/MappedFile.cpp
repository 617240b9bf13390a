// SPDX-License-Identifier: MIT
#include "MappedFile.h"

#include "blastline/core/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace blastline::importers {

namespace {

[[noreturn]] void fail(const std::string& path, const char* what)
{
    throw core::InputError(path + ": " + what + ": " + std::strerror(errno));
}

} // namespace

MappedFile::MappedFile(const std::string& path, const FileLimit& limit)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail(path, "cannot open the file");
    }
    struct stat info
    { };
    if (::fstat(fd, &info) != 0) {
        ::close(fd);
        fail(path, "cannot read the file");
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        throw core::InputError(path + ": is a directory; expected " + limit.document);
    }
    // Refused before anything is mapped: a sparse or hostile file of terabytes costs nothing here.
    if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > limit.maxBytes) {
        ::close(fd);
        refuseIfTooLarge(path, static_cast<std::uint64_t>(info.st_size), limit);
    }
    if (S_ISREG(info.st_mode) && info.st_size > 0) {
        void* data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (data != MAP_FAILED) {
            ::madvise(data, static_cast<std::size_t>(info.st_size), MADV_SEQUENTIAL);
            m_data = static_cast<const char*>(data);
            m_size = static_cast<std::size_t>(info.st_size);
            m_mapped = true;
            const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
            m_readable = (m_size + page - 1) / page * page;
            ::close(fd);
            return;
        }
    }
    // Not mappable (empty, a pipe, a special file): read it the plain way.
    char buffer[1 << 16];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            ::close(fd);
            fail(path, "cannot read the file");
        }
        if (got == 0) {
            break;
        }
        m_fallback.append(buffer, static_cast<std::size_t>(got));
        if (m_fallback.size() > limit.maxBytes) {
            ::close(fd);
            refuseStreamPastLimit(path, limit);
        }
    }
    ::close(fd);
    m_data = m_fallback.data();
    m_size = m_fallback.size();
    m_readable = m_size;
}

MappedFile::~MappedFile()
{
    if (m_mapped) {
        ::munmap(const_cast<char*>(m_data), m_size);
    }
}

} // namespace blastline::importers
