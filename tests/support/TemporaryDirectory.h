// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace blastline::testing {

/** A fresh empty folder under the system's temporary folder, removed with everything in it by the destructor. */
class TemporaryDirectory
{
public:
    TemporaryDirectory();
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    /** Writes `bytes` to `relative` (creating its folders) and returns the full path. */
    std::filesystem::path write(const std::string& relative, std::string_view bytes) const;

private:
    std::filesystem::path m_path;
};

} // namespace blastline::testing
