// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blastline::cli {

/** "a, b, c": a list in one line of a report (CSV cells pass " " to keep commas out). */
inline std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ")
{
    std::string text;
    for (const std::string& item : items) {
        if (!text.empty())
            text += separator;
        text += item;
    }
    return text;
}

} // namespace blastline::cli
