// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/report/ReportModel.h"
#include "blastline/report/TimeZone.h"

#include <string>
#include <vector>

namespace blastline::core {
class CaseFile;
class CatalogueRules;
} // namespace blastline::core

namespace blastline::importers {
class ScenarioSession;
}

namespace blastline::report {

/**
 * Builds the postmortem from what the engines compute: from a scenario (its replay as it happened, or under the
 * assumed safeguards, and the replay under each safeguard alone: ReplayComparison), or from a case file (its latest
 * state judged by WhatIfEngine, its trail, notes and evidence digests). Words are put around computed facts; no
 * outcome is written here that an engine or a source did not give.
 */
class ReportBuilder
{
public:
    /** `generatedAt`: the UTC time written as the report's date (golden tests fix it). */
    ReportBuilder(TimeZone zone, std::string generatedAt);

    /** Throws what the replay engine throws (InputError for an unknown safeguard). */
    ReportModel fromScenario(const importers::ScenarioSession& session, const std::vector<std::string>& assumed) const;
    /**
     * The case's latest state under a full destroy (assumed safeguards applied), with the case's recovery points;
     * the trail's deletions, notes and evidence. Throws InputError for a case without a state or a trail.
     */
    ReportModel fromCase(const core::CaseFile& caseFile, const core::CatalogueRules& catalogue,
        const std::vector<std::string>& assumed) const;

    /** The current UTC time to the second, as `generatedAt` wants it ("2026-11-26T20:25:17Z"). */
    static std::string now();
    /** "23 h 21 min", "4 min 10 s", "12 s": how long between two instants, for the response times. */
    static std::string duration(std::int64_t milliseconds);

private:
    std::string local(std::int64_t timeMs) const;
    void addFigures(ReportModel& model) const;

    TimeZone m_zone;
    bool m_showLocal = false;
    std::string m_generatedAt;
};

} // namespace blastline::report
