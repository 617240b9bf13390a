// SPDX-License-Identifier: MIT
#include "gui/GuiOptions.h"

#include "blastline/core/UtcTime.h"

#include <gtest/gtest.h>

namespace blastline::gui {

namespace {

GuiOptions parse(QStringList arguments)
{
    arguments.prepend(QStringLiteral("blastline-gui"));
    return GuiOptions::parse(arguments);
}

} // namespace

TEST(GuiOptions, readsFilesAndTheScreenshotMode)
{
    const GuiOptions options = parse({QStringLiteral("--screenshot"), QStringLiteral("out.png"), QStringLiteral("--at"),
        QStringLiteral("2026-02-26T22:03:00Z"), QStringLiteral("--assume"), QStringLiteral("deletion-protection"),
        QStringLiteral("--assume"), QStringLiteral("approval-gate"), QStringLiteral("--size"),
        QStringLiteral("800x600"), QStringLiteral("scenario")});
    ASSERT_TRUE(options.error.isEmpty()) << options.error.toStdString();
    EXPECT_EQ(options.files, QStringList {QStringLiteral("scenario")});
    EXPECT_EQ(options.screenshot, QStringLiteral("out.png"));
    EXPECT_EQ(options.assume, (std::vector<std::string> {"deletion-protection", "approval-gate"}));
    EXPECT_EQ(options.width, 800);
    EXPECT_EQ(options.height, 600);
    EXPECT_EQ(GuiOptions::instant(*options.at, false), core::UtcTime::parse("2026-02-26T22:03:00Z"));
}

TEST(GuiOptions, refusesWhatCannotWork)
{
    EXPECT_FALSE(parse({QStringLiteral("--screenshot"), QStringLiteral("out.png")}).error.isEmpty()); // no FILE
    EXPECT_TRUE(parse({QStringLiteral("--screenshot"), QStringLiteral("o.png"), QStringLiteral("--assume"),
                          QStringLiteral("luck"), QStringLiteral("f")})
                    .error.contains(QStringLiteral("luck")));
    EXPECT_FALSE(parse({QStringLiteral("--at"), QStringLiteral("2026-02-26"), QStringLiteral("f")}).error.isEmpty());
    EXPECT_FALSE(parse({QStringLiteral("--screenshot"), QStringLiteral("o.png"), QStringLiteral("--size"),
                           QStringLiteral("big"), QStringLiteral("f")})
                     .error.isEmpty());
    EXPECT_FALSE(GuiOptions::instant(QStringLiteral("22:03"), false));
    EXPECT_EQ(GuiOptions::instant(QStringLiteral("90"), true), 90'000);
}

} // namespace blastline::gui
