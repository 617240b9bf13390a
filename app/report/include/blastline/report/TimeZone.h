// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace blastline::report {

/**
 * An IANA time zone read from its TZif file (RFC 8536, versions 1 to 4), because libstdc++ 12 has no
 * std::chrono::tzdb. Transitions come from the file; instants after the last one follow the file's POSIX TZ footer
 * when it has "Mm.w.d" rules (what tzdata writes), else the last transition's offset. UTC needs no file.
 */
class TimeZone
{
public:
    static TimeZone utc();
    /**
     * Reads `root`/NAME, e.g. "Europe/Berlin". Throws core::InputError for a name that is not a zone (unknown,
     * absolute, with "..") or a file that is not TZif.
     */
    static TimeZone load(const std::string& name, const std::filesystem::path& root = "/usr/share/zoneinfo");
    /** Parses TZif bytes; `name` only names the zone in messages and output. Throws core::InputError. */
    static TimeZone parse(const std::string& name, const std::string& bytes);

    const std::string& name() const { return m_name; }
    bool isUtc() const { return m_types.size() == 1 && m_types[0].offsetSeconds == 0 && m_transitions.empty(); }

    struct Offset
    {
        std::int64_t offsetSeconds = 0; // local = UTC + offset
        std::string abbreviation; // "CET"
        bool dst = false;
    };
    Offset offsetAt(std::int64_t utcMs) const;
    /** "2026-02-26 23:02:04 CET" (seconds; the zone's abbreviation, or its offset "+05:30" when it has a number). */
    std::string format(std::int64_t utcMs) const;

    /** A POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"), for instants after the last transition. */
    struct Rule
    {
        Offset standard;
        Offset daylight;
        bool hasDaylight = false;
        struct When
        {
            int month = 0, week = 0, weekday = 0; // Mm.w.d
            std::int64_t secondsIntoDay = 7200;
        };
        When start, end; // local standard time for start, local daylight time for end
    };

private:
    struct Transition
    {
        std::int64_t atSeconds = 0;
        std::size_t type = 0;
    };

    std::string m_name;
    std::vector<Transition> m_transitions;
    std::vector<Offset> m_types;
    std::vector<Rule> m_footer; // zero or one
};

} // namespace blastline::report
