// SPDX-License-Identifier: MIT
#include "blastline/report/TimelineChartSvg.h"

#include "blastline/core/UtcTime.h"
#include "blastline/report/XmlText.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace blastline::report {

namespace {

constexpr double kWidth = 1000;
constexpr double kLeft = 110; // lane names
constexpr double kRight = 24;
constexpr double kLaneHeight = 26;
constexpr double kKeyRows = 3; // key-time labels are staggered over this many rows
constexpr double kKeyRowHeight = 14;

const std::array<const char*, 6> kLanes = {"cloudtrail", "simulated", "narrative", "decision", "key time", "note"};

struct Window
{
    std::int64_t startMs = 0;
    std::int64_t endMs = 1;
    std::string label;
};

double xOf(const Window& window, std::int64_t timeMs)
{
    const double span = static_cast<double>(std::max<std::int64_t>(window.endMs - window.startMs, 1));
    return kLeft + (kWidth - kLeft - kRight) * static_cast<double>(timeMs - window.startMs) / span;
}

/** A tick step that gives five to ten ticks over the window. */
std::int64_t tickStep(std::int64_t spanMs)
{
    constexpr std::array<std::int64_t, 14> steps = {1'000, 5'000, 15'000, 60'000, 300'000, 600'000, 900'000, 1'800'000,
        3'600'000, 7'200'000, 10'800'000, 21'600'000, 43'200'000, 86'400'000};
    for (const std::int64_t step : steps) {
        if (spanMs / step <= 10)
            return step;
    }
    return 86'400'000 * ((spanMs / 86'400'000) / 10 + 1);
}

std::vector<std::string> lanesUsed(const ReportModel& model)
{
    std::vector<std::string> lanes;
    for (const char* lane : kLanes) {
        const bool used = std::any_of(
            model.timeline.begin(), model.timeline.end(), [&](const TimelineEntry& e) { return e.origin == lane; });
        if (used)
            lanes.emplace_back(lane);
    }
    return lanes;
}

/** Draws one panel at `top`; returns its height. */
double writePanel(std::ostream& out, const ReportModel& model, const Window& window,
    const std::vector<std::string>& lanes, double top)
{
    const double keyTop = top + 18;
    const double lanesTop = keyTop + kKeyRows * kKeyRowHeight + 6;
    const double lanesBottom = lanesTop + kLaneHeight * static_cast<double>(lanes.size());
    const double height = lanesBottom - top + 34;
    const auto visible = [&](std::int64_t t) { return t >= window.startMs && t <= window.endMs; };

    out << "<text x=\"" << XmlText::number(kLeft) << "\" y=\"" << XmlText::number(top + 12)
        << "\" font-size=\"12\" font-weight=\"bold\">" << XmlText::escape(window.label) << "</text>\n";
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const double y = lanesTop + kLaneHeight * static_cast<double>(i);
        out << "<rect x=\"" << XmlText::number(kLeft) << "\" y=\"" << XmlText::number(y) << "\" width=\""
            << XmlText::number(kWidth - kLeft - kRight) << "\" height=\"" << XmlText::number(kLaneHeight)
            << "\" fill=\"" << (i % 2 ? "#ffffff" : "#f4f6f8") << "\"/><text x=\"8\" y=\""
            << XmlText::number(y + kLaneHeight / 2 + 4) << "\" font-size=\"11\">" << lanes[i] << "</text>\n";
    }
    for (const BurstEntry& burst : model.bursts) {
        if (burst.endMs < window.startMs || burst.startMs > window.endMs)
            continue;
        const double x0 = xOf(window, std::max(burst.startMs, window.startMs));
        const double x1 = std::max(xOf(window, std::min(burst.endMs, window.endMs)), x0 + 3);
        out << "<rect x=\"" << XmlText::number(x0) << "\" y=\"" << XmlText::number(lanesTop) << "\" width=\""
            << XmlText::number(x1 - x0) << "\" height=\"" << XmlText::number(lanesBottom - lanesTop)
            << "\" fill=\"#b3261e\" fill-opacity=\"0.13\"><title>" << XmlText::escape(burst.who) << ": "
            << burst.deletes << " deletes</title></rect>\n";
    }
    std::size_t keyIndex = 0;
    for (const KeyTimeEntry& key : model.keyTimes) {
        if (!visible(key.timeMs))
            continue;
        const double x = xOf(window, key.timeMs);
        const double labelY = keyTop + kKeyRowHeight * static_cast<double>(keyIndex++ % 3) + 10;
        const bool rightSide = x > kWidth - 220;
        out << "<line x1=\"" << XmlText::number(x) << "\" y1=\"" << XmlText::number(labelY + 2) << "\" x2=\""
            << XmlText::number(x) << "\" y2=\"" << XmlText::number(lanesBottom) << "\" stroke=\"#1f4e8c\" "
            << "stroke-dasharray=\"4 3\"/><text x=\"" << XmlText::number(rightSide ? x - 3 : x + 3) << "\" y=\""
            << XmlText::number(labelY) << "\" font-size=\"10\" fill=\"#1f4e8c\""
            << (rightSide ? " text-anchor=\"end\"" : "") << ">" << XmlText::escapeShortened(key.name, 32)
            << "</text>\n";
    }
    // Destructive marks last, so that the operations listed beside a delete (a plan's creates) never hide it.
    for (const bool destructivePass : {false, true}) {
        for (const TimelineEntry& entry : model.timeline) {
            if (!visible(entry.timeMs) || entry.destructive != destructivePass)
                continue;
            const auto lane = std::find(lanes.begin(), lanes.end(), entry.origin);
            if (lane == lanes.end())
                continue;
            const double y = lanesTop + kLaneHeight * static_cast<double>(lane - lanes.begin()) + kLaneHeight / 2;
            const char* colour = entry.destructive ? "#b3261e" : "#37474f";
            out << "<circle cx=\"" << XmlText::number(xOf(window, entry.timeMs)) << "\" cy=\"" << XmlText::number(y)
                << "\" r=\"3.5\" fill=\"" << (entry.failed ? "#ffffff" : colour) << "\" stroke=\""
                << (entry.failed ? "#a26100" : colour) << "\"><title>"
                << XmlText::escape(core::UtcTime::format(entry.timeMs) + " " + entry.text) << "</title></circle>\n";
        }
    }
    // The axis: ticks on round instants, labelled with the time and, where the day changes, the date.
    const std::int64_t step = tickStep(window.endMs - window.startMs);
    const std::int64_t first = (window.startMs / step + 1) * step;
    std::string lastDate;
    out << "<line x1=\"" << XmlText::number(kLeft) << "\" y1=\"" << XmlText::number(lanesBottom) << "\" x2=\""
        << XmlText::number(kWidth - kRight) << "\" y2=\"" << XmlText::number(lanesBottom) << "\" stroke=\"#333\"/>\n";
    for (std::int64_t t = first; t <= window.endMs; t += step) {
        const double x = xOf(window, t);
        const std::string iso = core::UtcTime::format(t);
        std::string label = iso.substr(11, step < 60'000 ? 8 : 5);
        if (iso.substr(0, 10) != lastDate) {
            lastDate = iso.substr(0, 10);
            label = lastDate.substr(5) + " " + label;
        }
        out << "<line x1=\"" << XmlText::number(x) << "\" y1=\"" << XmlText::number(lanesBottom) << "\" x2=\""
            << XmlText::number(x) << "\" y2=\"" << XmlText::number(lanesBottom + 5) << "\" stroke=\"#333\"/><text x=\""
            << XmlText::number(x) << "\" y=\"" << XmlText::number(lanesBottom + 17)
            << "\" font-size=\"10\" text-anchor=\"middle\">" << label << "</text>\n";
    }
    return height;
}

} // namespace

std::string TimelineChartSvg::render(const ReportModel& model, const std::string& idPrefix)
{
    std::vector<std::int64_t> times;
    for (const TimelineEntry& entry : model.timeline)
        times.push_back(entry.timeMs);
    for (const KeyTimeEntry& key : model.keyTimes)
        times.push_back(key.timeMs);
    const std::vector<std::string> lanes = lanesUsed(model);

    std::vector<Window> windows;
    if (!times.empty()) {
        const auto [low, high] = std::minmax_element(times.begin(), times.end());
        const std::int64_t pad = std::max<std::int64_t>((*high - *low) / 40, 30'000);
        windows.push_back({*low - pad, *high + pad, "The whole incident (UTC)"});
        if (!model.bursts.empty()) {
            std::int64_t burstStart = model.bursts.front().startMs;
            std::int64_t burstEnd = model.bursts.front().endMs;
            for (const BurstEntry& burst : model.bursts) {
                burstStart = std::min(burstStart, burst.startMs);
                burstEnd = std::max(burstEnd, burst.endMs);
            }
            const std::int64_t burstSpan = std::max<std::int64_t>(burstEnd - burstStart, 60'000);
            if (burstSpan * 5 < *high - *low) {
                const std::int64_t zoomPad = std::max<std::int64_t>(burstSpan / 4, 120'000);
                windows.push_back({burstStart - zoomPad, burstEnd + zoomPad, "The destructive burst, close up (UTC)"});
            }
        }
    }

    std::ostringstream body;
    double top = 34;
    for (const Window& window : windows)
        top += writePanel(body, model, window, lanes, top) + 12;
    if (windows.empty()) {
        body << "<text x=\"16\" y=\"60\" font-size=\"12\">No events on the timeline.</text>\n";
        top = 80;
    }
    const double height = top + 10;

    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" role=\"img\" id=\"" << XmlText::escape(idPrefix)
        << "\" width=\"" << XmlText::number(kWidth) << "\" height=\"" << XmlText::number(height) << "\" viewBox=\"0 0 "
        << XmlText::number(kWidth) << ' ' << XmlText::number(height)
        << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" fill=\"#1d1d1d\">\n";
    out << "<title>" << XmlText::escape("Timeline: " + model.title) << "</title>\n";
    out << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    out << "<text x=\"16\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Timeline: events by origin, key times "
        << "(dashed) and destructive bursts (red band)</text>\n";
    out << body.str() << "</svg>\n";
    return out.str();
}

} // namespace blastline::report
