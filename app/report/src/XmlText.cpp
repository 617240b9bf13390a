// SPDX-License-Identifier: MIT
#include "blastline/report/XmlText.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace blastline::report {

namespace {

/** The length of the valid UTF-8 sequence at `i`, or 0 when it is not one (or is a character XML forbids). */
std::size_t validSequence(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80)
        return (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') && lead != 0x7f ? 1 : 0;
    std::size_t length = 0;
    std::uint32_t code = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        code = lead & 0x1fu;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        code = lead & 0x0fu;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        code = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3fu);
    }
    const std::uint32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    const bool forbidden = (code >= 0xd800 && code <= 0xdfff) || code == 0xfffe || code == 0xffff || code > 0x10ffff
        || (code >= 0x80 && code <= 0x9f);
    return code < minimum || forbidden ? 0 : length;
}

} // namespace

std::string XmlText::escape(std::string_view text)
{
    return escapeShortened(text, std::string_view::npos);
}

std::string XmlText::escapeShortened(std::string_view text, std::size_t maxCharacters)
{
    std::string out;
    out.reserve(text.size());
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (characters == maxCharacters) {
            out += "\u2026";
            return out;
        }
        ++characters;
        const std::size_t length = validSequence(text, i);
        if (length == 0) {
            out += "\uFFFD";
            ++i;
            continue;
        }
        if (length > 1) {
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        switch (text[i]) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += text[i];
        }
        ++i;
    }
    return out;
}

std::string XmlText::number(double value)
{
    char buffer[32];
    const double rounded = std::round(value * 10) / 10;
    if (rounded == std::floor(rounded))
        std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
    return buffer;
}

} // namespace blastline::report
