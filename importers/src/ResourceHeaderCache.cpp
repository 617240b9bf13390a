// SPDX-License-Identifier: MIT
#include "ResourceHeaderCache.h"

#include "ProviderAddress.h"

namespace blastline::importers {

bool ResourceHeaderCache::setModule(std::string_view module, std::string* error)
{
    if (module == m_module)
        return true;
    auto modules = core::ResourceAddress::parseModulePath(module, error);
    if (!modules)
        return false;
    m_modules = std::move(*modules);
    m_module = std::string(module);
    return true;
}

bool ResourceHeaderCache::setProvider(std::string_view providerConfig)
{
    if (providerConfig == m_providerConfig && !m_provider.empty())
        return true;
    auto provider = providerSourceFromConfig(providerConfig);
    if (!provider)
        return false;
    m_provider = std::move(*provider);
    m_providerConfig = std::string(providerConfig);
    return true;
}

void ResourceHeaderCache::complete(
    core::ResourceInstance& instance, core::ResourceMode mode, std::string_view type, std::string_view name) const
{
    instance.address.modules = m_modules;
    instance.address.mode = mode;
    instance.address.type = std::string(type);
    instance.address.name = std::string(name);
    instance.addressText = instance.address.toString();
    instance.provider = m_provider;
    instance.providerConfig = m_providerConfig;
}

} // namespace blastline::importers
