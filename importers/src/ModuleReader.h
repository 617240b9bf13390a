// SPDX-License-Identifier: MIT
#pragma once

#include "HclSyntax.h"

#include "blastline/core/TerraformConfiguration.h"

#include <string>

namespace blastline::importers {

/**
 * Turns the top-level blocks of parsed .tf files into the entries of one module of a configuration:
 * `resource` and `data` blocks, `removed` blocks and `module` calls, with addresses prefixed by the
 * module's own address. Everything else (variables, outputs, providers, moved, import...) is skipped.
 * Blocks Terraform would refuse (wrong label count, `removed` without `from`) become warnings.
 */
class ModuleReader
{
public:
    /** `moduleAddress` is "" for the root module, else "module.a" or "module.a.module.b". */
    ModuleReader(core::TerraformConfiguration& configuration, std::string moduleAddress);

    /**
     * Adds what `body` declares. In an override file (override.tf, *_override.tf) blocks change the
     * resources and module calls already declared instead, as Terraform merges them.
     */
    void addFile(const HclBody& body, const std::string& filePath, bool isOverride);

private:
    void addResource(const HclBlock& block, const std::string& filePath, bool isOverride);
    void addRemoved(const HclBlock& block, const std::string& filePath);
    void addModuleCall(const HclBlock& block, const std::string& filePath, bool isOverride);
    void warn(const std::string& filePath, HclPosition at, const std::string& message);
    std::string qualify(const std::string& localAddress) const;

    core::TerraformConfiguration& m_configuration;
    std::string m_moduleAddress;
};

} // namespace blastline::importers
