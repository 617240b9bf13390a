// SPDX-License-Identifier: MIT
// The timed sections of a scenario: /narrative, /commands and /decisions.
#include "ScenarioSections.h"

#include <map>

namespace blastline::importers::scenario {

using nlohmann::json;

namespace {

/** A state or plan id (`what`: "state" or "plan") declared in /evidence/states or /evidence/plans, or null. */
std::optional<std::string> evidenceReference(const json& object, const char* key, const std::string& pointer,
    const std::map<std::string, std::string>& declared, const std::string& what)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null())
        return std::nullopt;
    std::string id = stringField(object, key, pointer, false);
    if (!declared.contains(id)) {
        throw StructureError(pointer + "/" + key,
            "unknown " + what + " " + json(id).dump() + "; expected an id declared in /evidence/" + what
                + "s, or null");
    }
    return id;
}

core::DecisionEffect readEffect(const json& option, const std::string& pointer)
{
    const json* found = findField(option, "effect");
    if (found == nullptr)
        throw StructureError(
            pointer, "missing \"effect\"; expected {\"safeguard\": NAME} or {\"action\": \"stop\"|\"continue\"}");
    const std::string effectPointer = pointer + "/effect";
    const json& effect = objectAt(*found, effectPointer);
    checkKeys(effect, effectPointer, {"safeguard", "action"});
    if (effect.size() != 1)
        throw StructureError(effectPointer, "expected exactly one of \"safeguard\" or \"action\"");
    core::DecisionEffect result;
    if (effect.contains("safeguard")) {
        result.kind = core::DecisionEffect::Kind::Safeguard;
        result.name = textField(effect, "safeguard", effectPointer);
        if (!core::isScenarioSafeguard(result.name)) {
            std::string names;
            for (const core::Safeguard safeguard : core::allSafeguards())
                names.append(names.empty() ? "" : ", ").append(core::toString(safeguard));
            for (const std::string_view process : core::kProcessSafeguards)
                names.append(", ").append(process);
            throw StructureError(effectPointer + "/safeguard",
                "unknown safeguard " + json(result.name).dump() + "; expected one of: " + names);
        }
    } else {
        result.kind = core::DecisionEffect::Kind::Action;
        result.name = textField(effect, "action", effectPointer);
        if (result.name != "stop" && result.name != "continue")
            throw StructureError(
                effectPointer + "/action", "expected \"stop\" or \"continue\", found " + json(result.name).dump());
    }
    return result;
}

std::vector<core::DecisionOption> readOptions(
    const json& decision, const std::string& pointer, const ScenarioContext& context)
{
    const json& list = arrayField(decision, "options", pointer, true);
    if (list.size() < 2)
        throw StructureError(pointer + "/options", "expected at least two options");
    std::map<std::string, std::string> ids;
    std::vector<core::DecisionOption> options;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string optionPointer = pointer + "/options/" + std::to_string(i);
        const json& item = objectAt(list[i], optionPointer);
        checkKeys(item, optionPointer, {"id", "label", "effect", "sources"});
        core::DecisionOption option;
        option.id = textField(item, "id", optionPointer);
        declareId(ids, option.id, optionPointer);
        option.label = textField(item, "label", optionPointer);
        option.effect = readEffect(item, optionPointer);
        option.sources = sourceList(item, optionPointer, context);
        options.push_back(std::move(option));
    }
    return options;
}

} // namespace

std::vector<core::ScenarioNarrativeEntry> readNarrative(const json& root, const ScenarioContext& context)
{
    const json& list = arrayField(root, "narrative", "", true);
    std::vector<core::ScenarioNarrativeEntry> entries;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/narrative/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"time", "actor", "text", "sources", "reconstructed"});
        core::ScenarioNarrativeEntry entry;
        entry.time = timeField(item, "time", pointer, false);
        entry.actor = textField(item, "actor", pointer);
        entry.text = textField(item, "text", pointer);
        entry.sources = sourceList(item, pointer, context);
        entry.reconstructed = boolField(item, "reconstructed", pointer);
        expectSourcedOrReconstructed(entry.sources, entry.reconstructed, pointer);
        entries.push_back(std::move(entry));
    }
    return entries;
}

namespace {

/** "recorded": {"until": TIME, "principal": TEXT}: the command stands for the deletes a trail recorded. */
std::optional<core::RecordedDeletes> readRecorded(const json& command, const std::string& commandPointer)
{
    if (!command.contains("recorded"))
        return std::nullopt;
    const std::string pointer = commandPointer + "/recorded";
    const json& item = objectAt(command.at("recorded"), pointer);
    checkKeys(item, pointer, {"until", "principal"});
    core::RecordedDeletes recorded;
    recorded.until = timeField(item, "until", pointer, false);
    if (item.contains("principal"))
        recorded.principal = textField(item, "principal", pointer);
    return recorded;
}

} // namespace

std::vector<core::ScenarioCommand> readCommands(const json& root, const ScenarioContext& context)
{
    const json& list = arrayField(root, "commands", "", false);
    std::vector<core::ScenarioCommand> commands;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/commands/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer,
            {"time", "actor", "command", "state", "intended_state", "plan", "recorded", "sources", "reconstructed"});
        for (const char* added : {"plan", "recorded"}) {
            if (context.schemaMajor < 2 && item.contains(added))
                throw StructureError(pointer + "/" + added,
                    std::string("\"") + added + "\" needs blastline.scenario/2; this document says blastline.scenario/"
                        + std::to_string(context.schemaMajor));
        }
        core::ScenarioCommand command;
        command.time = timeField(item, "time", pointer, false);
        command.actor = textField(item, "actor", pointer);
        command.commandLine = textField(item, "command", pointer);
        command.state = evidenceReference(item, "state", pointer, context.stateIds, "state");
        command.intendedState = evidenceReference(item, "intended_state", pointer, context.stateIds, "state");
        command.plan = evidenceReference(item, "plan", pointer, context.planIds, "plan");
        command.recorded = readRecorded(item, pointer);
        if (command.recorded && !command.state)
            throw StructureError(pointer + "/recorded", "recorded deletes are tied to a state: expected \"state\" too");
        if (command.recorded && command.recorded->until < command.time)
            throw StructureError(pointer + "/recorded/until", "expected a time at or after the command's \"time\"");
        command.sources = sourceList(item, pointer, context);
        command.reconstructed = boolField(item, "reconstructed", pointer);
        expectSourcedOrReconstructed(command.sources, command.reconstructed, pointer);
        commands.push_back(std::move(command));
    }
    return commands;
}

std::vector<core::DecisionPoint> readDecisions(const json& root, const ScenarioContext& context)
{
    const json& list = arrayField(root, "decisions", "", false);
    std::map<std::string, std::string> ids;
    std::vector<core::DecisionPoint> decisions;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/decisions/" + std::to_string(i);
        const json& item = objectAt(list[i], pointer);
        checkKeys(item, pointer, {"id", "time", "question", "options", "chosen", "sources", "reconstructed"});
        core::DecisionPoint decision;
        decision.id = textField(item, "id", pointer);
        declareId(ids, decision.id, pointer);
        decision.time = timeField(item, "time", pointer, false);
        decision.question = textField(item, "question", pointer);
        decision.options = readOptions(item, pointer, context);
        decision.chosen = textField(item, "chosen", pointer);
        bool known = false;
        for (const core::DecisionOption& option : decision.options)
            known = known || option.id == decision.chosen;
        if (!known)
            throw StructureError(pointer + "/chosen",
                "unknown option " + json(decision.chosen).dump() + "; expected the id of one of \"options\"");
        decision.sources = sourceList(item, pointer, context);
        decision.reconstructed = boolField(item, "reconstructed", pointer);
        expectSourcedOrReconstructed(decision.sources, decision.reconstructed, pointer);
        decisions.push_back(std::move(decision));
    }
    return decisions;
}

} // namespace blastline::importers::scenario
