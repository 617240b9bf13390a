// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace blastline::core {

/** Appends a Unicode scalar value (as from a "\u00e9" escape) encoded as UTF-8. */
void appendUtf8(std::string& out, std::uint32_t codePoint);

/** The value of a hexadecimal digit, or -1 when `c` is not one. */
int hexDigitValue(char c);

} // namespace blastline::core
