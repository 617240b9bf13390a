// SPDX-License-Identifier: MIT
// Where things are in each state shape: the one table the SAX handler follows. Kept apart from the
// event plumbing so that supporting a new field means reading this file only.
#include "StateSaxHandler.h"

namespace blastline::importers {

namespace {

// Top-level fields worth a DOM; anything else (encrypted_data, a plan's planned_values) is skipped.
bool isKeptRootField(const std::string& key)
{
    return key == "version" || key == "terraform_version" || key == "serial" || key == "lineage" || key == "outputs"
        || key == "check_results" || key == "format_version" || key == "encryption_version";
}

} // namespace

StateSaxHandler::Slot StateSaxHandler::slotFor(Frame& parent)
{
    if (parent.isArray) {
        ++parent.count;
    }
    const std::string& key = parent.key;
    constexpr auto structural = [](Role role) { return Slot {Capture::None, role, Target::RootField}; };
    constexpr auto dom = [](Target target) { return Slot {Capture::Dom, Role::Root, target}; };
    constexpr auto flatten = [](Target target) { return Slot {Capture::Flatten, Role::Root, target}; };
    constexpr Slot skip {Capture::Skip, Role::Root, Target::RootField};
    switch (parent.role) {
    case Role::Root:
        m_rootKeys.insert(key);
        if (key == "resources") {
            return structural(Role::V4Resources);
        }
        if (key == "modules") {
            return structural(Role::V3Modules);
        }
        if (key == "values") {
            return structural(Role::ShowValues);
        }
        return isKeptRootField(key) ? dom(Target::RootField) : skip;
    case Role::V4Resources:
        return structural(Role::V4Resource);
    case Role::V4Resource:
        return key == "instances" ? structural(Role::V4Instances) : dom(Target::V4ResourceField);
    case Role::V4Instances:
        return structural(Role::V4Instance);
    case Role::V4Instance:
        if (key == "attributes") {
            return flatten(Target::V4Attributes);
        }
        if (key == "attributes_flat") {
            return flatten(Target::V4FlatAttributes);
        }
        if (key == "identity") {
            return flatten(Target::V4Identity);
        }
        // The provider-private blob is opaque and may hold secrets: never even buffered.
        return key == "private" ? skip : dom(Target::V4InstanceField);
    case Role::V3Modules:
        return structural(Role::V3Module);
    case Role::V3Module:
        return key == "resources" ? structural(Role::V3Resources) : dom(Target::V3ModuleField);
    case Role::V3Resources:
        return dom(Target::V3Resource);
    case Role::ShowValues:
        if (key == "root_module") {
            return structural(Role::ShowModule);
        }
        return key == "outputs" ? dom(Target::ShowOutputs) : skip;
    case Role::ShowModule:
        if (key == "resources") {
            return structural(Role::ShowResources);
        }
        return key == "child_modules" ? structural(Role::ShowModules) : skip;
    case Role::ShowModules:
        return structural(Role::ShowModule);
    case Role::ShowResources:
        return structural(Role::ShowResource);
    case Role::ShowResource:
        if (key == "values") {
            return flatten(Target::ShowAttributes);
        }
        return key == "identity" ? flatten(Target::ShowIdentity) : dom(Target::ShowResourceField);
    }
    return skip;
}

} // namespace blastline::importers
