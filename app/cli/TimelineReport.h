// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/StateTrailComparison.h"
#include "blastline/core/TerraformState.h"
#include "blastline/core/Trail.h"
#include "blastline/core/TrailCorrelator.h"
#include "blastline/core/TrailFilter.h"
#include "blastline/core/TrailSummary.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace blastline::cli {

/** Everything `blastline timeline` prints, computed once and shared by its output formats. */
struct TimelineReport
{
    core::TrailFilter filter;
    core::Trail trail;
    std::vector<core::TerraformState> states;
    std::unique_ptr<core::TrailCorrelator> correlator; // null without --state
    std::vector<std::vector<core::TrailCorrelator::Holder>> holders; // per event; empty lists without states
    core::TrailSummary summary;
    std::optional<core::StateTrailComparison> comparison; // with --state

    /** Correlates, summarises and compares; call once the trail and states are in. */
    void analyse();
    /** The "who" for a person reading: an ARN's resource part ("user/alexey", "assumed-role/deploy/ci"). */
    static std::string shortPrincipal(std::string_view principal);
    std::vector<std::string> addresses(std::size_t event, bool actedOnly) const;
    static const char* scopeName(core::TrailFilter::Scope scope);
};

} // namespace blastline::cli
