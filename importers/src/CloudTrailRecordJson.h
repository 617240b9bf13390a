// SPDX-License-Identifier: MIT
#pragma once

#include <simdjson.h>
#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * Whether a CloudTrail member holds a secret: AWS hides most (masterUserPassword shows as
 * "HIDDEN_DUE_TO_SECURITY_REASONS") but not all — AssumeRole's response carries a sessionToken, and older or
 * third-party records may carry passwords or secret strings in clear.
 */
bool isSecretRecordKey(std::string_view key);

/** The record as compact JSON with the value of every secret member replaced by "(redacted)". */
std::string redactedCompactJson(simdjson::dom::element record);

} // namespace blastline::importers
