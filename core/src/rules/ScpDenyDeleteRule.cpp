// SPDX-License-Identifier: MIT
#include "rules/ScpDenyDeleteRule.h"

namespace blastline::core {

std::optional<DeleteFailure> ScpDenyDeleteRule::deleteFailure(const ResourceInstance& instance) const
{
    const CatalogueEntry* entry = m_catalogue.entryFor(instance.type());
    if (!instance.isManaged() || !entry || !entry->dataStore)
        return std::nullopt;
    const std::string action = entry->deleteActions.empty() ? "its delete action" : entry->deleteActions.front();
    const std::string resource = instance.attributes.getString("arn").value_or(instance.addressText);
    // The shape of AWS's message for an explicit SCP deny; the caller is whoever runs the destroy.
    return DeleteFailure {"AccessDenied: User: (the caller) is not authorized to perform: " + action
            + " on resource: " + resource + " with an explicit deny in a service control policy",
        name(), "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html", {}};
}

} // namespace blastline::core
