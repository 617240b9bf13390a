// SPDX-License-Identifier: MIT
#include "cli/TimelineCsv.h"

#include "cli/TextList.h"
#include "cli/TimelineReport.h"

#include "blastline/core/UtcTime.h"

#include <ostream>

namespace blastline::cli {

std::string TimelineCsv::cell(std::string_view text)
{
    std::string out = "\"";
    if (!text.empty()
        && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
        out += '\'';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void TimelineCsv::write(std::ostream& out, const TimelineReport& report)
{
    out << "time,event_id,event_source,event_name,region,account,principal,tool,source_ip,error_code,class,"
           "destructive,resources,addresses\r\n";
    const core::Trail& trail = report.trail;
    std::string row;
    for (std::size_t i = 0; i < trail.events().size(); ++i) {
        const core::TrailEvent& event = trail.events()[i];
        std::vector<std::string> resources;
        for (core::StringId id : event.identifiers)
            resources.emplace_back(trail.text(id));
        row.clear();
        row += core::UtcTime::format(event.timeMs) + ",";
        for (core::StringId id :
            {event.eventId, event.eventSource, event.eventName, event.region, event.account, event.principal})
            row += cell(trail.text(id)) + ",";
        row += cell(trail.tool(event.tool).name) + ",";
        row += cell(trail.text(event.sourceIp)) + ",";
        row += cell(trail.text(event.errorCode)) + ",";
        row += std::string(toString(event.eventClass)) + ",";
        row += event.destructive() ? "true," : "false,";
        row += cell(joined(resources, " ")) + ",";
        row += cell(joined(report.addresses(i, false), " ")) + "\r\n";
        out << row;
    }
}

} // namespace blastline::cli
