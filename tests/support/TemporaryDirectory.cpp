// SPDX-License-Identifier: MIT
#include "TemporaryDirectory.h"

#include <fstream>
#include <random>

namespace blastline::testing {

TemporaryDirectory::TemporaryDirectory()
{
    std::random_device random;
    do {
        m_path = std::filesystem::temp_directory_path() / ("blastline-test-" + std::to_string(random()));
    } while (!std::filesystem::create_directories(m_path)); // another test's folder: draw again
}

TemporaryDirectory::~TemporaryDirectory()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path TemporaryDirectory::write(const std::string& relative, std::string_view bytes) const
{
    const std::filesystem::path full = m_path / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream file(full, std::ios::binary);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return full;
}

} // namespace blastline::testing
