// SPDX-License-Identifier: MIT
#include "gui/RecentFiles.h"

#include <gtest/gtest.h>

namespace blastline::gui {

TEST(RecentFiles, keepsTheNewestFirstWithoutDuplicatesUpToTheMaximum)
{
    RecentFiles::clear();
    RecentFiles::add({QStringLiteral("/a/state.tfstate"), QStringLiteral("/a/snapshots.json")});
    RecentFiles::add({QStringLiteral("/b/scenario")});
    RecentFiles::add({QStringLiteral("/a/state.tfstate"), QStringLiteral("/a/snapshots.json")});
    std::vector<QStringList> entries = RecentFiles::load();
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0], (QStringList {QStringLiteral("/a/state.tfstate"), QStringLiteral("/a/snapshots.json")}));
    EXPECT_EQ(entries[1], QStringList {QStringLiteral("/b/scenario")});

    for (int i = 0; i < RecentFiles::kMaximum + 3; ++i)
        RecentFiles::add({QStringLiteral("/c/%1.tfstate").arg(i)});
    entries = RecentFiles::load();
    ASSERT_EQ(entries.size(), static_cast<std::size_t>(RecentFiles::kMaximum));
    EXPECT_EQ(entries.front(), QStringList {QStringLiteral("/c/%1.tfstate").arg(RecentFiles::kMaximum + 2)});
    RecentFiles::clear();
    EXPECT_TRUE(RecentFiles::load().empty());
}

} // namespace blastline::gui
