// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/InstanceKey.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

enum class ResourceMode
{
    Managed,
    Data
};

/** One `module.<name>[<key>]` step of a module instance path. */
struct ModuleStep
{
    std::string name;
    InstanceKey key;
    auto operator<=>(const ModuleStep&) const = default;
    bool operator==(const ModuleStep&) const = default;
};

/**
 * A Terraform resource instance address: `[module.<name>[<key>].]...[data.]<type>.<name>[<key>]`.
 * Also used for partial addresses (a module alone, a resource without key) when matching targets.
 */
struct ResourceAddress
{
    std::vector<ModuleStep> modules;
    ResourceMode mode = ResourceMode::Managed;
    std::string type;
    std::string name;
    InstanceKey key;

    /** Parses the grammar above; returns nullopt and sets *error (if given) to what was expected. */
    static std::optional<ResourceAddress> parse(std::string_view text, std::string* error = nullptr);
    /** Parses a module instance path alone (`module.a["k"].module.b[0]`, "" for root). */
    static std::optional<std::vector<ModuleStep>> parseModulePath(std::string_view text, std::string* error = nullptr);

    /** `module.a["k"].aws_x.y[0]` */
    std::string toString() const;
    /** The module instance path: `module.a["k"].module.b[0]`, "" for the root module. */
    std::string moduleInstanceString() const;
    /** The module configuration path without keys: `module.a.module.b`. */
    std::string moduleConfigString() const;
    /** The configuration address of the resource, no keys anywhere: `module.a.aws_x.y`. */
    std::string configString() const;
    /** The resource address (module keys kept, instance key dropped): `module.a["k"].aws_x.y`. */
    std::string resourceString() const;

    auto operator<=>(const ResourceAddress&) const = default;
    bool operator==(const ResourceAddress&) const = default;
};

} // namespace blastline::core
