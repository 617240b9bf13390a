// SPDX-License-Identifier: MIT
#include "Utf8Text.h"

namespace blastline::importers {

namespace {

/** Bytes in the well-formed sequence at `at`, whose first byte is not ASCII, or 0 when it is ill-formed. */
std::size_t sequenceLength(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t index) -> unsigned {
        return at + index < text.size() ? static_cast<unsigned char>(text[at + index]) : 0U;
    };
    const auto follows = [&](std::size_t index, unsigned low = 0x80, unsigned high = 0xBF) {
        return byte(index) >= low && byte(index) <= high;
    };
    const unsigned lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF)
        return follows(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const bool second = lead == 0xE0 ? follows(1, 0xA0) : lead == 0xED ? follows(1, 0x80, 0x9F) : follows(1);
        return second && follows(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const bool second = lead == 0xF0 ? follows(1, 0x90) : lead == 0xF4 ? follows(1, 0x80, 0x8F) : follows(1);
        return second && follows(2) && follows(3) ? 4 : 0;
    }
    return 0; // a continuation byte, an overlong lead (C0, C1) or F5..FF
}

} // namespace

std::size_t firstIllFormedUtf8(std::string_view text, std::size_t from)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t at = from;
    while (at < text.size()) {
        if (bytes[at] < 0x80) {
            ++at; // ASCII, nearly every byte of a real file
            continue;
        }
        const std::size_t length = sequenceLength(text, at);
        if (length == 0)
            return at;
        at += length;
    }
    return std::string_view::npos;
}

} // namespace blastline::importers
