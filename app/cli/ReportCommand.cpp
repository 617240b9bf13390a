// SPDX-License-Identifier: MIT
#include "cli/ReportCommand.h"

#include "cli/AnalysisInputs.h"
#include "cli/Cli.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/CatalogueRules.h"
#include "blastline/core/Error.h"
#include "blastline/core/Scenario.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/ScenarioSession.h"
#include "blastline/report/HtmlReport.h"
#include "blastline/report/MarkdownReport.h"
#include "blastline/report/ReportBuilder.h"
#include "blastline/report/TimeZone.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace blastline::cli {

namespace {

/** A case file is an SQLite database; anything else is taken for a scenario (a folder or its scenario.json). */
bool isCaseFile(const std::string& path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return false;
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

std::string replaySafeguardNames()
{
    std::string names = AnalysisInputs::safeguardNames();
    for (const std::string_view process : core::kProcessSafeguards)
        names.append(", ").append(process);
    return names;
}

} // namespace

void ReportCommand::registerWith(CLI::App& app)
{
    auto* command = app.add_subcommand("report",
        "Write the postmortem of an incident scenario or a case file: impact, causes, response times, timeline, "
        "what went well and badly, the safeguards ranked by the engine, evidence with SHA-256, and the figures");
    command->add_option("INPUT", m_input, "A scenario folder (or its scenario.json), or a case file")->required();
    command->add_option("--assume", m_assumptions,
        "Report the story as if this safeguard were in place (repeatable): " + replaySafeguardNames());
    command->add_option("--tz", m_timeZone, "Also give times in this IANA zone, e.g. Europe/Berlin");
    command->add_option("--rules", m_ruleFiles, "A deletion-catalogue file that adds or overrides entries; repeatable");
    command->add_option("--format", m_format, "markdown or html (one self-contained file)")
        ->check(CLI::IsMember({"markdown", "html"}));
    command->add_option("-o,--output", m_output, "The file to write (replaced atomically)")->required();
}

int ReportCommand::run(std::ostream& out, std::ostream& err) const
{
    (void)out; // the report goes to -o, so that stdout stays free for a pipeline
    // The cheap checks first: a mistyped zone or safeguard should not wait for the evidence to be read.
    const report::TimeZone zone = m_timeZone.empty() ? report::TimeZone::utc() : report::TimeZone::load(m_timeZone);
    for (const std::string& name : m_assumptions) {
        if (!core::isScenarioSafeguard(name))
            throw core::InputError("--assume " + name + ": not a safeguard; expected one of " + replaySafeguardNames());
    }
    const std::filesystem::path folder = std::filesystem::absolute(m_output).parent_path();
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        throw core::InputError("-o " + m_output + ": the folder " + folder.string() + " does not exist");

    const report::ReportBuilder builder(zone, report::ReportBuilder::now());
    report::ReportModel model;
    bool incomplete = false;
    if (isCaseFile(m_input)) {
        core::DeletionCatalogue catalogue = importers::CatalogueReader::builtin();
        for (const std::string& file : m_ruleFiles)
            importers::CatalogueReader::readFile(file, catalogue);
        const core::CatalogueRules rules(std::move(catalogue));
        const core::CaseFile caseFile = core::CaseFile::open(m_input, core::CaseFile::OpenMode::ReadOnly);
        model = builder.fromCase(caseFile, rules, m_assumptions);
    } else {
        const importers::ScenarioSession session(m_input, m_ruleFiles);
        model = builder.fromScenario(session, m_assumptions);
        incomplete = session.reportUnreadable(err);
    }

    std::ostringstream document;
    if (m_format == "html")
        report::HtmlReport::write(document, model);
    else
        report::MarkdownReport::write(document, model);
    writeAtomically(m_output, document.str());
    return incomplete ? ExitIncompleteInput : ExitOk;
}

void ReportCommand::writeAtomically(const std::string& path, const std::string& content)
{
    const std::filesystem::path target = std::filesystem::absolute(path);
    std::string pattern = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int descriptor = ::mkstemp(pattern.data());
    if (descriptor < 0)
        throw core::InputError(
            "-o " + path + ": cannot write in " + target.parent_path().string() + ": " + std::strerror(errno));
    const auto fail = [&](const std::string& what) {
        const std::string reason = std::strerror(errno);
        ::close(descriptor);
        std::remove(pattern.c_str());
        throw core::InputError("-o " + path + ": " + what + ": " + reason);
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(descriptor, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("writing failed");
        }
        written += static_cast<std::size_t>(n);
    }
    // On disk before the rename, so that a crash leaves the old file or the whole new one.
    if (::fsync(descriptor) != 0)
        fail("flushing failed");
    // mkstemp creates the file 0600; a report is an ordinary document.
    ::fchmod(descriptor, 0644);
    if (::close(descriptor) != 0) {
        std::remove(pattern.c_str());
        throw core::InputError("-o " + path + ": closing failed: " + std::strerror(errno));
    }
    if (std::rename(pattern.c_str(), target.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(pattern.c_str());
        throw core::InputError("-o " + path + ": cannot replace it: " + reason);
    }
}

} // namespace blastline::cli
