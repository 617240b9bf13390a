// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * Seconds since 1970-01-01T00:00:00Z of an ISO-8601 date-time as the AWS CLI prints it:
 * "2026-02-25T02:04:11.123000+00:00", "2019-02-28T21:28:32.000Z", "2020-12-04T15:28:31Z".
 * Fractional seconds are dropped; an offset of "+hh:mm", "+hhmm" or "Z" is applied; no offset
 * means UTC (every AWS API speaks UTC). nullopt when the text is not such a timestamp.
 */
std::optional<std::int64_t> parseIsoTimestamp(std::string_view text);

/** "YYYY-MM-DDTHH:MM:SSZ" of seconds since the epoch. */
std::string formatUtcTimestamp(std::int64_t secondsSinceEpoch);

/** The account field of "arn:partition:service:region:account:resource"; empty when absent or not an ARN. */
std::string accountFromArn(std::string_view arn);

} // namespace blastline::importers
