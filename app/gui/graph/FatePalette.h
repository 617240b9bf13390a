// SPDX-License-Identifier: MIT
#pragma once

#include "gui/graph/NodeFate.h"

#include <QColor>
#include <QPalette>

namespace blastline::gui {

/**
 * The graph's colours, derived from the system palette so they read on light and dark themes alike. Fate hues are
 * the Okabe-Ito set (distinguishable with the common colour-vision deficiencies); a node's fill is its hue blended
 * into the palette's base colour, so the palette's text colour stays legible on it.
 */
class FatePalette
{
public:
    explicit FatePalette(const QPalette& palette = QPalette());

    /** The pure hue of a fate: for legends, and the outline of nodes with that fate. */
    static QColor fateHue(NodeFate fate);

    QColor fill(NodeFate fate) const;
    QColor outline(NodeFate fate) const;
    QColor text() const { return m_text; }
    QColor background() const { return m_base; }
    QColor edge() const { return m_edge; }
    QColor faintEdge() const { return m_faintEdge; }
    QColor groupFill() const { return m_groupFill; }
    QColor groupOutline() const { return m_groupOutline; }
    QColor selection() const { return m_selection; }
    /** Outline of nodes whose fate a safeguard changed. */
    QColor changed() const { return m_changed; }
    /** Halo behind search matches. */
    QColor searchMatch() const { return m_searchMatch; }
    bool isDark() const { return m_dark; }

private:
    QColor m_base;
    QColor m_text;
    QColor m_edge;
    QColor m_faintEdge;
    QColor m_groupFill;
    QColor m_groupOutline;
    QColor m_selection;
    QColor m_changed;
    QColor m_searchMatch;
    bool m_dark = false;
};

} // namespace blastline::gui
