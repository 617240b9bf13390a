// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** Where a block starts in a .tf file (1-based line and column). */
struct SourceLocation
{
    std::string file;
    int line = 0;
    int column = 0;
};

/** A `resource` or `data` block, placed in the module tree by its configuration address. */
struct ConfigResource
{
    std::string address; // configuration address, no keys: "module.app.aws_db_instance.main", "data.aws_ami.x"
    std::string type;
    std::string name;
    bool isData = false;
    SourceLocation location;
    /** lifecycle { prevent_destroy = ... } when it is a literal bool; nullopt when absent or not a literal. */
    std::optional<bool> preventDestroy;
    bool preventDestroyIsExpression = false; // present but not a literal: the reader does not guess
    std::optional<bool> createBeforeDestroy;
    /** Top-level arguments whose values are literals (strings, numbers, bools, null), flattened. */
    Attributes literalArguments;
    /** Arguments present whose values are expressions the reader does not evaluate. */
    std::vector<std::string> expressionArguments;
};

/** A `removed { from = ... lifecycle { destroy = false } }` block (Terraform >= 1.7, OpenTofu). */
struct RemovedBlock
{
    std::string from; // the configuration address in `from`
    bool destroy = true; // lifecycle.destroy; true (the default) means a normal delete
    SourceLocation location;
};

/** A `module "name" { source = "./local" }` call; only local sources are followed. */
struct ModuleCall
{
    std::string address; // "module.app", "module.app.module.db"
    std::string source;
    bool followed = false; // the source was a local folder that was read
    SourceLocation location;
};

/** What Blastline knows of a Terraform configuration: enough to see protection that lives only there. */
struct TerraformConfiguration
{
    std::string rootDirectory;
    std::vector<ConfigResource> resources;
    std::vector<RemovedBlock> removedBlocks;
    std::vector<ModuleCall> moduleCalls;
    /** Provider versions locked in the root's .terraform.lock.hcl: "registry.terraform.io/hashicorp/aws" -> "5.31.0".
     */
    std::map<std::string, std::string> providerVersions;
    std::vector<std::string> warnings; // e.g. a remote module source not followed, a file skipped

    const ConfigResource* findResource(const std::string& configAddress) const
    {
        for (const auto& resource : resources)
            if (resource.address == configAddress)
                return &resource;
        return nullptr;
    }
};

} // namespace blastline::core
