// SPDX-License-Identifier: MIT
#include "gui/ScreenshotMode.h"

#include "gui/GuiOptions.h"
#include "gui/MainWindow.h"
#include "gui/ResourceTableModel.h"
#include "gui/TimelinePanel.h"
#include "gui/Workspace.h"
#include "gui/graph/GraphView.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>

#include <iostream>

namespace blastline::gui {

namespace {

constexpr int kExitBadInput = 2;

int fail(const QString& message)
{
    std::cerr << "blastline-gui: " << message.toStdString() << '\n';
    return kExitBadInput;
}

} // namespace

int ScreenshotMode::run(const GuiOptions& options)
{
    MainWindow window;
    QString error;
    window.setErrorHandler(
        [&error](const QString& title, const QString& message) { error = title + QStringLiteral(": ") + message; });
    window.workspace().setSynchronous(true);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(options.width, options.height);
    window.show();
    window.open(options.files, options.assume);
    if (!error.isEmpty())
        return fail(error);
    if (window.workspace().current() == nullptr)
        return fail(QStringLiteral("%1: nothing was opened").arg(options.files.join(QStringLiteral(", "))));
    if (options.at) {
        const std::optional<std::int64_t> at =
            GuiOptions::instant(*options.at, window.workspace().current()->relativeTimes);
        if (!at)
            return fail(QStringLiteral("--at %1: expected an ISO 8601 time with its zone, such as "
                                       "2026-02-26T22:03:00Z (for a state: seconds from the start of the destroy)")
                            .arg(*options.at));
        window.timelinePanel()->setCurrentTime(*at);
    }
    if (!options.select.empty()) {
        if (!window.resourceModel()->rowOf(options.select))
            return fail(QStringLiteral("--select %1: not a resource of %2")
                            .arg(QString::fromStdString(options.select), options.files.join(QStringLiteral(", "))));
        window.selectAddress(options.select);
    }
    // Let the layout settle at the final size before the graph fits itself into it.
    QApplication::processEvents();
    window.graphView()->fitToView();
    QApplication::processEvents();

    QImage image = window.grab().toImage();
    // On a high-DPI screen grab() returns device pixels; the PNG has the size asked for, whatever the screen.
    if (image.size() != QSize(options.width, options.height))
        image = image.scaled(options.width, options.height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (!image.save(options.screenshot, "PNG"))
        return fail(QStringLiteral("%1: could not be written").arg(options.screenshot));
    return 0;
}

} // namespace blastline::gui
