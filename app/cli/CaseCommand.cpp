// SPDX-License-Identifier: MIT
#include "cli/CaseCommand.h"

#include "cli/CaseImportRun.h"
#include "cli/CaseOutput.h"
#include "cli/Cli.h"
#include "cli/TerminalProgress.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/UtcTime.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ostream>

namespace blastline::cli {

namespace {

/** The name of who writes a note: --author, else the login name, as `git` would take it. */
std::string defaultAuthor()
{
    for (const char* variable : {"BLASTLINE_AUTHOR", "USER", "LOGNAME"}) {
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0')
            return value;
    }
    return "unknown";
}

} // namespace

void CaseCommand::registerWith(CLI::App& app)
{
    m_command = app.add_subcommand("case", "Keep an investigation in one file: evidence, timeline, simulations, notes");
    m_command->require_subcommand(1);

    m_import = m_command->add_subcommand("import",
        "Add states, plans, CloudTrail logs, backup listings and configuration folders to CASE (created if new); "
        "each is recognised by its content");
    m_import->add_option("CASE", m_case, "The case file")->required();
    m_import->add_option("FILE_OR_DIR", m_paths, "Evidence to add")->required();
    m_import->add_flag("--embed", m_embed,
        "Also keep each file's bytes in the case (they hold whatever secrets the files hold; off by default)");

    m_show = m_command->add_subcommand("show", "What the case holds: evidence, counts, simulations and notes");
    m_show->add_option("CASE", m_case, "The case file")->required();
    m_show->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));

    m_verify = m_command->add_subcommand(
        "verify", "Re-hash every piece of evidence where it lies now; exit 1 if any changed or vanished");
    m_verify->add_option("CASE", m_case, "The case file")->required();

    m_note = m_command->add_subcommand("note", "Add a note to the timeline, at a time, an event or a resource");
    m_note->add_option("CASE", m_case, "The case file")->required();
    m_note->add_option("TEXT", m_text, "The note")->required();
    auto* at = m_note->add_option("--at", m_at, "A time (ISO 8601 with zone)");
    auto* event = m_note->add_option("--event", m_event, "A CloudTrail eventID in the case");
    auto* address = m_note->add_option("--address", m_address, "A resource address in the case");
    at->excludes(event)->excludes(address);
    event->excludes(address);
    m_note->add_option("--author", m_author, "Who writes it (default: $BLASTLINE_AUTHOR, else $USER)");

    m_events = m_command->add_subcommand(
        "events", "The CloudTrail events that name one resource, in time order, a page at a time");
    m_events->add_option("CASE", m_case, "The case file")->required();
    m_events->add_option("--address", m_address, "The resource's address in the case's states")->required();
    m_events->add_option("--offset", m_offset, "Events to skip (default 0)")->check(CLI::NonNegativeNumber);
    m_events->add_option("--limit", m_limit, "Events in the page (default 1000)")->check(CLI::Range(1, 1000000));
    m_events->add_option("--format", m_format, "Output format: text or jsonl")->check(CLI::IsMember({"text", "jsonl"}));
}

bool CaseCommand::wasGiven() const
{
    return m_command != nullptr && m_command->parsed();
}

int CaseCommand::run(std::ostream& out, std::ostream& err) const
{
    if (m_import->parsed())
        return runImport(out, err);
    if (m_show->parsed())
        return runShow(out);
    if (m_verify->parsed())
        return runVerify(out);
    if (m_events->parsed())
        return runEvents(out);
    return runNote(out);
}

int CaseCommand::runImport(std::ostream& out, std::ostream& err) const
{
    (void)err;
    TerminalProgress progress;
    core::CaseFile caseFile = core::CaseFile::open(m_case, core::CaseFile::OpenMode::CreateIfMissing);
    std::string commandLine = "blastline case import " + m_case;
    for (const std::string& path : m_paths)
        commandLine += " " + path;
    CaseImportRun run(caseFile, {m_embed, commandLine}, &progress);
    const std::vector<std::string> report = run.run(m_paths);
    progress.clear();
    for (const std::string& line : report)
        out << "imported " << line << '\n';
    return ExitOk;
}

int CaseCommand::runShow(std::ostream& out) const
{
    const core::CaseFile caseFile = core::CaseFile::open(m_case, core::CaseFile::OpenMode::ReadOnly);
    if (m_format == "json")
        CaseOutput::writeJson(out, caseFile);
    else
        CaseOutput::writeText(out, caseFile);
    return ExitOk;
}

int CaseCommand::runVerify(std::ostream& out) const
{
    const core::CaseFile caseFile = core::CaseFile::open(m_case, core::CaseFile::OpenMode::ReadOnly);
    TerminalProgress progress;
    const std::vector<core::VerifyResult> results = caseFile.verify(&progress);
    progress.clear();
    const bool intact = CaseOutput::writeVerify(out, results);
    return intact ? ExitOk : ExitFindings;
}

int CaseCommand::runNote(std::ostream& out) const
{
    core::CaseFile caseFile = core::CaseFile::open(m_case, core::CaseFile::OpenMode::MustExist);
    core::NoteInput note;
    note.text = m_text;
    note.author = m_author.empty() ? defaultAuthor() : m_author;
    if (!m_at.empty()) {
        note.atMs = core::UtcTime::parse(m_at);
        if (!note.atMs)
            throw core::InputError("--at " + m_at
                + ": expected an ISO 8601 time with its zone, such as "
                  "2026-02-26T22:02:04Z");
    } else if (!m_event.empty()) {
        note.eventId = caseFile.findEvent(m_event);
        if (!note.eventId)
            throw core::InputError("--event " + m_event + ": no event with this eventID in " + m_case);
    } else if (!m_address.empty()) {
        bool known = false;
        for (const core::StateRow& state : caseFile.states()) {
            for (const core::ResourceInstance& instance : caseFile.loadState(state.id).instances)
                known = known || instance.addressText == m_address;
        }
        if (!known)
            throw core::InputError(
                "--address " + m_address + ": no resource with this address in the states of " + m_case);
        note.resourceAddress = m_address;
    } else {
        throw core::InputError("case note: say where the note goes: --at TIME, --event ID or --address ADDR");
    }
    const std::int64_t id = caseFile.addNote(note);
    out << "note " << id << " added to " << m_case << '\n';
    return ExitOk;
}

int CaseCommand::runEvents(std::ostream& out) const
{
    const core::CaseFile caseFile = core::CaseFile::open(m_case, core::CaseFile::OpenMode::ReadOnly);
    const std::vector<core::EventRow> events = caseFile.eventsOfResource(m_address, m_offset, m_limit);
    if (m_format == "jsonl")
        CaseOutput::writeEventsJsonLines(out, events);
    else
        CaseOutput::writeEventsText(out, events);
    return ExitOk;
}

} // namespace blastline::cli
