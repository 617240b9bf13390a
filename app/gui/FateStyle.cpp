// SPDX-License-Identifier: MIT
#include "gui/FateStyle.h"

#include "gui/graph/FatePalette.h"

namespace blastline::gui {

QString FateStyle::name(NodeFate fate)
{
    return fateName(fate); // the graph's legend and the table say the same words
}

QColor FateStyle::color(NodeFate fate)
{
    // The graph's hues (mid-tones, legible on light and dark bases), so a fate reads the same in the table; alive is
    // left in the palette's own text colour, as most rows are alive.
    return fate == NodeFate::Alive ? QColor() : FatePalette::fateHue(fate);
}

QColor FateStyle::verdictBackground(core::Verdict verdict)
{
    switch (verdict) {
    case core::Verdict::DataLoss:
        return QColor(0xC6, 0x28, 0x28);
    case core::Verdict::Unknown:
    case core::Verdict::Recoverable:
        return QColor(0xF9, 0xA8, 0x25);
    case core::Verdict::Aborted:
    case core::Verdict::NoDataLoss:
        return QColor(0x2E, 0x7D, 0x32);
    }
    return QColor(0x60, 0x60, 0x60);
}

QColor FateStyle::verdictForeground(core::Verdict verdict)
{
    return verdict == core::Verdict::Unknown || verdict == core::Verdict::Recoverable ? QColor(Qt::black)
                                                                                      : QColor(Qt::white);
}

QColor FateStyle::dataFateColor(core::DataFate fate)
{
    switch (fate) {
    case core::DataFate::Lost:
        return QColor(0xE5, 0x39, 0x35);
    case core::DataFate::Recoverable:
    case core::DataFate::Unknown:
        return QColor(0xE6, 0x8A, 0x00);
    case core::DataFate::Intact:
        return QColor(0x43, 0xA0, 0x47);
    }
    return {};
}

} // namespace blastline::gui
