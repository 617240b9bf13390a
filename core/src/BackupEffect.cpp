// SPDX-License-Identifier: MIT
#include "blastline/core/BackupEffect.h"

#include <array>

namespace blastline::core {

const char* toString(BackupEffect::Kind kind)
{
    static constexpr std::array<const char*, 5> kNames {
        "automated-backups", "final-snapshot", "snapshot", "recovery-point", "encryption-key"};
    return kNames.at(static_cast<std::size_t>(kind));
}

const char* toString(BackupEffect::Fate fate)
{
    static constexpr std::array<const char*, 6> kNames {
        "deleted", "kept", "created", "not-taken", "scheduled-for-deletion", "unknown"};
    return kNames.at(static_cast<std::size_t>(fate));
}

} // namespace blastline::core
