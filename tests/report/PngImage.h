// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blastline::test {

/** An 8-bit RGB or RGBA PNG (what Chromium's screenshots are), decoded with zlib into RGBA rows. */
struct PngImage
{
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4

    /** Throws std::runtime_error for anything else (palette, 16-bit, interlaced, damaged). */
    static PngImage decode(const std::string& bytes);
    /** Whether the pixel differs from white by more than `tolerance` in any channel. */
    bool isInk(std::uint32_t x, std::uint32_t y, int tolerance = 16) const;
};

} // namespace blastline::test
