// SPDX-License-Identifier: MIT
#pragma once

#include "gui/Document.h"
#include "gui/RunResult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::gui {

/**
 * Runs the document's engine under a set of safeguards: ReplayEngine for a scenario, WhatIfEngine for a state
 * (a full destroy) or a plan (runPlan). Everything shown about a run comes from here; nothing is computed on the
 * side. Called on a worker thread; the document is only read.
 */
class EngineRun
{
public:
    /**
     * `safeguards` by name (core Safeguard names; for scenarios the process safeguards too); `haltAfterMs` stops a
     * scenario's story there (training's "stop"). Throws InputError for a safeguard the document cannot take.
     */
    static RunResult run(const Document& document, const std::vector<std::string>& safeguards,
        core::ProgressSink& progress, std::optional<std::int64_t> haltAfterMs = std::nullopt);

    /** The safeguards the safeguards panel offers for the document, in the engine's order. */
    static std::vector<std::string> availableSafeguards(const Document& document);
};

} // namespace blastline::gui
