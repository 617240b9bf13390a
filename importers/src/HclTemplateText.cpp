// SPDX-License-Identifier: MIT
#include "HclTemplateText.h"

#include <algorithm>

namespace blastline::importers {

void appendUtf8(std::string& out, std::uint32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

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
