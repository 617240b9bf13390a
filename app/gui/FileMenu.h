// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>
#include <QStringList>

namespace blastline::gui {

/**
 * File: Open (Ctrl+O), Open Folder, Open Recent (RecentFiles), Export Graph as SVG or PNG, Export Report as HTML or
 * markdown, Quit (Ctrl+Q). The file dialogs are asked here; what to do with the answer is the window's.
 */
class FileMenu : public QMenu
{
    Q_OBJECT
public:
    explicit FileMenu(QWidget* window);

    QAction* openAction() const { return m_open; }
    /** Reads the recent files again (after an open added one). */
    void rebuildRecent();

signals:
    void openRequested(const QStringList& paths);
    /** `path` chosen in a save dialog; `svg` false for PNG. */
    void exportRequested(const QString& path, bool svg);
    /** `path` chosen in a save dialog; `html` false for markdown. */
    void reportRequested(const QString& path, bool html);

private:
    void askExport(bool svg);
    void askReport(bool html);

    QWidget* m_window;
    QAction* m_open;
    QMenu* m_recent;
};

} // namespace blastline::gui
