// SPDX-License-Identifier: MIT
#include "ModuleReader.h"

#include <algorithm>
#include <optional>
#include <set>

namespace blastline::importers {

namespace {

std::string where(const std::string& filePath, HclPosition at)
{
    return filePath + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Terraform decodes lifecycle flags into bools, converting the strings "true" and "false" on the way;
// anything else (a variable, a function, null, a number) is not a value the reader may assume.
std::optional<bool> literalBool(const HclValue& value)
{
    if (value.kind != HclValue::Kind::Literal)
        return std::nullopt;
    const auto& literal = value.literal;
    if (literal.kind != core::AttributeValue::Kind::Bool && literal.kind != core::AttributeValue::Kind::String)
        return std::nullopt;
    if (literal.text == "true")
        return true;
    if (literal.text == "false")
        return false;
    return std::nullopt;
}

void flatten(const std::string& path, const HclValue& value, core::Attributes& out)
{
    if (value.kind == HclValue::Kind::Literal) {
        out.set(path, value.literal);
        return;
    }
    for (const auto& member : value.members)
        flatten(path + "." + member.key, member.value, out);
}

void readLifecycle(const HclBody& lifecycle, core::ConfigResource& resource)
{
    if (const auto* attribute = lifecycle.findAttribute("prevent_destroy")) {
        resource.preventDestroy = literalBool(attribute->value);
        resource.preventDestroyIsExpression = !resource.preventDestroy.has_value();
    }
    if (const auto* attribute = lifecycle.findAttribute("create_before_destroy"))
        resource.createBeforeDestroy = literalBool(attribute->value);
}

void readArguments(const HclBody& body, core::ConfigResource& resource)
{
    for (const auto& attribute : body.attributes) {
        if (attribute.value.isLiteral())
            flatten(attribute.name, attribute.value, resource.literalArguments);
        else
            resource.expressionArguments.push_back(attribute.name);
    }
    resource.literalArguments.finalize();
    // Nested blocks (ingress, dynamic, provisioner...) are not arguments; only lifecycle matters here.
    for (const auto& block : body.blocks)
        if (block.type == "lifecycle")
            readLifecycle(block.body, resource);
}

// Terraform's override merge: each argument named in the override replaces the original one, and each
// lifecycle setting named in the override replaces the original setting; the rest stays.
void mergeOverride(core::ConfigResource& base, const core::ConfigResource& override, const HclBody& overrideBody)
{
    std::set<std::string> replaced;
    for (const auto& attribute : overrideBody.attributes)
        replaced.insert(attribute.name);
    core::Attributes merged;
    for (const auto& [path, value] : base.literalArguments.entries())
        if (!replaced.count(path.substr(0, path.find('.'))))
            merged.set(path, value);
    for (const auto& [path, value] : override.literalArguments.entries())
        merged.set(path, value);
    merged.finalize();
    base.literalArguments = std::move(merged);
    std::erase_if(base.expressionArguments, [&](const std::string& name) { return replaced.count(name) > 0; });
    base.expressionArguments.insert(
        base.expressionArguments.end(), override.expressionArguments.begin(), override.expressionArguments.end());

    for (const auto& block : overrideBody.blocks) {
        if (block.type != "lifecycle")
            continue;
        if (block.body.findAttribute("prevent_destroy")) {
            base.preventDestroy = override.preventDestroy;
            base.preventDestroyIsExpression = override.preventDestroyIsExpression;
        }
        if (block.body.findAttribute("create_before_destroy"))
            base.createBeforeDestroy = override.createBeforeDestroy;
    }
}

} // namespace

ModuleReader::ModuleReader(core::TerraformConfiguration& configuration, std::string moduleAddress)
    : m_configuration(configuration)
    , m_moduleAddress(std::move(moduleAddress))
{ }

void ModuleReader::addFile(const HclBody& body, const std::string& filePath, bool isOverride)
{
    for (const auto& block : body.blocks) {
        if (block.type == "resource" || block.type == "data")
            addResource(block, filePath, isOverride);
        else if (block.type == "removed" && !isOverride)
            addRemoved(block, filePath);
        else if (block.type == "module")
            addModuleCall(block, filePath, isOverride);
    }
}

std::string ModuleReader::qualify(const std::string& localAddress) const
{
    return m_moduleAddress.empty() ? localAddress : m_moduleAddress + "." + localAddress;
}

void ModuleReader::warn(const std::string& filePath, HclPosition at, const std::string& message)
{
    m_configuration.warnings.push_back(where(filePath, at) + ": " + message);
}

void ModuleReader::addResource(const HclBlock& block, const std::string& filePath, bool isOverride)
{
    if (block.labels.size() != 2) {
        warn(filePath, block.position, block.type + " block needs two labels (type and name); ignored");
        return;
    }
    core::ConfigResource resource;
    resource.isData = block.type == "data";
    resource.type = block.labels[0];
    resource.name = block.labels[1];
    resource.address = qualify((resource.isData ? "data." : "") + resource.type + "." + resource.name);
    resource.location = {filePath, block.position.line, block.position.column};
    readArguments(block.body, resource);

    auto& resources = m_configuration.resources;
    const auto existing = std::find_if(resources.begin(), resources.end(),
        [&](const core::ConfigResource& r) { return r.address == resource.address; });
    if (isOverride) {
        if (existing == resources.end())
            warn(filePath, block.position, "override for " + resource.address + ", which is not declared; ignored");
        else
            mergeOverride(*existing, resource, block.body);
        return;
    }
    if (existing != resources.end()) {
        const auto& first = existing->location;
        warn(filePath, block.position,
            resource.address + " is declared twice; the first declaration (" + first.file + ":"
                + std::to_string(first.line) + ":" + std::to_string(first.column) + ") is kept");
        return;
    }
    resources.push_back(std::move(resource));
}

void ModuleReader::addRemoved(const HclBlock& block, const std::string& filePath)
{
    const auto* from = block.body.findAttribute("from");
    if (!from || from->value.traversal.empty()) {
        warn(filePath, block.position, "removed block without a \"from\" address; ignored");
        return;
    }
    core::RemovedBlock removed;
    // `from` is relative to the module holding the block; absolute addresses are what callers match.
    removed.from = qualify(from->value.traversal);
    removed.location = {filePath, block.position.line, block.position.column};
    for (const auto& lifecycle : block.body.blocks) {
        if (lifecycle.type != "lifecycle")
            continue;
        const auto* destroy = lifecycle.body.findAttribute("destroy");
        if (!destroy)
            continue;
        if (const auto value = literalBool(destroy->value))
            removed.destroy = *value;
        else
            warn(filePath, destroy->position, "lifecycle.destroy is not a literal bool; assumed true");
    }
    m_configuration.removedBlocks.push_back(std::move(removed));
}

void ModuleReader::addModuleCall(const HclBlock& block, const std::string& filePath, bool isOverride)
{
    if (block.labels.size() != 1) {
        warn(filePath, block.position, "module block needs one label (its name); ignored");
        return;
    }
    core::ModuleCall call;
    call.address = qualify("module." + block.labels[0]);
    call.location = {filePath, block.position.line, block.position.column};
    const auto* source = block.body.findAttribute("source");
    const bool literalSource = source && source->value.kind == HclValue::Kind::Literal
        && source->value.literal.kind == core::AttributeValue::Kind::String;
    if (literalSource)
        call.source = source->value.literal.text;

    auto& calls = m_configuration.moduleCalls;
    const auto existing =
        std::find_if(calls.begin(), calls.end(), [&](const core::ModuleCall& c) { return c.address == call.address; });
    if (isOverride) {
        if (existing == calls.end())
            warn(filePath, block.position, "override for " + call.address + ", which is not declared; ignored");
        else if (source)
            existing->source = call.source;
        return;
    }
    if (existing != calls.end()) {
        warn(filePath, block.position, call.address + " is declared twice; the first declaration is kept");
        return;
    }
    calls.push_back(std::move(call));
}

} // namespace blastline::importers
