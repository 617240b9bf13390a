// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::gui {

/**
 * The command line: `blastline-gui [FILE...]`, and the screenshot mode
 * `blastline-gui --screenshot OUT.png [--at TIME] [--assume S]... [--select ADDRESS] [--size WxH] FILE...`.
 */
struct GuiOptions
{
    QStringList files;
    QString screenshot; // empty: the interactive app
    std::optional<QString> at; // ISO 8601 with its zone, or seconds from the start of a simulated destroy
    std::vector<std::string> assume;
    std::string select; // a resource to select, so the inspector shows it
    int width = 1600;
    int height = 1000;
    /** Set when the command line is wrong: what to print on stderr before exiting 2. */
    QString error;

    /** `arguments` as QCoreApplication::arguments() gives them, the program first. */
    static GuiOptions parse(const QStringList& arguments);
    /** The instant --at names on a run's clock: UTC milliseconds, or milliseconds from the start when relative. */
    static std::optional<std::int64_t> instant(const QString& text, bool relativeTimes);
};

} // namespace blastline::gui
