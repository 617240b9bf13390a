// SPDX-License-Identifier: MIT
#include "cli/JsonOutput.h"

#include "cli/JsonWriter.h"

namespace blastline::cli {

namespace {

const char* sourceName(core::StateSource source)
{
    switch (source) {
    case core::StateSource::StateV4:
        return "state-v4";
    case core::StateSource::StateV3:
        return "state-v3";
    case core::StateSource::ShowJson:
        return "show-json";
    }
    return "unknown";
}

void writeState(JsonWriter& json, const core::TerraformState& state)
{
    json.key("state").beginObject();
    json.field("path", state.path);
    json.field("format", sourceName(state.source));
    json.field("terraform_version", state.terraformVersion);
    json.field("serial", state.serial);
    json.field("lineage", state.lineage);
    json.endObject();
}

void writeDangling(JsonWriter& json, const core::ResourceGraph& graph)
{
    json.key("dangling_dependencies").beginArray();
    for (const auto& entry : graph.danglingDependencies()) {
        json.beginObject();
        json.field("from", graph.instance(entry.from).displayName());
        json.field("missing", entry.missingAddress);
        json.endObject();
    }
    json.endArray();
}

} // namespace

void JsonOutput::writeSimulation(
    std::ostream& out, const core::ResourceGraph& graph, const core::DestroySimulation& simulation)
{
    JsonWriter json(out);
    json.beginObject();
    writeSimulationFields(json, graph, simulation);
    json.endObject();
}

void JsonOutput::writeSimulationFields(
    JsonWriter& json, const core::ResourceGraph& graph, const core::DestroySimulation& simulation)
{
    json.field("schema", "blastline.simulation/1");
    writeState(json, graph.state());
    json.field("parallelism", simulation.parallelism);
    json.key("targets").stringArray(simulation.targets);
    json.key("operations").beginArray();
    for (const auto& op : simulation.operations) {
        // A plan's creates and updates have no node: the object does not exist yet or is not deleted.
        const core::ResourceInstance* instance = op.node.value < graph.nodeCount() ? &graph.instance(op.node) : nullptr;
        json.beginObject();
        json.field("address", instance ? instance->addressText : op.address);
        json.field("type", op.type);
        json.field("action", op.action);
        json.field("outcome", core::toString(op.outcome));
        json.key("reason").stringOrNull(op.reason);
        json.field("wave", op.wave);
        json.key("start_s").valueOrNull(op.startSeconds);
        json.key("end_s").valueOrNull(op.endSeconds);
        if (instance && instance->isDeposed())
            json.field("deposed", instance->deposedKey);
        if (!op.rule.empty())
            json.field("rule", op.rule);
        if (!op.uncertainty.empty())
            json.field("uncertainty", op.uncertainty);
        if (!op.replaceOrder.empty())
            json.field("replace_order", op.replaceOrder);
        if (!op.actionReason.empty())
            json.field("action_reason", op.actionReason);
        if (!op.replacePaths.empty())
            json.key("replace_paths").stringArray(op.replacePaths);
        json.endObject();
    }
    json.endArray();
    json.key("summary").beginObject();
    json.field("instances", simulation.summary.instances);
    json.field("done", simulation.summary.done);
    json.field("failed", simulation.summary.failed);
    json.field("skipped", simulation.summary.skipped);
    json.endObject();
    writeDangling(json, graph);
    json.key("warnings").stringArray(simulation.warnings);
}

void JsonOutput::writeGraph(std::ostream& out, const core::ResourceGraph& graph)
{
    JsonWriter json(out);
    json.beginObject();
    json.field("schema", "blastline.graph/1");
    writeState(json, graph.state());
    json.key("nodes").beginArray();
    for (std::uint32_t i = 0; i < graph.nodeCount(); ++i) {
        const auto& instance = graph.instance(core::NodeId {i});
        json.beginObject();
        // "id" is unique (deposed objects share their instance's address) and is what edges name.
        json.field("id", instance.displayName());
        json.field("address", instance.addressText);
        json.field("mode", instance.isManaged() ? "managed" : "data");
        json.field("type", instance.type());
        json.field("module", instance.address.moduleInstanceString());
        json.field("provider", instance.provider);
        if (instance.isDeposed())
            json.field("deposed", instance.deposedKey);
        if (instance.tainted)
            json.field("tainted", true);
        json.endObject();
    }
    for (std::size_t i = 0; i < graph.recoveryPointCount(); ++i) {
        const core::NodeId node {static_cast<std::uint32_t>(graph.nodeCount() + i)};
        const auto& point = graph.recoveryPoint(node);
        json.beginObject();
        json.field("id", graph.nodeName(node));
        json.field("mode", "recovery_point");
        json.field("type", point.kind);
        json.field("recovery_point_id", point.id);
        json.field("fate", point.fate);
        json.key("until").stringOrNull(point.until);
        json.field("origin", point.origin);
        json.endObject();
    }
    json.endArray();
    json.key("edges").beginArray();
    for (const auto& edge : graph.edges()) {
        json.beginObject();
        json.field("from", graph.nodeName(edge.from));
        json.field("to", graph.nodeName(edge.to));
        json.field("kind", core::toString(edge.kind));
        json.field("provenance", edge.provenance);
        json.endObject();
    }
    json.endArray();
    writeDangling(json, graph);
    json.endObject();
}

} // namespace blastline::cli
