// SPDX-License-Identifier: MIT
#pragma once

#include "TemporaryDirectory.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace blastline::core::test {

using blastline::testing::TemporaryDirectory;

/** The whole file, for tests that search a file's bytes. */
std::string readFile(const std::filesystem::path& path);

} // namespace blastline::core::test
