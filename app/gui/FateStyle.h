// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include "blastline/core/DataLossAnalysis.h"

#include <QColor>
#include <QString>

namespace blastline::gui {

/** How fates and verdicts read and look everywhere outside the graph (the table, the banner, the inspector). */
class FateStyle
{
public:
    /** "alive", "to be deleted", "deleted", "failed", "skipped", "unknown", as the graph's legend says them. */
    static QString name(NodeFate fate);
    /** A foreground that reads on the system palette's base colour, light or dark; invalid for "no colour". */
    static QColor color(NodeFate fate);
    /** The banner's background for a verdict, and a text colour that reads on it. */
    static QColor verdictBackground(core::Verdict verdict);
    static QColor verdictForeground(core::Verdict verdict);
    static QColor dataFateColor(core::DataFate fate);
};

} // namespace blastline::gui
