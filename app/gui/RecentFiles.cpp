// SPDX-License-Identifier: MIT
#include "gui/RecentFiles.h"

#include <QSettings>

namespace blastline::gui {

namespace {

const QString kKey = QStringLiteral("recentFiles");
const QChar kSeparator = QLatin1Char('\n'); // never in a path a person opens from a dialog

} // namespace

std::vector<QStringList> RecentFiles::load()
{
    std::vector<QStringList> entries;
    for (const QString& entry : QSettings().value(kKey).toStringList()) {
        if (!entry.isEmpty())
            entries.push_back(entry.split(kSeparator));
    }
    return entries;
}

void RecentFiles::add(const QStringList& paths)
{
    QStringList stored = QSettings().value(kKey).toStringList();
    const QString entry = paths.join(kSeparator);
    stored.removeAll(entry);
    stored.prepend(entry);
    while (stored.size() > kMaximum)
        stored.removeLast();
    QSettings().setValue(kKey, stored);
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
}

} // namespace blastline::gui
