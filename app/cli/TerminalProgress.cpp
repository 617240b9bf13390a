// SPDX-License-Identifier: MIT
#include "cli/TerminalProgress.h"

#include <cstdio>
#include <unistd.h>

namespace blastline::cli {

TerminalProgress::TerminalProgress()
    : m_enabled(::isatty(STDERR_FILENO) == 1)
{ }

TerminalProgress::~TerminalProgress()
{
    clear();
}

void TerminalProgress::progress(std::string_view phase, std::uint64_t done, std::uint64_t total)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    const bool newPhase = phase != m_lastPhase;
    if (!newPhase && done != total && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    m_lastPhase = std::string(phase);

    constexpr int width = 30;
    char line[160];
    if (total > 0) {
        const double fraction = static_cast<double>(done) / static_cast<double>(total);
        const int filled = static_cast<int>(fraction * width);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(width, '.');
        std::snprintf(line, sizeof line, "\r%-24.24s [%s] %3d%%", m_lastPhase.c_str(), bar.c_str(),
            static_cast<int>(fraction * 100));
    } else {
        std::snprintf(line, sizeof line, "\r%-24.24s %llu", m_lastPhase.c_str(), static_cast<unsigned long long>(done));
    }
    std::fputs(line, stderr);
    std::fflush(stderr);
    m_drawn = true;
}

void TerminalProgress::clear()
{
    if (!m_drawn)
        return;
    std::fputs("\r\x1b[2K", stderr);
    std::fflush(stderr);
    m_drawn = false;
}

} // namespace blastline::cli
