// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blastline::core {

/**
 * The attributes of one resource instance, flattened to leaf paths in Terraform's flatmap convention:
 * nested keys joined by '.', list elements by their index ("tags.Name", "ingress.0.from_port").
 * Containers leave no entry of their own (flatmap's "#" and "%" counts are dropped on import).
 * Kept as a sorted vector: lookups are rare and the whole set is walked when references are inferred.
 */
class Attributes
{
public:
    using Entry = std::pair<std::string, AttributeValue>;

    /** Adds or replaces a leaf. Call finalize() after a batch of set() calls and before any lookup. */
    void set(std::string path, AttributeValue value);
    /** Sorts and removes duplicate paths (the last set() wins). */
    void finalize();
    /** Replaces every leaf by `entries` (later duplicates win) and finalizes: set() for a whole batch. */
    void assign(std::vector<Entry> entries)
    {
        m_entries = std::move(entries);
        finalize();
    }

    const AttributeValue* find(std::string_view path) const;
    /** The leaf as a bool, when it is one (also "true"/"false" strings, as flatmap stores them). */
    std::optional<bool> getBool(std::string_view path) const;
    /** The leaf's text when it is a string or a number; nullopt for null, redacted or missing. */
    std::optional<std::string> getString(std::string_view path) const;
    std::optional<double> getNumber(std::string_view path) const;
    bool contains(std::string_view path) const { return find(path) != nullptr; }

    const std::vector<Entry>& entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }

private:
    std::vector<Entry> m_entries;
};

} // namespace blastline::core
