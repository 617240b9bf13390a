// SPDX-License-Identifier: MIT
// Helpers shared by the configuration reader's tests.
#pragma once

#include "blastline/core/TerraformConfiguration.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace blastline::importers::test {

inline std::vector<std::string> addresses(const core::TerraformConfiguration& configuration)
{
    std::vector<std::string> result;
    for (const auto& resource : configuration.resources)
        result.push_back(resource.address);
    return result;
}

/** A folder under the system temp folder, removed with everything in it at the end of the test. */
class TempDir
{
public:
    TempDir()
        : m_path(std::filesystem::temp_directory_path() / ("blastline-hcl-" + std::to_string(std::random_device {}())))
    {
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    void write(const std::string& relative, const std::string& text) const
    {
        const std::filesystem::path file = m_path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
    }

private:
    std::filesystem::path m_path;
};

} // namespace blastline::importers::test
