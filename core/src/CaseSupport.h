// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseRecords.h"
#include "blastline/core/EventRules.h"
#include "blastline/core/RecoveryPoint.h"
#include "blastline/core/ResourceAddress.h"
#include "blastline/core/TerraformState.h"
#include "blastline/core/ToolIdentity.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::core::casefile {

/** Tells `progress` (when set) how far `phase` is, and throws OperationCancelled when it asks to stop. */
void report(ProgressSink* progress, std::string_view phase, std::uint64_t done, std::uint64_t total);

/** Now, as the case file writes times: "2026-03-05T21:00:00.000Z". */
std::string utcNow();

// The texts the case file stores for enumerations, and back. The schema's CHECK constraints hold the same
// lists; reading a text outside them means the file was damaged, and throws Error.
const char* toString(StateSource source); // "state-v4", "state-v3", "show-json" (as in the JSON output)
const char* toString(RecoveryPoint::Origin origin); // "rule", "state", "inventory", "assumed"
const char* toString(ResourceMode mode); // "managed", "data"
EvidenceKind evidenceKindFrom(std::string_view text);
StateSource stateSourceFrom(std::string_view text);
RecoveryPoint::Origin originFrom(std::string_view text);
EventClass eventClassFrom(std::string_view text);
ToolIdentity::Kind toolKindFrom(std::string_view text);

} // namespace blastline::core::casefile
