// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Helpers for the text inside HCL strings and heredocs, kept apart from the lexer's scanning loop.

namespace blastline::importers {

/**
 * The value of a heredoc from its lines (without newlines): each line ends with "\n"; a flush heredoc
 * (<<-) loses the indentation common to its lines that hold text. Heredocs take no backslash escapes;
 * only "$${" and "%%{" stand for a literal "${" and "%{".
 * `isTemplate` is set when the text has an interpolation or a directive, i.e. is an expression.
 */
std::string heredocValue(const std::vector<std::string>& lines, bool flush, bool& isTemplate);

} // namespace blastline::importers
