// SPDX-License-Identifier: MIT
#include "CaseTestSupport.h"

#include <fstream>
#include <sstream>

namespace blastline::core::test {

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace blastline::core::test
