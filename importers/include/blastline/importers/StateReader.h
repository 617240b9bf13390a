// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/TerraformState.h"

#include <string>
#include <string_view>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::importers {

/**
 * Reads a Terraform state: format 4, format 3 (upgraded on read), or the output of
 * `terraform show -json` for a state. Secrets (every `sensitive_attributes` path, and attributes
 * with well-known secret names, see SecretPolicy) are replaced by core::kRedactedMarker before
 * the state is returned. Streams the JSON (SAX): memory stays near the size of the result.
 *
 * Throws core::InputError naming the file, the line and column (syntax) or JSON pointer
 * (structure) and what was expected; an OpenTofu-encrypted state is refused with a message
 * that says so. Never returns a partial state.
 */
class StateReader
{
public:
    static core::TerraformState readFile(const std::string& path, core::ProgressSink* progress = nullptr);
    /** `displayName` is used in messages in place of a path. */
    static core::TerraformState readText(
        std::string_view json, const std::string& displayName, core::ProgressSink* progress = nullptr);
};

} // namespace blastline::importers
