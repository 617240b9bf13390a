// SPDX-License-Identifier: MIT
#pragma once

namespace blastline::gui {

struct GuiOptions;

/**
 * `blastline-gui --screenshot OUT.png [--at TIME] [--assume S]... FILE...`: opens the files synchronously in a window
 * of a fixed size that is never shown on screen, puts the timeline at TIME, grabs the window and writes the PNG.
 * Works on the offscreen platform and under xvfb-run: what the tests and the documentation's images use.
 */
class ScreenshotMode
{
public:
    /** 0 when the PNG was written; 2 with a message on stderr for an input that cannot be opened or a bad option. */
    static int run(const GuiOptions& options);
};

} // namespace blastline::gui
