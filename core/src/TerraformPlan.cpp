// SPDX-License-Identifier: MIT
#include "blastline/core/TerraformPlan.h"

namespace blastline::core {

const char* toString(PlanAction action)
{
    switch (action) {
    case PlanAction::NoOp:
        return "no-op";
    case PlanAction::Create:
        return "create";
    case PlanAction::Read:
        return "read";
    case PlanAction::Update:
        return "update";
    case PlanAction::Delete:
        return "delete";
    // Both orders replace the object; the order matters only for downtime, not for what is lost.
    case PlanAction::DeleteThenCreate:
    case PlanAction::CreateThenDelete:
        return "replace";
    // The old object leaves the state but stays in the cloud, whatever comes in its place.
    case PlanAction::Forget:
    case PlanAction::CreateThenForget:
        return "forget";
    }
    return "no-op";
}

bool deletesObject(PlanAction action)
{
    return action == PlanAction::Delete || action == PlanAction::DeleteThenCreate
        || action == PlanAction::CreateThenDelete;
}

} // namespace blastline::core
