// SPDX-License-Identifier: MIT
#include "gui/FileMenu.h"

#include "gui/RecentFiles.h"

#include <QFileDialog>
#include <QFileInfo>

namespace blastline::gui {

FileMenu::FileMenu(QWidget* window)
    : QMenu(tr("&File"), window)
    , m_window(window)
{
    m_open = addAction(tr("&Open…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(m_window, tr("Open"), QString(),
            tr("Blastline inputs (*.json *.tfstate *.gz *.jsonl *.blc);;All files (*)"));
        if (!paths.isEmpty())
            emit openRequested(paths);
    });
    m_open->setShortcut(QKeySequence::Open);
    QAction* openFolder = addAction(tr("Open &Folder…"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Open a scenario or CloudTrail folder"));
        if (!folder.isEmpty())
            emit openRequested({folder});
    });
    openFolder->setToolTip(tr("A scenario folder, or a folder of CloudTrail logs"));
    m_recent = addMenu(tr("Open &Recent"));
    rebuildRecent();
    addSeparator();
    addAction(tr("Export Graph as &SVG…"), this, [this] { askExport(true); });
    addAction(tr("Export Graph as &PNG…"), this, [this] { askExport(false); });
    addAction(tr("Export &Report as HTML…"), this, [this] { askReport(true); });
    addAction(tr("Export Report as &Markdown…"), this, [this] { askReport(false); });
    addSeparator();
    QAction* quit = addAction(tr("&Quit"), m_window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void FileMenu::rebuildRecent()
{
    m_recent->clear();
    const std::vector<QStringList> entries = RecentFiles::load();
    for (const QStringList& paths : entries) {
        QStringList names;
        for (const QString& path : paths)
            names << QFileInfo(path).fileName();
        QAction* action =
            m_recent->addAction(names.join(QStringLiteral(" + ")), this, [this, paths] { emit openRequested(paths); });
        action->setToolTip(paths.join(QLatin1Char('\n')));
    }
    m_recent->addSeparator();
    QAction* clear = m_recent->addAction(tr("Clear the List"), this, [this] {
        RecentFiles::clear();
        rebuildRecent();
    });
    clear->setEnabled(!entries.empty());
}

void FileMenu::askExport(bool svg)
{
    const QString path =
        QFileDialog::getSaveFileName(m_window, svg ? tr("Export the graph as SVG") : tr("Export the graph as PNG"),
            svg ? QStringLiteral("blast-radius.svg") : QStringLiteral("blast-radius.png"),
            svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (!path.isEmpty())
        emit exportRequested(path, svg);
}

void FileMenu::askReport(bool html)
{
    const QString path = QFileDialog::getSaveFileName(m_window,
        html ? tr("Export the postmortem report as HTML") : tr("Export the postmortem report as markdown"),
        html ? QStringLiteral("postmortem.html") : QStringLiteral("postmortem.md"),
        html ? tr("HTML documents (*.html)") : tr("Markdown documents (*.md)"));
    if (!path.isEmpty())
        emit reportRequested(path, html);
}

} // namespace blastline::gui
