// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>

namespace blastline::core {

/**
 * Receives progress of long work (import, graph building, simulation). Implemented by the CLI's
 * terminal bar and the desktop app's progress dialog. Called from the working thread.
 */
class ProgressSink
{
public:
    virtual ~ProgressSink() = default;
    /** `done` of `total` units of `phase`; total 0 means unknown. Cheap to call often. */
    virtual void progress(std::string_view phase, std::uint64_t done, std::uint64_t total) = 0;
    /** Long work polls this and stops with OperationCancelled when it turns true. */
    virtual bool isCancelled() const { return false; }
};

} // namespace blastline::core
