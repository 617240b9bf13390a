// SPDX-License-Identifier: MIT
#include "blastline/core/Safeguard.h"

namespace blastline::core {

const std::vector<Safeguard>& allSafeguards()
{
    static const std::vector<Safeguard> all = {Safeguard::DeletionProtection, Safeguard::PreventDestroy,
        Safeguard::FinalSnapshot, Safeguard::RetainAutomatedBackups, Safeguard::IndependentBackups,
        Safeguard::ScpDenyDelete};
    return all;
}

const char* toString(Safeguard safeguard)
{
    switch (safeguard) {
    case Safeguard::DeletionProtection:
        return "deletion-protection";
    case Safeguard::PreventDestroy:
        return "prevent-destroy";
    case Safeguard::FinalSnapshot:
        return "final-snapshot";
    case Safeguard::RetainAutomatedBackups:
        return "retain-automated-backups";
    case Safeguard::IndependentBackups:
        return "independent-backups";
    case Safeguard::ScpDenyDelete:
        return "scp-deny-delete";
    }
    return "unknown";
}

std::optional<Safeguard> parseSafeguard(std::string_view name)
{
    for (const Safeguard safeguard : allSafeguards()) {
        if (name == toString(safeguard))
            return safeguard;
    }
    return std::nullopt;
}

const char* describe(Safeguard safeguard)
{
    switch (safeguard) {
    case Safeguard::DeletionProtection:
        return "each data store's deletion protection is on (deletion_protection and its equivalents)";
    case Safeguard::PreventDestroy:
        return "each data store's resource block has lifecycle { prevent_destroy = true }";
    case Safeguard::FinalSnapshot:
        return "each data store takes a final snapshot when deleted";
    case Safeguard::RetainAutomatedBackups:
        return "automated backups are kept when a database is deleted";
    case Safeguard::IndependentBackups:
        return "each data store is backed up to a vault outside this state and this account";
    case Safeguard::ScpDenyDelete:
        return "an organisation SCP denies the delete calls of data stores";
    }
    return "";
}

} // namespace blastline::core
