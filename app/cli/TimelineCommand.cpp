// SPDX-License-Identifier: MIT
#include "cli/TimelineCommand.h"

#include "cli/Cli.h"
#include "cli/OutputStyle.h"
#include "cli/TerminalProgress.h"
#include "cli/TimelineCsv.h"
#include "cli/TimelineJson.h"
#include "cli/TimelineReport.h"
#include "cli/TimelineText.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/UtcTime.h"
#include "blastline/importers/CloudTrailReader.h"
#include "blastline/importers/StateReader.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <sstream>

namespace blastline::cli {

namespace {

std::optional<std::int64_t> timeOption(const std::string& name, const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    const auto time = core::UtcTime::parse(text);
    if (!time)
        throw core::InputError(name + " " + text
            + ": expected an ISO 8601 time with its zone, such as 2026-02-26T22:00:00Z, or a date, such as "
              "2026-02-26");
    return time;
}

} // namespace

void TimelineCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("timeline",
        "Read CloudTrail logs (files or S3 log trees, plain or gzip) and show who did what, when, with which "
        "tool, tied to the resources of Terraform states");
    command->add_option("TRAIL", m_trails, "CloudTrail files or directories; may be left out with --case");
    command->add_option("--case", m_case,
        "A case file (blastline case import): its events and states, besides any TRAIL and --state given");
    command->add_flag("--save", m_save, "Keep this run's summary in the --case file");
    command->add_option("--state", m_states,
        "A Terraform state whose resources the events are tied to (repeatable: states are also compared by "
        "lineage and serial)");
    command->add_option("--from", m_from, "Only events at or after this time (ISO 8601, e.g. 2026-02-26T22:00:00Z)");
    command->add_option("--to", m_to, "Only events before this time");
    command->add_option("--only", m_only, "Which events: destructive, writes (default) or all")
        ->check(CLI::IsMember({"destructive", "writes", "all"}));
    command->add_option("--principal", m_principal,
        "Only events whose principal ARN, session issuer, user name or access key contains this text");
    command->add_option("--format", m_format, "Output format: text, json, jsonl, csv or timesketch (JSON lines)")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "timesketch"}));
    command->add_flag("--records", m_records,
        "Include each event's whole CloudTrail record (secrets redacted) in json, jsonl and timesketch output");
    command->add_option("--threads", m_threads, "Files read in parallel (default: one per core)")
        ->check(CLI::Range(1U, 256U));
    command
        ->add_option("--max-file-size", m_maxFileMiB,
            "Refuse a file larger than this many MiB once inflated (default 1024): protects against gzip bombs")
        ->check(CLI::Range(std::uint64_t {1}, std::uint64_t {1} << 20));
    command
        ->add_option("--max-inflation-ratio", m_maxInflationRatio,
            "Refuse a gzip file that inflates to more than this many times its size (default 100; 0: no limit): "
            "protects against gzip bombs before they expand")
        ->check(CLI::Range(std::uint64_t {0}, std::uint64_t {1032}));
}

int TimelineCommand::run(std::ostream& out, std::ostream& err) const
{
    TimelineReport report;
    report.filter.scope = core::TrailFilter::parseScope(m_only).value_or(core::TrailFilter::Scope::Writes);
    report.filter.fromMs = timeOption("--from", m_from);
    report.filter.toMs = timeOption("--to", m_to);
    report.filter.principal = m_principal;

    if (m_trails.empty() && m_case.empty())
        throw core::InputError("give CloudTrail files or folders, or --case CASE to use the events a case holds");
    if (m_save && m_case.empty())
        throw core::InputError("--save needs --case CASE: the run is kept in a case file");
    if (!m_trails.empty() && !m_case.empty())
        throw core::InputError("give either TRAIL files or --case, not both: a case's events are already read");

    // States first: a broken state is a usage problem (exit 2) and should stop the run before the long read.
    TerminalProgress progress;
    std::optional<core::CaseFile> caseFile;
    if (!m_case.empty()) {
        caseFile.emplace(core::CaseFile::open(m_case, core::CaseFile::OpenMode::ReadOnly));
        for (const core::StateRow& row : caseFile->states())
            report.states.push_back(caseFile->loadState(row.id));
    }
    for (const std::string& path : m_states)
        report.states.push_back(importers::StateReader::readFile(path, &progress));

    if (caseFile) {
        report.trail = caseFile->loadTrail(report.filter);
    } else {
        importers::CloudTrailReadOptions options;
        options.filter = report.filter;
        options.threads = m_threads;
        options.keepRecords = m_records && m_format != "text" && m_format != "csv";
        options.maxFileBytes = m_maxFileMiB * 1024 * 1024;
        options.maxInflationRatio = m_maxInflationRatio;
        options.progress = &progress;
        report.trail = importers::CloudTrailReader::read(m_trails, options);
    }
    report.analyse();
    progress.clear();

    if (m_save) {
        // The events are in the case already: the run keeps what it concluded, not another copy of them.
        std::ostringstream document;
        TimelineJson::writeSummaryDocument(document, report);
        caseFile.reset();
        core::CaseFile writable = core::CaseFile::open(m_case, core::CaseFile::OpenMode::MustExist);
        core::SimulationInput run;
        run.kind = "timeline";
        run.inputs = std::string("events of the case, --only ") + TimelineReport::scopeName(report.filter.scope)
            + (m_from.empty() ? "" : ", --from " + m_from) + (m_to.empty() ? "" : ", --to " + m_to)
            + (m_principal.empty() ? "" : ", --principal " + m_principal);
        run.result = document.str();
        run.blastlineVersion = BLASTLINE_VERSION;
        writable.addSimulation(run);
    }
    if (m_format == "json")
        TimelineJson::writeDocument(out, report);
    else if (m_format == "jsonl")
        TimelineJson::writeLines(out, report, TimelineJson::Flavour::Plain);
    else if (m_format == "timesketch")
        TimelineJson::writeLines(out, report, TimelineJson::Flavour::Timesketch);
    else if (m_format == "csv")
        TimelineCsv::write(out, report);
    else
        TimelineText::write(out, report, OutputStyle::forStdout());

    // The output above holds every file that could be read; the ones that could not are named here, and the
    // exit code says the timeline is incomplete.
    for (const core::TrailInput& input : report.trail.inputs()) {
        if (!input.error.empty())
            err << "blastline: error: " << input.error << '\n';
        if (!input.warning.empty()) {
            err << "blastline: warning: " << input.warning;
            if (input.skipped > 1)
                err << " (and " << input.skipped - 1 << " more records skipped in this file)";
            err << '\n';
        }
    }
    return report.trail.hasUnreadableInputs() ? ExitIncompleteInput : ExitOk;
}

} // namespace blastline::cli
