// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/TerraformState.h"
#include "blastline/core/Trail.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace blastline::core {

/**
 * Ties CloudTrail events to the Terraform state instances that hold the identifiers they name (formats.md E.8,
 * "Correlating CloudTrail ↔ Terraform"). An ARN matches wherever it appears; a bare id or name only matches
 * resource types of the event's service, so that an ECS service called "web" is not taken for a load balancer
 * of the same name. The states must outlive the correlator.
 */
class TrailCorrelator
{
public:
    struct Holder
    {
        std::uint32_t state = 0; // index into states()
        std::uint32_t instance = 0; // index into that state's instances
        /** The instance is the resource the call acted on (created or deleted), not one that merely names it:
         *  its type is the noun of the event name (DeleteDBInstance → aws_db_instance). */
        bool acted = false;
        auto operator<=>(const Holder&) const = default;
    };

    explicit TrailCorrelator(std::vector<const TerraformState*> states);

    /** The holders of the event's identifiers, each once, in state then instance order. */
    std::vector<Holder> holders(const TrailEvent& event, const Trail& trail) const;
    const std::vector<const TerraformState*>& states() const { return m_states; }
    const ResourceInstance& instance(const Holder& holder) const
    {
        return m_states[holder.state]->instances[holder.instance];
    }
    /** The holder's address; prefixed with its state's file name when more than one state was given. */
    std::string addressOf(const Holder& holder) const;

    /** Whether `type` is a resource the named call acts on ("rds", "DeleteDBCluster", "aws_rds_cluster"). */
    static bool actsOn(std::string_view service, std::string_view eventName, std::string_view type);
    /** Whether a bare identifier of `service` may name a resource of `type` (unknown services: any type). */
    static bool serviceHoldsType(std::string_view service, std::string_view type);

private:
    struct Entry
    {
        std::uint32_t state;
        std::uint32_t instance;
    };
    /** Finds by string_view: an event's identifiers are views into the trail's pool, looked up for every event. */
    struct TextHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view> {}(text); }
    };
    std::vector<const TerraformState*> m_states;
    // identifier value → instances holding it
    std::unordered_map<std::string, std::vector<Entry>, TextHash, std::equal_to<>> m_index;
};

} // namespace blastline::core
