// SPDX-License-Identifier: MIT
#include "gui/graph/FatePalette.h"

namespace blastline::gui {

namespace {

QColor blend(const QColor& over, const QColor& under, qreal amount)
{
    return QColor::fromRgbF(static_cast<float>(over.redF() * amount + under.redF() * (1 - amount)),
        static_cast<float>(over.greenF() * amount + under.greenF() * (1 - amount)),
        static_cast<float>(over.blueF() * amount + under.blueF() * (1 - amount)));
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

} // namespace

FatePalette::FatePalette(const QPalette& palette)
    : m_base(palette.color(QPalette::Active, QPalette::Base))
    , m_text(palette.color(QPalette::Active, QPalette::Text))
{
    // Judge darkness by the base the nodes sit on, not by the window colour, which some themes keep light.
    m_dark = m_base.lightnessF() < 0.5;
    m_edge = blend(m_text, m_base, 0.62);
    m_faintEdge = blend(m_text, m_base, 0.28);
    m_groupFill = blend(m_text, m_base, m_dark ? 0.07 : 0.04);
    m_groupOutline = blend(m_text, m_base, 0.35);
    m_selection = palette.color(QPalette::Active, QPalette::Highlight);
    // Blue is the one Okabe-Ito hue no fate uses, so "changed" never reads as a fate.
    m_changed = m_dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    m_searchMatch = withAlpha(QColor(0xF0, 0xE4, 0x42), m_dark ? 150 : 200);
}

QColor FatePalette::fateHue(NodeFate fate)
{
    switch (fate) {
    case NodeFate::Alive:
        return {0x00, 0x9E, 0x73}; // bluish green
    case NodeFate::Pending:
        return {0xE6, 0x9F, 0x00}; // orange
    case NodeFate::Deleted:
        return {0xD5, 0x5E, 0x00}; // vermillion
    case NodeFate::Failed:
        return {0xCC, 0x79, 0xA7}; // reddish purple
    case NodeFate::Skipped:
        return {0x8C, 0x8C, 0x8C}; // grey: never reached
    case NodeFate::Unknown:
        return {0xC8, 0xB4, 0x00}; // a darker yellow, so its outline shows on white
    }
    return {0x8C, 0x8C, 0x8C};
}

QColor FatePalette::fill(NodeFate fate) const
{
    // Dark bases need more of the hue to show; light ones less, to keep dark text readable.
    return blend(fateHue(fate), m_base, m_dark ? 0.42 : 0.30);
}

QColor FatePalette::outline(NodeFate fate) const
{
    const QColor hue = fateHue(fate);
    return m_dark ? hue.lighter(125) : hue.darker(115);
}

} // namespace blastline::gui
