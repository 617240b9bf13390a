// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/report/ReportModel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace blastline::report {

/**
 * Time to detect, to mitigate and to recover, from the start of the impact (the first destructive event on the
 * timeline) to the key times named `detected`, `mitigated` and `recovered` (docs/scenario-format.md, "Key times the
 * report reads"). A missing instant is said, not guessed.
 */
class ResponseTimes
{
public:
    static constexpr const char* kDetected = "detected";
    static constexpr const char* kMitigated = "mitigated";
    static constexpr const char* kRecovered = "recovered";

    /** `impactStart` and where it comes from ("the first destructive call of the trail, ..."). */
    /** `holder` names what lacks a key time in the reasons: "the scenario", "the case". */
    static std::vector<ResponseTime> compute(std::optional<std::int64_t> impactStart, const std::string& impactBasis,
        const std::vector<KeyTimeEntry>& keyTimes, const std::string& holder);
    /** What was down and for how long: deleted and failed counts, and the impact to the `recovered` key time. */
    /** `deletedBy`: by what the counts were deleted ("in the replay as it happened", "by the trail's calls"). */
    static std::vector<ReportFact> outage(std::optional<std::int64_t> impactStart, std::size_t deleted,
        std::size_t failed, const std::string& deletedBy, const std::vector<KeyTimeEntry>& keyTimes);
};

} // namespace blastline::report
