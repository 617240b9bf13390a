// SPDX-License-Identifier: MIT
#include "cli/TimelineText.h"

#include "cli/OutputStyle.h"
#include "cli/TimelineReport.h"

#include "blastline/core/UtcTime.h"

#include <filesystem>
#include <ostream>

namespace blastline::cli {

namespace {

std::string plural(std::size_t count, const char* noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string duration(std::int64_t milliseconds)
{
    const std::int64_t seconds = milliseconds / 1000;
    if (seconds < 60)
        return std::to_string(seconds) + "s";
    if (seconds < 3600)
        return std::to_string(seconds / 60) + "m" + std::to_string(seconds % 60) + "s";
    return std::to_string(seconds / 3600) + "h" + std::to_string(seconds / 60 % 60) + "m";
}

std::string fileName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

class Writer
{
public:
    Writer(std::ostream& out, const TimelineReport& report, const OutputStyle& style)
        : m_out(out)
        , m_report(report)
        , m_trail(report.trail)
        , m_style(style)
    { }

    void write()
    {
        header();
        summary();
        comparison();
        events();
    }

private:
    std::string_view text(core::StringId id) const { return m_trail.text(id); }

    std::string who(const core::TrailEvent& event) const
    {
        if (event.principal == 0) // Insights events and some service events name nobody
            return std::string(text(event.eventType));
        return TimelineReport::shortPrincipal(text(event.principal)) + " (" + m_trail.tool(event.tool).name + ")";
    }

    /** "DeleteDBCluster dev-course-management-cluster" — the call and the first resource it names. */
    std::string what(const core::TrailEvent& event) const
    {
        std::string line(text(event.eventName));
        if (!event.identifiers.empty())
            line += " " + std::string(text(event.identifiers.front()));
        return line;
    }

    void header()
    {
        std::uint64_t records = 0;
        std::size_t unreadable = 0;
        std::uint64_t skipped = 0;
        for (const core::TrailInput& input : m_trail.inputs()) {
            records += input.records;
            skipped += input.skipped;
            unreadable += input.error.empty() ? 0 : 1;
        }
        m_out << m_style.bold("CloudTrail timeline") << ": " << plural(m_trail.inputs().size(), "file") << ", "
              << plural(records, "record") << ", " << plural(m_trail.events().size(), "event") << " kept ("
              << TimelineReport::scopeName(m_report.filter.scope) << ")";
        if (m_trail.duplicatesRemoved() > 0)
            m_out << ", " << plural(m_trail.duplicatesRemoved(), "duplicate") << " removed";
        if (skipped > 0)
            m_out << ", " << plural(skipped, "record") << " skipped (see the warnings on stderr)";
        m_out << '\n';
        if (unreadable > 0)
            m_out << m_style.red(plural(unreadable, "file") + " could not be read")
                  << " (named on stderr); the timeline below is missing their events\n";
        m_out << '\n';
    }

    void row(std::string_view label, const std::string& value)
    {
        std::string padded(label);
        padded.resize(std::max<std::size_t>(padded.size() + 2, 24), ' ');
        m_out << "  " << padded << value << '\n';
    }

    void summary()
    {
        const core::TrailSummary& summary = m_report.summary;
        m_out << m_style.bold("What happened") << '\n';
        if (!summary.firstDestructive) {
            row("Destructive calls", "none among the kept events");
        } else {
            const core::TrailEvent& first = m_trail.events()[*summary.firstDestructive];
            row("First destructive call",
                core::UtcTime::format(first.timeMs) + "  " + what(first) + " by " + who(first));
            row("Destructive calls",
                std::to_string(summary.destructive) + " (" + std::to_string(summary.failedDestructive.size())
                    + " failed)");
        }
        for (const core::DestructionActor& actor : summary.principals) {
            row("By principal",
                TimelineReport::shortPrincipal(text(actor.principal)) + ": " + std::to_string(actor.destructive)
                    + " destructive (" + std::to_string(actor.failed) + " failed), mostly with "
                    + m_trail.tool(actor.tool).name);
        }
        for (const core::DeletionBurst& burst : summary.bursts) {
            const core::ToolIdentity* tool = burst.tools.empty() ? nullptr : &m_trail.tool(burst.tools.front());
            const bool terraform = tool != nullptr
                && (tool->kind == core::ToolIdentity::Kind::Terraform
                    || tool->kind == core::ToolIdentity::Kind::OpenTofu);
            row("Burst",
                core::UtcTime::format(burst.startMs) + " for " + duration(burst.endMs - burst.startMs) + ": "
                    + plural(burst.deletes, "delete") + " by " + TimelineReport::shortPrincipal(text(burst.principal))
                    + (tool != nullptr ? " with " + tool->name : "")
                    + (terraform ? " - the shape of a terraform destroy" : ""));
        }
        const auto& failed = summary.failedDestructive;
        for (std::size_t i = 0; i < failed.size();) {
            // A retry loop fails the same way many times: one line for the run of identical failures.
            std::size_t end = i + 1;
            while (end < failed.size() && sameFailure(failed[i], failed[end]))
                ++end;
            const core::TrailEvent& event = m_trail.events()[failed[i].event];
            std::string line = core::UtcTime::format(event.timeMs) + "  " + what(event) + ": "
                + std::string(text(event.errorCode))
                + (event.errorMessage != 0 ? " - " + std::string(text(event.errorMessage)) : "");
            if (end - i > 1)
                line += " (" + std::to_string(end - i) + " times, the last at "
                    + core::UtcTime::format(m_trail.events()[failed[end - 1].event].timeMs) + ")";
            const std::optional<std::size_t> success = failed[end - 1].laterSuccess;
            if (success)
                line += m_style.dim(" - then succeeded at " + core::UtcTime::format(m_trail.events()[*success].timeMs));
            row(success ? "Failed, then retried" : "Failed", line);
            i = end;
        }
        for (std::size_t index : summary.backupEvents) {
            const core::TrailEvent& event = m_trail.events()[index];
            std::string effects;
            for (const core::BackupEffect& effect : event.backupEffects)
                effects += (effects.empty() ? "" : "; ") + backupPhrase(effect);
            row("Backups",
                core::UtcTime::format(event.timeMs) + "  " + what(event) + ": " + effects
                    + (event.failed() ? " (the call failed, so none of this happened)" : ""));
        }
        if (m_report.correlator) {
            std::size_t managed = 0;
            for (const core::TerraformState& state : m_report.states) {
                for (const core::ResourceInstance& instance : state.instances)
                    managed += instance.isManaged() && !instance.isDeposed() ? 1 : 0;
            }
            const std::size_t otherwise = managed
                - std::min(managed,
                    summary.deletedAddresses.size() + summary.survivedAddresses.size()
                        + summary.untouchedAddresses.size());
            row("State",
                std::to_string(managed) + " managed resources: " + std::to_string(summary.deletedAddresses.size())
                    + " deleted, " + std::to_string(summary.survivedAddresses.size()) + " survived a failed delete, "
                    + std::to_string(otherwise) + " named only by other calls, "
                    + std::to_string(summary.untouchedAddresses.size()) + " not named by any kept event");
            for (const std::string& address : summary.deletedAddresses)
                row("  deleted", address);
            for (const std::string& address : summary.survivedAddresses)
                row("  survived", m_style.yellow(address));
        }
        m_out << '\n';
    }

    bool sameFailure(const core::FailedCall& a, const core::FailedCall& b) const
    {
        const core::TrailEvent& x = m_trail.events()[a.event];
        const core::TrailEvent& y = m_trail.events()[b.event];
        return x.eventName == y.eventName && x.errorCode == y.errorCode && x.identifiers == y.identifiers
            && a.laterSuccess == b.laterSuccess;
    }

    static std::string backupPhrase(const core::BackupEffect& effect)
    {
        std::string phrase = toString(effect.kind);
        if (!effect.subject.empty())
            phrase += " " + effect.subject;
        return phrase + " " + toString(effect.fate) + " (" + effect.basis + ")";
    }

    void comparison()
    {
        if (!m_report.comparison)
            return;
        m_out << m_style.bold("State versus trail") << '\n';
        for (const core::StateLineageRelation& relation : m_report.comparison->lineage) {
            const core::TerraformState& first = m_report.states[relation.first];
            const core::TerraformState& second = m_report.states[relation.second];
            std::string line = fileName(first.path) + " and " + fileName(second.path) + ": ";
            switch (relation.kind) {
            case core::StateLineageRelation::Kind::SameSnapshot:
                line += "same lineage and serial " + std::to_string(first.serial);
                break;
            case core::StateLineageRelation::Kind::OlderCopy:
                line += "same lineage; " + fileName(first.path) + " (serial " + std::to_string(first.serial)
                    + ") is an older copy of " + fileName(second.path) + " (serial " + std::to_string(second.serial)
                    + ")";
                break;
            case core::StateLineageRelation::Kind::DifferentProject:
                line += m_style.yellow("different lineage: states of two different projects")
                    + " - a destroy run with one of them deletes that project's resources, not the other's";
                break;
            case core::StateLineageRelation::Kind::Unknown:
                line += "cannot be compared (a state without a lineage)";
                break;
            }
            row("Lineage", line);
        }
        // Deletes of what the state holds are the deleted addresses above: one line says how the state relates.
        std::size_t stale = 0;
        std::int64_t firstStale = 0;
        std::int64_t lastStale = 0;
        for (const core::StateDisagreement& disagreement : m_report.comparison->disagreements) {
            const core::TrailEvent& event = m_trail.events()[disagreement.event];
            const std::string line = core::UtcTime::format(event.timeMs) + "  " + what(event);
            switch (disagreement.kind) {
            case core::StateDisagreement::Kind::CreatedNotInState:
                row("Created, in no state", line + " - made after the state was written, or by another project");
                break;
            case core::StateDisagreement::Kind::DeletedStillInState:
                firstStale = stale++ == 0 ? event.timeMs : firstStale;
                lastStale = event.timeMs;
                break;
            case core::StateDisagreement::Kind::DeletedNotInAnyState:
                row("Deleted, in no state", line + " - no state given holds it");
                break;
            }
        }
        if (stale > 0) {
            row("Deleted, still in state",
                plural(stale, "delete") + " between " + core::UtcTime::format(firstStale) + " and "
                    + core::UtcTime::format(lastStale)
                    + " removed resources the state still holds: the state predates them (the deleted addresses "
                      "are listed above)");
        }
        if (m_report.comparison->disagreements.empty() && m_report.comparison->lineage.empty())
            row("Agreement", "every kept event matches the state");
        m_out << '\n';
    }

    void events()
    {
        m_out << m_style.bold("Events") << " (" << m_trail.events().size() << ")\n";
        for (std::size_t i = 0; i < m_trail.events().size(); ++i) {
            const core::TrailEvent& event = m_trail.events()[i];
            std::string line = "  " + core::UtcTime::format(event.timeMs) + "  ";
            std::string eventClass = toString(event.eventClass);
            eventClass.resize(std::max<std::size_t>(eventClass.size() + 1, 20), ' ');
            line += event.destructive() ? m_style.red(eventClass) : eventClass;
            line += what(event);
            // What the call created or deleted, when known; else everything it names.
            std::vector<std::string> addresses = m_report.addresses(i, true);
            if (addresses.empty())
                addresses = m_report.addresses(i, false);
            for (std::size_t a = 0; a < addresses.size(); ++a)
                line += (a == 0 ? " -> " : ", ") + addresses[a];
            line += "  by " + who(event);
            m_out << line << '\n';
            if (event.failed()) {
                m_out << "      " << m_style.yellow("FAILED " + std::string(text(event.errorCode)))
                      << (event.errorMessage != 0 ? ": " + std::string(text(event.errorMessage)) : "") << '\n';
            }
            for (const core::BackupEffect& effect : event.backupEffects)
                m_out << "      backup: " << backupPhrase(effect) << '\n';
        }
    }

    std::ostream& m_out;
    const TimelineReport& m_report;
    const core::Trail& m_trail;
    const OutputStyle& m_style;
};

} // namespace

void TimelineText::write(std::ostream& out, const TimelineReport& report, const OutputStyle& style)
{
    Writer(out, report, style).write();
}

} // namespace blastline::cli
