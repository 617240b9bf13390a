// SPDX-License-Identifier: MIT
#include "gui/GuiOptions.h"

#include "blastline/core/Scenario.h"
#include "blastline/core/UtcTime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace blastline::gui {

GuiOptions GuiOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Blastline: blast radius and incident replay for Terraform and AWS"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("A scenario (folder or scenario.json), a state, a plan, a CloudTrail file or folder, an "
                       "inventory, or a case file (.blc)"),
        QStringLiteral("[FILE...]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Load FILE, render the window to this PNG and exit"), QStringLiteral("OUT.png"));
    const QCommandLineOption at(QStringLiteral("at"),
        QStringLiteral("With --screenshot: show the world at this time (ISO 8601 with its zone; for a state, seconds "
                       "from the start of the destroy)"),
        QStringLiteral("TIME"));
    const QCommandLineOption assume(QStringLiteral("assume"),
        QStringLiteral("With --screenshot: run as if this safeguard were in place (repeatable)"), QStringLiteral("S"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("With --screenshot: the window's size (default 1600x1000)"), QStringLiteral("WxH"));
    const QCommandLineOption select(QStringLiteral("select"),
        QStringLiteral("With --screenshot: select this resource, so the inspector shows it"),
        QStringLiteral("ADDRESS"));
    parser.addOptions({screenshot, at, assume, size, select});

    GuiOptions options;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        // Handled by the caller through QCommandLineParser's own texts.
        options.error = parser.isSet(QStringLiteral("help"))
            ? parser.helpText()
            : QStringLiteral("blastline-gui ") + QCoreApplication::applicationVersion();
        return options;
    }
    options.files = parser.positionalArguments();
    options.screenshot = parser.value(screenshot);
    if (parser.isSet(at))
        options.at = parser.value(at);
    for (const QString& name : parser.values(assume)) {
        if (!core::isScenarioSafeguard(name.toStdString())) {
            options.error = QStringLiteral("--assume %1: not a safeguard").arg(name);
            return options;
        }
        options.assume.push_back(name.toStdString());
    }
    options.select = parser.value(select).toStdString();
    if (parser.isSet(size)) {
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$")).match(parser.value(size));
        if (!match.hasMatch()) {
            options.error =
                QStringLiteral("--size %1: expected WIDTHxHEIGHT, such as 1600x1000").arg(parser.value(size));
            return options;
        }
        options.width = match.captured(1).toInt();
        options.height = match.captured(2).toInt();
    }
    if (options.screenshot.isEmpty() && (options.at || !options.assume.empty() || !options.select.empty()))
        options.error = QStringLiteral("--at, --assume and --select go with --screenshot; in the app, use the "
                                       "timeline, the safeguards panel and the table");
    else if (!options.screenshot.isEmpty() && options.files.isEmpty())
        options.error = QStringLiteral("--screenshot needs a FILE to open");
    return options;
}

std::optional<std::int64_t> GuiOptions::instant(const QString& text, bool relativeTimes)
{
    if (relativeTimes) {
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (ok && seconds >= 0)
            return static_cast<std::int64_t>(seconds * 1000.0);
        return std::nullopt;
    }
    return core::UtcTime::parse(text.toStdString());
}

} // namespace blastline::gui
