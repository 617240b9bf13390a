// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ResourceInstance.h"

#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/**
 * What both format-4 readers do at the end of a resource entry: parse its module path and provider
 * address (each once per run of equal values: consecutive resources nearly always share them) and
 * stamp the resource's identity on its instances. How a bad value is reported is the caller's.
 */
class ResourceHeaderCache
{
public:
    /** False (and `error` set) when `module` is not a module instance path. */
    bool setModule(std::string_view module, std::string* error = nullptr);
    /** False when `providerConfig` is not a provider configuration address. */
    bool setProvider(std::string_view providerConfig);
    /** Gives the instance the current module and provider, and the resource's mode, type and name. */
    void complete(
        core::ResourceInstance& instance, core::ResourceMode mode, std::string_view type, std::string_view name) const;

private:
    std::string m_module = "\x01"; // never a module path: the first resource always parses
    std::vector<core::ModuleStep> m_modules;
    std::string m_providerConfig;
    std::string m_provider;
};

} // namespace blastline::importers
