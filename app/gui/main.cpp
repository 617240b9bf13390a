// SPDX-License-Identifier: MIT
#include "gui/GuiOptions.h"
#include "gui/MainWindow.h"
#include "gui/ScreenshotMode.h"

#include <QApplication>

#include <iostream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("blastline-gui"));
    QApplication::setOrganizationName(QStringLiteral("Blastline"));
    QApplication::setApplicationVersion(QStringLiteral(BLASTLINE_VERSION));

    const blastline::gui::GuiOptions options = blastline::gui::GuiOptions::parse(QApplication::arguments());
    if (!options.error.isEmpty()) {
        const bool informational = options.error.startsWith(QStringLiteral("Usage"))
            || options.error.startsWith(QStringLiteral("blastline-gui "));
        (informational ? std::cout : std::cerr)
            << (informational ? "" : "blastline-gui: ") << options.error.toStdString() << '\n';
        return informational ? 0 : 2;
    }
    if (!options.screenshot.isEmpty())
        return blastline::gui::ScreenshotMode::run(options);

    blastline::gui::MainWindow window;
    window.restoreSettings();
    window.show();
    if (!options.files.isEmpty())
        window.open(options.files);
    return QApplication::exec();
}
