// SPDX-License-Identifier: MIT
#include "ProviderAddress.h"

#include <vector>

namespace blastline::importers {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

bool isIdentifier(std::string_view text)
{
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// Skips leading "module.<name>." pairs (provider configurations live in module *config* paths, no keys).
std::size_t skipModules(const std::vector<std::string_view>& parts)
{
    std::size_t i = 0;
    while (i + 1 < parts.size() && parts[i] == "module" && isIdentifier(parts[i + 1])) {
        i += 2;
    }
    return i;
}

} // namespace

std::string completeProviderSource(std::string_view source)
{
    const auto parts = split(source, '/');
    if (parts.size() == 1) {
        return std::string(kDefaultRegistryHost) + "/hashicorp/" + std::string(source);
    }
    if (parts.size() == 2) {
        return std::string(kDefaultRegistryHost) + "/" + std::string(source);
    }
    return std::string(source);
}

std::string legacyProviderSource(std::string_view type)
{
    return std::string(kDefaultRegistryHost) + "/-/" + std::string(type);
}

std::string impliedProviderType(std::string_view resourceType)
{
    const auto underscore = resourceType.find('_');
    return std::string(underscore == std::string_view::npos ? resourceType : resourceType.substr(0, underscore));
}

std::optional<std::string> providerSourceFromConfig(std::string_view config)
{
    const auto bracket = config.find("provider[\"");
    if (bracket != std::string_view::npos) {
        const auto start = bracket + 10;
        const auto end = config.find("\"]", start);
        if (end == std::string_view::npos || end == start) {
            return std::nullopt;
        }
        const std::string_view rest = config.substr(end + 2);
        if (!rest.empty() && (rest[0] != '.' || !isIdentifier(rest.substr(1)))) {
            return std::nullopt;
        }
        return completeProviderSource(config.substr(start, end - start));
    }
    const auto parts = split(config, '.');
    const std::size_t i = skipModules(parts);
    const std::size_t remaining = parts.size() - i;
    if (remaining < 2 || remaining > 3 || parts[i] != "provider" || !isIdentifier(parts[i + 1])
        || (remaining == 3 && !isIdentifier(parts[i + 2]))) {
        return std::nullopt;
    }
    return legacyProviderSource(parts[i + 1]);
}

} // namespace blastline::importers
