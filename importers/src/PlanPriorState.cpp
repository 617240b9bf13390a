// SPDX-License-Identifier: MIT
#include "PlanPriorState.h"

#include "JsonLocation.h"
#include "RecordLimits.h"
#include "ShowJsonReader.h"
#include "StateV4Handler.h"

#include <vector>

namespace blastline::importers {

using nlohmann::json;

namespace {

// The SAX path flattens `values` and `identity` from the events; here they come from the DOM, with
// the same leaves, and a null object is read as {} as Terraform does.
FlatEntries flattenObject(const json& resource, const char* field, const RecordLimits& limits)
{
    FlatEntries entries;
    const json* value = findField(resource, field);
    if (value == nullptr || value->is_null()) {
        return entries;
    }
    expectObject(*value, std::string("/") + field, false);
    std::string prefix;
    flattenJson(*value, prefix, entries);
    if (entries.size() > limits.attributesPerInstance) {
        throw tooManyRecords(std::string("/") + field, limits.attributesPerInstance, recordKinds::kAttributes);
    }
    return entries;
}

const json& arrayField(const json& object, const char* field, const std::string& pointer)
{
    static const json kEmpty = json::array();
    const json* value = findField(object, field);
    if (value == nullptr || value->is_null()) {
        return kEmpty; // a null where a list belongs means empty, as Go's decoder reads it
    }
    if (!value->is_array()) {
        throw StructureError(
            pointer + "/" + field, std::string("expected an array, found ").append(describeJson(*value)));
    }
    return *value;
}

// Terraform 0.12 wrote the resources of child modules with module-relative addresses and without
// their instance key ("aws_x.y" inside module.m, index 3 apart); the address is completed from the
// module's `address` and the resource's `index` so that instances do not collide. Returns whether
// the address had to be completed.
bool completeAddress(json& fields, const std::vector<core::ModuleStep>& modules)
{
    const json* text = findField(fields, "address");
    if (text == nullptr || !text->is_string()) {
        return false; // ShowJsonReader says what is wrong with it
    }
    auto address = core::ResourceAddress::parse(text->get_ref<const std::string&>());
    if (!address) {
        return false;
    }
    bool completed = false;
    if (address->modules.empty() && !modules.empty()) {
        address->modules = modules;
        completed = true;
    }
    if (address->key.isNone()) {
        address->key = readInstanceKey(fields, "index");
        completed = completed || !address->key.isNone();
    }
    if (completed) {
        fields["address"] = address->toString();
    }
    return completed;
}

std::vector<core::ModuleStep> modulePath(const json& module, const std::string& pointer)
{
    const std::string text = stringField(module, "address", pointer, false);
    std::string error;
    auto steps = core::ResourceAddress::parseModulePath(text, &error);
    if (!steps) {
        throw StructureError(pointer + "/address", "invalid module address \"" + text + "\": " + error);
    }
    return std::move(*steps);
}

// What the walk over the module tree carries: the converter, and the counts kept on the way.
struct ModuleWalk
{
    ShowJsonReader& reader;
    const RecordLimits& limits;
    std::size_t resources = 0;
    std::size_t completed = 0; // addresses completeAddress had to complete
};

void readModule(const json& module, const std::string& pointer, ModuleWalk& walk)
{
    expectObject(module, pointer, false);
    const std::vector<core::ModuleStep> modules = modulePath(module, pointer);
    const json& resources = arrayField(module, "resources", pointer);
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const json& resource = resources[i];
        const std::string resourcePointer = pointer + "/resources/" + std::to_string(i);
        // The same limits as a state's: a plan's prior state is one.
        if (++walk.resources > walk.limits.stateInstances) {
            throw tooManyRecords(resourcePointer, walk.limits.stateInstances, recordKinds::kStateInstances);
        }
        try {
            expectObject(resource, "", false);
            StateRecord record;
            record.attributes = flattenObject(resource, "values", walk.limits);
            record.hasAttributes = resource.contains("values");
            record.identity = flattenObject(resource, "identity", walk.limits);
            record.fields = resource;
            record.fields.erase("values");
            record.fields.erase("identity");
            if (completeAddress(record.fields, modules)) {
                ++walk.completed;
            }
            walk.reader.resource(std::move(record));
        } catch (const StructureError& error) {
            throw error.within(resourcePointer);
        }
    }
    const json& children = arrayField(module, "child_modules", pointer);
    for (std::size_t i = 0; i < children.size(); ++i) {
        readModule(children[i], pointer + "/child_modules/" + std::to_string(i), walk);
    }
}

} // namespace

core::TerraformState readPriorState(const json& priorState, const std::string& planPath, const RecordLimits& limits)
{
    expectObject(priorState, "", false);
    core::TerraformState state;
    state.path = planPath;
    state.source = core::StateSource::ShowJson;
    state.formatVersion = 0; // as for any `terraform show -json` state: its format_version is not a state version
    state.terraformVersion = stringField(priorState, "terraform_version", "", false);
    const json* values = findField(priorState, "values");
    if (values == nullptr || values->is_null()) {
        return state; // an empty prior state: nothing existed yet
    }
    expectObject(*values, "/values", false);
    ShowJsonReader reader;
    ModuleWalk walk {reader, limits};
    if (const json* root = findField(*values, "root_module"); root != nullptr && !root->is_null()) {
        readModule(*root, "/values/root_module", walk);
    }
    if (walk.completed > 0) {
        state.warnings.push_back(std::to_string(walk.completed)
                                     .append(" resource address(es) written without their module path or instance "
                                             "key (Terraform 0.12) were completed from the module address and index"));
    }
    state.instances = reader.takeInstances();
    state.outputs = StateV4Handler::readOutputs(values->value("outputs", json()), "/values/outputs");
    return state;
}

} // namespace blastline::importers
