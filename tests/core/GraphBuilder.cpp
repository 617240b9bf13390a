// SPDX-License-Identifier: MIT
#include "GraphBuilder.h"

#include "blastline/core/ResourceAddress.h"

#include <stdexcept>
#include <vector>

namespace blastline::core::test {

namespace {

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    while (true) {
        const auto at = text.find(separator);
        const std::string_view part = trim(text.substr(0, at));
        if (!part.empty())
            parts.push_back(part);
        if (at == std::string_view::npos)
            return parts;
        text.remove_prefix(at + 1);
    }
}

ResourceInstance makeInstance(std::string_view text)
{
    constexpr std::string_view deposedPrefix = " (deposed object ";
    ResourceInstance instance;
    std::string_view addressText = text;
    if (const auto at = text.find(deposedPrefix); at != std::string_view::npos && text.ends_with(')')) {
        addressText = text.substr(0, at);
        instance.deposedKey =
            std::string(text.substr(at + deposedPrefix.size(), text.size() - at - deposedPrefix.size() - 1));
    }
    std::string error;
    auto address = ResourceAddress::parse(addressText, &error);
    if (!address)
        throw std::invalid_argument("bad address in test state: \"" + std::string(addressText) + "\": " + error);
    instance.address = std::move(*address);
    instance.addressText = instance.address.toString();
    // The provider follows the type's prefix, as Terraform's implied provider does (aws_x -> hashicorp/aws).
    const std::string prefix = instance.address.type.substr(0, instance.address.type.find('_'));
    instance.provider = "registry.terraform.io/hashicorp/" + prefix;
    instance.providerConfig = "provider[\"" + instance.provider + "\"]";
    return instance;
}

} // namespace

TerraformState makeState(std::string_view description)
{
    TerraformState state;
    state.path = "test.tfstate";
    state.terraformVersion = "1.7.4";
    state.lineage = "00000000-0000-0000-0000-000000000000";
    for (std::string_view statement : split(description, ';')) {
        const auto arrow = statement.find("->");
        ResourceInstance instance = makeInstance(trim(statement.substr(0, arrow)));
        if (arrow != std::string_view::npos) {
            for (std::string_view dependency : split(statement.substr(arrow + 2), ','))
                instance.dependencies.emplace_back(dependency);
        }
        state.instances.push_back(std::move(instance));
    }
    return state;
}

void setAttribute(TerraformState& state, std::string_view displayName, std::string path, AttributeValue value)
{
    for (auto& instance : state.instances) {
        if (instance.displayName() == displayName) {
            instance.attributes.set(std::move(path), std::move(value));
            instance.attributes.finalize();
            return;
        }
    }
    throw std::invalid_argument("no instance \"" + std::string(displayName) + "\" in the test state");
}

} // namespace blastline::core::test
