// SPDX-License-Identifier: MIT
#pragma once

#include "AttributeFlattener.h"

#include "blastline/core/ResourceInstance.h"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_set>

namespace blastline::importers {

/**
 * One object of a state file as the SAX handler hands it over: its small fields as a DOM, and
 * its attribute-like fields (which are most of the bytes) already flattened.
 */
struct StateRecord
{
    nlohmann::json fields = nlohmann::json::object();
    FlatEntries attributes; // `attributes` (v4) or `values` (show -json)
    FlatEntries flatAttributes; // `attributes_flat` (v4 written by an upgrade from v3)
    FlatEntries identity;
    bool hasAttributes = false;
    bool hasFlatAttributes = false;
};

/** Redacts (sensitive paths, then secret names) and stores leaves as the instance's Attributes. */
core::Attributes makeAttributes(FlatEntries entries, const std::vector<std::string>& sensitivePrefixes);

/** Finds a second current object (or a reused deposed key) for one instance, across the whole file. */
class SeenObjects
{
public:
    /** False when this object was already seen. */
    bool insert(const core::ResourceInstance& instance)
    {
        return m_keys.insert(instance.addressText + '\n' + instance.deposedKey).second;
    }

private:
    std::unordered_set<std::string> m_keys;
};

/** "appears multiple times" message shared by every format. */
inline std::string duplicateMessage(const core::ResourceInstance& instance)
{
    return instance.isDeposed() ? "deposed object " + instance.deposedKey + " of " + instance.addressText
            + " appears multiple times in the state"
                                : "instance " + instance.addressText + " appears multiple times in the state";
}

} // namespace blastline::importers
