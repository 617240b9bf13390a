// SPDX-License-Identifier: MIT
#pragma once

#include "TemporaryDirectory.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace blastline::testing {

/** gzip-compresses `text` as CloudTrail delivers its files. */
std::string gzipped(std::string_view text);

/** One CloudTrail record as JSON text; `extra` is spliced in as more members (",\"errorCode\":\"X\""). */
std::string cloudTrailRecord(std::string_view eventName, std::string_view eventTime, std::string_view eventId,
    std::string_view requestParameters = "null", std::string_view extra = "",
    std::string_view responseElements = "null");

} // namespace blastline::testing
