// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blastline::core {

/** Instants as milliseconds since 1970-01-01T00:00:00Z: CloudTrail's eventTime and the timeline's bounds. */
class UtcTime
{
public:
    /**
     * "2026-02-26T22:01:05Z", with an optional fraction ("…05.123Z") and a "Z" or "±HH:MM" offset; a space may
     * stand for the "T". A bare date ("2026-02-26") is its midnight UTC. nullopt for anything else, including
     * impossible dates (February 30th) and times without a zone (they would be guessed local time).
     */
    static std::optional<std::int64_t> parse(std::string_view text);
    /** "2026-02-26T22:01:05.000Z": always milliseconds, so the text sorts as the instant does. */
    static std::string format(std::int64_t milliseconds);
    /** Milliseconds of a civil date at midnight UTC (proleptic Gregorian). */
    static std::int64_t fromCivil(int year, unsigned month, unsigned day);

    struct CivilDate
    {
        std::int64_t year = 1970;
        unsigned month = 1;
        unsigned day = 1;
    };
    /** The civil date `days` after 1970-01-01 (negative before it), proleptic Gregorian. */
    static CivilDate civilFromDays(std::int64_t days);
};

} // namespace blastline::core
