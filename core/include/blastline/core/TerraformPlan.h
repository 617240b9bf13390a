// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"
#include "blastline/core/ResourceAddress.h"
#include "blastline/core/TerraformState.h"

#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** `change.actions` of a plan (formats.md B.3), as one value. */
enum class PlanAction
{
    NoOp,
    Create,
    Read,
    Update,
    Delete,
    DeleteThenCreate, // replace, default order
    CreateThenDelete, // replace with create_before_destroy
    Forget, // removed from state, not destroyed
    CreateThenForget
};

/** One entry of `resource_changes` or `resource_drift`. Secrets in before/after already redacted. */
struct ResourceChange
{
    ResourceAddress address;
    std::string addressText; // as the plan writes it
    std::string previousAddress; // set when the object was moved
    std::string deposedKey; // set when the change applies to a deposed object
    std::string provider; // provider_name, e.g. "registry.terraform.io/hashicorp/aws"
    PlanAction action = PlanAction::NoOp;
    std::string actionReason; // "replace_because_cannot_update", ...; empty when none
    std::vector<std::string> replacePaths; // flattened paths that forced replacement: "identifier"
    std::optional<Attributes> before; // nullopt when the JSON has null (a create)
    std::optional<Attributes> after; // nullopt when the JSON has null (a delete)
    std::vector<std::string> afterUnknown; // flattened paths known only after apply
    bool importing = false;
};

/** An edge the configuration states: `from` refers to, or depends_on, `to` (configuration addresses). */
struct ConfigurationEdge
{
    std::string from;
    std::string to;
    bool dependsOn = false; // true: an explicit depends_on; false: an expression reference
};

/** What Blastline reads of `terraform show -json PLANFILE` (formats.md B). */
struct TerraformPlan
{
    std::string path;
    std::string formatVersion; // "0.1" ... "1.2"
    std::string terraformVersion;
    std::string timestamp; // RFC 3339, when present
    bool applyable = true; // absent in 0.x outputs: true
    bool complete = true;
    std::vector<ResourceChange> resourceChanges;
    std::vector<ResourceChange> resourceDrift;
    std::optional<TerraformState> priorState; // read like `terraform show -json` of a state
    std::vector<ConfigurationEdge> configurationEdges;
    std::vector<std::string> warnings;
};

const char* toString(PlanAction action); // "no-op", "create", "read", "update", "delete", "replace", "forget"
/** True for the three actions that delete the old object: delete and both replace orders (not forget). */
bool deletesObject(PlanAction action);

} // namespace blastline::core
