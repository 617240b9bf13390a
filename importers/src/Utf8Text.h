// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

namespace blastline::importers {

/**
 * The offset of the first byte of `text` (from `from` on) that does not start a well-formed UTF-8
 * sequence (RFC 3629: no overlong form, no surrogate, nothing past U+10FFFF), or npos when all of it is
 * well formed.
 */
std::size_t firstIllFormedUtf8(std::string_view text, std::size_t from = 0);

} // namespace blastline::importers
