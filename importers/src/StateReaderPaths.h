// SPDX-License-Identifier: MIT
// The two ways StateReader reads a state, apart so that tests can compare them.
#pragma once

#include "RecordLimits.h"

#include "blastline/core/TerraformState.h"

#include <optional>
#include <string>
#include <string_view>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::importers {

/**
 * The reference reader (nlohmann SAX): every format, the precise error messages. Throws
 * core::InputError like StateReader::readText.
 */
core::TerraformState readStateReference(std::string_view json, const std::string& displayName,
    core::ProgressSink* progress, const RecordLimits& limits = {});

/**
 * The simdjson on-demand reader of format 4 states: the same state as readStateReference, or
 * nullopt whenever the input is anything it does not read exactly the same way (other formats,
 * invalid JSON, structural errors, odd shapes); the caller then uses the reference reader. Throws
 * only core::OperationCancelled (and std::bad_alloc). `readable` is how many bytes from
 * json.data() may be read (>= json.size()); with SIMDJSON_PADDING bytes to spare the text is not
 * copied. A record count over `limits` is declined too: the reference reader names it.
 */
std::optional<core::TerraformState> readStateV4Fast(std::string_view json, std::size_t readable,
    const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits = {});

inline std::optional<core::TerraformState> readStateV4Fast(std::string_view json, const std::string& displayName,
    core::ProgressSink* progress, const RecordLimits& limits = {})
{
    return readStateV4Fast(json, json.size(), displayName, progress, limits);
}

/** StateReader::readText with other record limits than the defaults: for tests only. */
core::TerraformState readStateText(
    std::string_view json, const std::string& displayName, core::ProgressSink* progress, const RecordLimits& limits);

} // namespace blastline::importers
