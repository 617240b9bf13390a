// SPDX-License-Identifier: MIT
#include "CaseTestSupport.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace blastline::core::test {

TemporaryDirectory::TemporaryDirectory()
{
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / ("blastline-case-test-" + std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

TemporaryDirectory::~TemporaryDirectory()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path TemporaryDirectory::write(const std::string& name, std::string_view bytes) const
{
    const std::filesystem::path file = m_path / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    return file;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace blastline::core::test
