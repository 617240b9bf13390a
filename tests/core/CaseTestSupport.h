// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace blastline::core::test {

/** A fresh empty folder under the system's temporary folder, removed with everything in it by the destructor. */
class TemporaryDirectory
{
public:
    TemporaryDirectory();
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    /** Writes `bytes` to `name` in the folder and returns the file's path. */
    std::filesystem::path write(const std::string& name, std::string_view bytes) const;

private:
    std::filesystem::path m_path;
};

/** The whole file, for tests that search a file's bytes. */
std::string readFile(const std::filesystem::path& path);

} // namespace blastline::core::test
