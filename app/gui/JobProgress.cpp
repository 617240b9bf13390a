// SPDX-License-Identifier: MIT
#include "gui/JobProgress.h"

namespace blastline::gui {

namespace {

constexpr qint64 kMinimumIntervalMs = 50; // the dialog need not repaint faster than the eye reads it

} // namespace

JobProgress::JobProgress(QObject* parent)
    : QObject(parent)
{
    m_sinceLast.start();
}

void JobProgress::progress(std::string_view phase, std::uint64_t done, std::uint64_t total)
{
    {
        const std::lock_guard lock(m_mutex);
        const bool newPhase = phase != m_lastPhase;
        if (!newPhase && m_sinceLast.elapsed() < kMinimumIntervalMs && done != total)
            return;
        m_lastPhase = phase;
        m_sinceLast.restart();
    }
    emit progressed(QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size())), done, total);
}

} // namespace blastline::gui
