// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

/**
 * A protection that could have been in place. Each is a transformation of the inputs or of the rules,
 * after which the engine runs again: no outcome is ever written down for a safeguard.
 */
enum class Safeguard
{
    DeletionProtection, // the data stores' own deletion-protection setting is on (in the state)
    PreventDestroy, // lifecycle { prevent_destroy = true } on every data store's resource block
    FinalSnapshot, // skip_final_snapshot = false with an identifier (or the type's equivalent)
    RetainAutomatedBackups, // delete_automated_backups = false
    IndependentBackups, // a backup of every data store in a vault outside this state and account
    ScpDenyDelete // an organisation SCP denies the data stores' delete calls
};

/** Every safeguard, in the order --compare lists them when they tie. */
const std::vector<Safeguard>& allSafeguards();
/** "deletion-protection", ... as on the command line. */
const char* toString(Safeguard safeguard);
std::optional<Safeguard> parseSafeguard(std::string_view name);
/** One line of what the safeguard assumes, for outputs. */
const char* describe(Safeguard safeguard);

} // namespace blastline::core
