// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>

namespace blastline::cli {

struct TimelineReport;

/** The machine-readable forms of `blastline timeline` (schema blastline.timeline/1, docs/cli.md). */
class TimelineJson
{
public:
    enum class Flavour
    {
        Plain, // one event object per line
        Timesketch // plus message, datetime, timestamp and timestamp_desc; lists joined: Timesketch's JSONL import
    };

    /** {"schema", "inputs", "filter", "summary", "state_comparison", "events"}. */
    static void writeDocument(std::ostream& out, const TimelineReport& report);
    /** The same document without its events: what `--save` keeps in a case that holds the events already. */
    static void writeSummaryDocument(std::ostream& out, const TimelineReport& report);
    static void writeLines(std::ostream& out, const TimelineReport& report, Flavour flavour);
};

} // namespace blastline::cli
