// SPDX-License-Identifier: MIT
#include "cli/TimelineReport.h"

namespace blastline::cli {

void TimelineReport::analyse()
{
    if (!states.empty()) {
        std::vector<const core::TerraformState*> pointers;
        for (const core::TerraformState& state : states)
            pointers.push_back(&state);
        correlator = std::make_unique<core::TrailCorrelator>(std::move(pointers));
    }
    holders.clear();
    holders.resize(trail.events().size());
    if (correlator) {
        for (std::size_t i = 0; i < trail.events().size(); ++i)
            holders[i] = correlator->holders(trail.events()[i], trail);
        comparison = core::StateTrailComparison::compute(trail, *correlator);
    }
    summary = core::TrailSummary::compute(trail, correlator.get());
}

std::string TimelineReport::shortPrincipal(std::string_view principal)
{
    if (!principal.starts_with("arn:"))
        return std::string(principal);
    // arn:partition:service:region:account:resource — the resource part names the user, role or session.
    std::size_t at = 0;
    for (int colons = 0; colons < 5 && at != std::string_view::npos; ++colons)
        at = principal.find(':', at + 1);
    return at == std::string_view::npos ? std::string(principal) : std::string(principal.substr(at + 1));
}

std::vector<std::string> TimelineReport::addresses(std::size_t event, bool actedOnly) const
{
    std::vector<std::string> out;
    if (!correlator)
        return out;
    for (const core::TrailCorrelator::Holder& holder : holders[event]) {
        if (!actedOnly || holder.acted)
            out.push_back(correlator->addressOf(holder));
    }
    return out;
}

const char* TimelineReport::scopeName(core::TrailFilter::Scope scope)
{
    switch (scope) {
    case core::TrailFilter::Scope::Destructive:
        return "destructive";
    case core::TrailFilter::Scope::Writes:
        return "writes";
    case core::TrailFilter::Scope::All:
        return "all";
    }
    return "all";
}

} // namespace blastline::cli
