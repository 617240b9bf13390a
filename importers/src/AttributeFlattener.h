// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

using FlatEntries = std::vector<core::Attributes::Entry>;

/**
 * Turns the SAX events of one JSON value into flatmap leaves ("tags.Name", "ingress.0.from_port")
 * without building a DOM: attribute objects are most of a state file, so this is the hot path.
 */
class AttributeFlattener
{
public:
    void reset();
    void key(std::string& name) { m_key.swap(name); }
    void startContainer(bool isArray);
    void endContainer();
    void leaf(core::AttributeValue value);
    /** True once the outermost container has ended. */
    bool done() const { return m_levels.empty(); }
    FlatEntries take() { return std::move(m_entries); }

private:
    void appendStep();

    struct Level
    {
        std::size_t savedLength;
        bool isArray;
        std::size_t nextIndex;
    };
    std::string m_path;
    std::string m_key;
    std::vector<Level> m_levels;
    FlatEntries m_entries;
};

/** Flattens a DOM value the same way (used for masks-free small values such as v3 leftovers). */
void flattenJson(const nlohmann::json& value, std::string& prefix, FlatEntries& out);

/** Drops flatmap's "#" (list length) and "%" (map size) entries: containers leave no entry of their own. */
void dropFlatmapCounts(FlatEntries& entries);

/**
 * `sensitive_attributes` (a list of cty paths, each a list of get_attr/index steps; also plain strings
 * in hand-written files) as flat prefixes. Throws StructureError relative to `pointer`.
 */
std::vector<std::string> sensitivePathPrefixes(const nlohmann::json& paths, const std::string& pointer);

/** `sensitive_values` masks of `terraform show -json`: every `true` leaf becomes a prefix. */
void maskPrefixes(const nlohmann::json& mask, std::string& prefix, std::vector<std::string>& out);

/** Replaces every leaf at or under one of the prefixes, then every leaf SecretPolicy names. */
void redactSecrets(FlatEntries& entries, const std::vector<std::string>& sensitivePrefixes);

/** Replaces values under secret-named keys anywhere inside a JSON value (for outputs). */
void redactSecretKeys(nlohmann::json& value);

} // namespace blastline::importers
