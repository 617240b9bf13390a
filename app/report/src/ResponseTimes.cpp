// SPDX-License-Identifier: MIT
#include "ResponseTimes.h"

#include "blastline/core/UtcTime.h"
#include "blastline/report/ReportBuilder.h"

#include <algorithm>

namespace blastline::report {

namespace {

const KeyTimeEntry* findKey(const std::vector<KeyTimeEntry>& keyTimes, const char* name)
{
    const auto found =
        std::find_if(keyTimes.begin(), keyTimes.end(), [&](const KeyTimeEntry& key) { return key.name == name; });
    return found == keyTimes.end() ? nullptr : &*found;
}

} // namespace

std::vector<ResponseTime> ResponseTimes::compute(std::optional<std::int64_t> impactStart,
    const std::string& impactBasis, const std::vector<KeyTimeEntry>& keyTimes, const std::string& holder)
{
    std::vector<ResponseTime> times;
    const std::pair<const char*, const char*> rows[] = {
        {"Time to detect", kDetected}, {"Time to mitigate", kMitigated}, {"Time to recover", kRecovered}};
    for (const auto& [label, keyName] : rows) {
        ResponseTime time;
        time.name = label;
        time.fromMs = impactStart;
        const KeyTimeEntry* key = findKey(keyTimes, keyName);
        if (key)
            time.toMs = key->timeMs;
        if (!impactStart) {
            time.basis = "not known from the evidence: nothing on the timeline marks the start of the impact";
        } else if (!key) {
            time.basis = "not known from the evidence: " + holder + " has no key time \"" + keyName + "\"";
        } else if (key->timeMs < *impactStart) {
            time.toMs.reset();
            time.basis = std::string("not known from the evidence: the key time \"") + keyName
                + "\" is before the start of the impact";
        } else {
            time.basis = "from " + impactBasis + " (" + core::UtcTime::format(*impactStart) + ") to the key time \""
                + keyName + "\" (" + core::UtcTime::format(key->timeMs) + ")";
            time.sources = key->sources;
        }
        times.push_back(std::move(time));
    }
    return times;
}

std::vector<ReportFact> ResponseTimes::outage(std::optional<std::int64_t> impactStart, std::size_t deleted,
    std::size_t failed, const std::string& deletedBy, const std::vector<KeyTimeEntry>& keyTimes)
{
    std::vector<ReportFact> facts;
    std::string gone =
        std::to_string(deleted) + (deleted == 1 ? " resource was" : " resources were") + " deleted " + deletedBy;
    if (failed > 0)
        gone +=
            "; " + std::to_string(failed) + (failed == 1 ? " delete" : " deletes") + " failed and left the resource";
    facts.push_back({gone + ".", {}});
    const KeyTimeEntry* recovered = findKey(keyTimes, kRecovered);
    if (impactStart && recovered && recovered->timeMs >= *impactStart) {
        facts.push_back({"Down for " + ReportBuilder::duration(recovered->timeMs - *impactStart) + ", from "
                + core::UtcTime::format(*impactStart) + " to the key time \"recovered\" ("
                + core::UtcTime::format(recovered->timeMs) + ").",
            recovered->sources});
    } else {
        facts.push_back({"How long it was down is not known from the evidence (no key time \"recovered\").", {}});
    }
    return facts;
}

} // namespace blastline::report
