// SPDX-License-Identifier: MIT
#include "gui/graph/FatePalette.h"

#include <QPalette>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace blastline::gui;

namespace {

constexpr NodeFate kFates[] = {
    NodeFate::Alive, NodeFate::Pending, NodeFate::Deleted, NodeFate::Failed, NodeFate::Skipped, NodeFate::Unknown};

double luminance(const QColor& colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

/** WCAG 2 contrast ratio, 1 to 21. */
double contrast(const QColor& left, const QColor& right)
{
    const double a = luminance(left);
    const double b = luminance(right);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

QPalette paletteOf(const QColor& base, const QColor& text)
{
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return palette;
}

} // namespace

TEST(FatePalette, labelsStayReadableOnLightAndDarkThemes)
{
    for (const QPalette& system : {paletteOf(Qt::white, Qt::black), paletteOf(QColor(0x1e, 0x1e, 0x1e), Qt::white)}) {
        const FatePalette palette(system);
        for (const NodeFate fate : kFates) {
            // WCAG AA for normal text.
            EXPECT_GE(contrast(palette.fill(fate), palette.text()), 4.5)
                << fateName(fate).toStdString() << (palette.isDark() ? " (dark)" : " (light)");
        }
    }
}

TEST(FatePalette, fatesAreTellApart)
{
    const FatePalette palette(paletteOf(Qt::white, Qt::black));
    std::set<QRgb> fills;
    for (const NodeFate fate : kFates)
        fills.insert(palette.fill(fate).rgb());
    EXPECT_EQ(fills.size(), std::size(kFates));
    EXPECT_FALSE(palette.isDark());
    EXPECT_TRUE(FatePalette(paletteOf(Qt::black, Qt::white)).isDark());
}
