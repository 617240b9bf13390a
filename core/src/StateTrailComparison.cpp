// SPDX-License-Identifier: MIT
#include "blastline/core/StateTrailComparison.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace blastline::core {

namespace {

constexpr std::string_view kServicePrincipal = "AWSService";
constexpr std::string_view kServiceEvent = "AwsServiceEvent";

// Creates that make no resource a state would hold: tags and grants are parts of other resources, log streams,
// sessions and tokens are made at run time, service-linked roles and network interfaces are made by AWS on a
// resource's behalf. Reporting them would bury the creates that matter.
constexpr std::array<std::string_view, 7> kSideEffectCreates {"CreateTags", "CreateGrant", "CreateLogStream",
    "CreateServiceLinkedRole", "CreateNetworkInterface", "CreateSession", "CreateToken"};

// The verbs that bring a resource into being (RunInstances, AllocateAddress); the other Create-class verbs
// (PutBucketPolicy, RegisterTargets, CopySnapshot…) mostly configure or copy a resource that exists.
constexpr std::array<std::string_view, 3> kCreatingVerbs {"Create", "Run", "Allocate"};

bool byAwsService(const TrailEvent& event, const Trail& trail)
{
    return trail.text(event.principalType) == kServicePrincipal;
}

bool makesStateResource(std::string_view eventName)
{
    if (std::find(kSideEffectCreates.begin(), kSideEffectCreates.end(), eventName) != kSideEffectCreates.end())
        return false;
    return std::any_of(kCreatingVerbs.begin(), kCreatingVerbs.end(),
        [eventName](std::string_view verb) { return eventName.starts_with(verb); });
}

std::vector<TrailCorrelator::Holder> actedHolders(
    const TrailEvent& event, const Trail& trail, const TrailCorrelator& correlator)
{
    std::vector<TrailCorrelator::Holder> holders = correlator.holders(event, trail);
    std::erase_if(holders, [](const TrailCorrelator::Holder& holder) { return !holder.acted; });
    return holders;
}

std::optional<StateDisagreement> createDisagreement(
    std::size_t index, const Trail& trail, const TrailCorrelator& correlator)
{
    const TrailEvent& event = trail.events()[index];
    if (byAwsService(event, trail) || trail.text(event.eventType) == kServiceEvent || event.identifiers.empty()
        || !makesStateResource(trail.text(event.eventName)))
        return std::nullopt;
    if (!actedHolders(event, trail, correlator).empty())
        return std::nullopt;
    return StateDisagreement {StateDisagreement::Kind::CreatedNotInState, index, {}};
}

std::optional<StateDisagreement> deleteDisagreement(
    std::size_t index, const Trail& trail, const TrailCorrelator& correlator)
{
    const TrailEvent& event = trail.events()[index];
    std::vector<TrailCorrelator::Holder> holders = actedHolders(event, trail, correlator);
    if (!holders.empty())
        return StateDisagreement {StateDisagreement::Kind::DeletedStillInState, index, std::move(holders)};
    // A service deleting what it made (an Auto Scaling instance, a log stream) is no state's business.
    if (byAwsService(event, trail) || event.identifiers.empty())
        return std::nullopt;
    return StateDisagreement {StateDisagreement::Kind::DeletedNotInAnyState, index, {}};
}

std::optional<StateDisagreement> disagreementOf(
    std::size_t index, const Trail& trail, const TrailCorrelator& correlator)
{
    const TrailEvent& event = trail.events()[index];
    if (event.failed())
        return std::nullopt;
    if (event.eventClass == EventClass::Create)
        return createDisagreement(index, trail, correlator);
    if (event.eventClass == EventClass::Delete)
        return deleteDisagreement(index, trail, correlator);
    return std::nullopt;
}

StateLineageRelation relate(const TerraformState& a, const TerraformState& b, std::uint32_t first, std::uint32_t second)
{
    if (a.lineage.empty() || b.lineage.empty())
        return {StateLineageRelation::Kind::Unknown, first, second};
    if (a.lineage != b.lineage)
        return {StateLineageRelation::Kind::DifferentProject, first, second};
    if (a.serial == b.serial)
        return {StateLineageRelation::Kind::SameSnapshot, first, second};
    if (a.serial < b.serial)
        return {StateLineageRelation::Kind::OlderCopy, first, second};
    return {StateLineageRelation::Kind::OlderCopy, second, first};
}

} // namespace

const char* toString(StateDisagreement::Kind kind)
{
    switch (kind) {
    case StateDisagreement::Kind::CreatedNotInState:
        return "created-not-in-state";
    case StateDisagreement::Kind::DeletedStillInState:
        return "deleted-still-in-state";
    case StateDisagreement::Kind::DeletedNotInAnyState:
        return "deleted-not-in-any-state";
    }
    return "unknown";
}

const char* toString(StateLineageRelation::Kind kind)
{
    switch (kind) {
    case StateLineageRelation::Kind::SameSnapshot:
        return "same-snapshot";
    case StateLineageRelation::Kind::OlderCopy:
        return "older-copy";
    case StateLineageRelation::Kind::DifferentProject:
        return "different-project";
    case StateLineageRelation::Kind::Unknown:
        return "unknown";
    }
    return "unknown";
}

StateTrailComparison StateTrailComparison::compute(const Trail& trail, const TrailCorrelator& correlator)
{
    StateTrailComparison comparison;
    for (std::size_t i = 0; i < trail.events().size(); ++i) {
        if (auto disagreement = disagreementOf(i, trail, correlator))
            comparison.disagreements.push_back(std::move(*disagreement));
    }
    const auto& states = correlator.states();
    const auto count = static_cast<std::uint32_t>(states.size());
    for (std::uint32_t i = 0; i < count; ++i) {
        for (std::uint32_t j = i + 1; j < count; ++j)
            comparison.lineage.push_back(relate(*states[i], *states[j], i, j));
    }
    return comparison;
}

} // namespace blastline::core
