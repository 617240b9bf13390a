// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <vector>

namespace blastline::gui {

/**
 * The documents opened lately, newest first, kept in QSettings. One entry is every path opened together (a state
 * with its inventory), so reopening it rebuilds the same document.
 */
class RecentFiles
{
public:
    static constexpr int kMaximum = 10;

    static std::vector<QStringList> load();
    /** Puts `paths` first (moving it if present) and drops the oldest beyond kMaximum. */
    static void add(const QStringList& paths);
    static void clear();
};

} // namespace blastline::gui
