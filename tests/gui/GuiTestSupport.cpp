// SPDX-License-Identifier: MIT
#include "GuiTestSupport.h"

#include "gui/DocumentLoader.h"

#include <algorithm>

namespace blastline::gui::testing {

std::string sourcePath(const std::string& relative)
{
    return std::string(BLASTLINE_SOURCE_DIR) + "/" + relative;
}

const Document& dataTalks()
{
    static const Document document = [] {
        QuietProgress progress;
        return DocumentLoader::load({sourcePath("sample-data/datatalks-2026")}, progress);
    }();
    return document;
}

NodeFate engineFateAt(const core::ReplayResult& replay, const std::string& address, std::int64_t timeMs)
{
    const core::ReplayWorld world = replay.worldAt(timeMs);
    const auto holds = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), address) != list.end();
    };
    if (holds(world.deleted))
        return NodeFate::Deleted;
    if (holds(world.failed))
        return NodeFate::Failed;
    if (holds(world.pending))
        return NodeFate::Pending;
    if (holds(world.alive))
        return NodeFate::Alive;
    return NodeFate::Unknown;
}

std::optional<std::int64_t> engineDeleteTime(const core::ReplayResult& replay, const std::string& address)
{
    for (const core::ReplayResult::Fate& fate : replay.fates) {
        if (fate.address == address && !fate.failed)
            return fate.atMs;
    }
    return std::nullopt;
}

} // namespace blastline::gui::testing
