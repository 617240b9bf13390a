// SPDX-License-Identifier: MIT
#include "HclTemplateText.h"

#include <algorithm>

namespace blastline::importers {

std::string heredocValue(const std::vector<std::string>& lines, bool flush, bool& isTemplate)
{
    std::size_t indent = 0;
    if (flush) {
        indent = std::string::npos;
        for (const auto& line : lines) {
            const auto first = line.find_first_not_of(" \t");
            if (first != std::string::npos)
                indent = std::min(indent, first);
        }
        if (indent == std::string::npos)
            indent = 0;
    }
    std::string raw;
    for (const auto& line : lines) {
        raw += line.size() > indent ? line.substr(indent) : std::string();
        raw += '\n';
    }

    isTemplate = false;
    std::string value;
    value.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        const bool marker = c == '$' || c == '%';
        if (marker && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
            value += c;
            value += '{';
            i += 2;
        } else if (marker && i + 1 < raw.size() && raw[i + 1] == '{') {
            isTemplate = true;
            return {};
        } else {
            value += c;
        }
    }
    return value;
}

} // namespace blastline::importers
