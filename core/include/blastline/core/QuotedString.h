// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace blastline::core {

/**
 * Appends `text` as a double-quoted string with JSON escaping: how Terraform prints string instance
 * keys (`["a \"b\""]`, formats.md A.5), and what every JSON writer of Blastline needs.
 */
void appendQuoted(std::string& out, std::string_view text);

} // namespace blastline::core
