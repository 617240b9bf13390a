// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ProgressSink.h"

#include <chrono>
#include <string>

namespace blastline::cli {

/**
 * A progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes stay clean).
 * Redraws at most ten times a second; clear() erases it before the result is printed.
 */
class TerminalProgress : public core::ProgressSink
{
public:
    TerminalProgress();
    ~TerminalProgress() override;
    void progress(std::string_view phase, std::uint64_t done, std::uint64_t total) override;
    void clear();

private:
    bool m_enabled;
    bool m_drawn = false;
    std::string m_lastPhase;
    std::chrono::steady_clock::time_point m_lastDraw;
};

} // namespace blastline::cli
