// SPDX-License-Identifier: MIT
#pragma once

#include "gui/Document.h"
#include "gui/RunResult.h"

#include "blastline/core/ProgressSink.h"

#include <cstdint>
#include <optional>
#include <string>

namespace blastline::gui::testing {

inline constexpr const char* kDatabase = "aws_rds_cluster.dev_course_management_cluster";

/** A path under the source tree, e.g. "sample-data/datatalks-2026". */
std::string sourcePath(const std::string& relative);

/** A sink that never cancels and says nothing. */
class QuietProgress : public core::ProgressSink
{
public:
    void progress(std::string_view, std::uint64_t, std::uint64_t) override { }
};

/** The DataTalks.Club scenario, read once for the whole test program (reading it takes a moment). */
const Document& dataTalks();

/** The fate the engine itself gives `address` at `timeMs`, straight from ReplayResult::worldAt. */
NodeFate engineFateAt(const core::ReplayResult& replay, const std::string& address, std::int64_t timeMs);

/** When the engine's replay deletes `address` (its simulated delete, ReplayResult::fates); nullopt if it never does. */
std::optional<std::int64_t> engineDeleteTime(const core::ReplayResult& replay, const std::string& address);

} // namespace blastline::gui::testing
