// SPDX-License-Identifier: MIT
#include "cli/CheckMarkdown.h"

#include <ostream>
#include <string>

namespace blastline::cli {

namespace {

// A table cell must not break the row: pipes are escaped, line breaks become spaces.
std::string cell(const std::string& text)
{
    std::string escaped;
    for (const char c : text) {
        if (c == '|')
            escaped += "\\|";
        else if (c == '\n')
            escaped += ' ';
        else
            escaped += c;
    }
    return escaped;
}

std::string code(const std::string& text)
{
    return std::string("`").append(text).append("`");
}

std::string fateText(const Finding& finding)
{
    if (finding.kind == FindingKind::Delete)
        return finding.explanation.empty() ? "deleted" : "not deleted";
    return finding.store ? core::toString(finding.store->fate) : toString(finding.kind);
}

std::string preventionList(const Finding& finding)
{
    std::string text;
    for (const auto& prevention : finding.preventions) {
        text.append(text.empty() ? "" : ", ")
            .append(code(core::toString(prevention.safeguard)))
            .append(" (")
            .append(core::toString(prevention.fate))
            .append(")");
    }
    return text;
}

void writeTable(std::ostream& out, const std::vector<Finding>& findings)
{
    std::size_t otherDeletes = 0;
    bool header = false;
    for (const auto& finding : findings) {
        // The table is for what matters to the gate: data at stake, and deletes only when they fail it.
        if (finding.kind == FindingKind::Delete && !finding.failsGate) {
            ++otherDeletes;
            continue;
        }
        if (!header) {
            out << "| resource | change | fate | fails the gate | would be prevented by |\n"
                << "|---|---|---|---|---|\n";
            header = true;
        }
        out << "| " << code(finding.address) << " | " << cell(describeChange(finding)) << " | **" << fateText(finding)
            << "** | " << (finding.failsGate ? "yes" : "no") << " | "
            << (finding.kind == FindingKind::Delete ? "" : cell(preventionList(finding))) << " |\n";
    }
    if (!header)
        out << "No data store is at stake in this plan.\n";
    if (otherDeletes > 0)
        out << '\n'
            << otherDeletes << " other object" << (otherDeletes == 1 ? " is" : "s are")
            << " deleted or replaced without data at stake (listed in the details).\n";
}

void writeFinding(std::ostream& out, const Finding& finding)
{
    out << "#### " << code(finding.address) << ": " << fateText(finding) << "\n\n";
    out << "- **Change:** " << describeChange(finding);
    if (!finding.actionReason.empty())
        out << ", because " << code(finding.actionReason);
    out << '\n';
    if (!finding.explanation.empty())
        out << "- **Why:** " << finding.explanation << '\n';
    if (finding.store) {
        for (const auto& point : finding.store->recoveryPoints) {
            out << "- **Recovery point** " << code(point.kind);
            if (!point.id.empty())
                out << ' ' << code(point.id);
            out << ": " << core::toString(point.fate);
            if (point.until)
                out << " until " << *point.until;
            out << ". " << point.explanation << '\n';
        }
        if (!finding.store->unknownFacts.empty()) {
            out << "- **Unknown:**";
            for (const auto& fact : finding.store->unknownFacts)
                out << ' ' << code(fact);
            out << '\n';
        }
    }
    if (finding.kind == FindingKind::Delete)
        return;
    if (finding.preventions.empty()) {
        out << "- **Would be prevented by:** none of the safeguards alone\n";
    } else {
        out << "- **Would be prevented by:**\n";
        for (const auto& prevention : finding.preventions)
            out << "  - " << code(core::toString(prevention.safeguard)) << " (" << core::describe(prevention.safeguard)
                << "): the data store would be " << core::toString(prevention.fate) << '\n';
    }
    out << '\n';
}

} // namespace

void CheckMarkdown::write(std::ostream& out, const CheckRun& run, const std::vector<Finding>& findings)
{
    const auto& analysis = run.result->analysis;
    out << "### Blastline: " << (run.failed ? "FAIL" : "PASS") << " — verdict `" << core::toString(analysis.verdict)
        << "`\n\n";
    out << "`--fail-on " << core::toString(run.failOn) << "` " << describeThreshold(run.failOn) << ". Plan "
        << code(run.plan->path) << " (Terraform " << run.plan->terraformVersion << ").";
    if (analysis.aborted)
        out << " Terraform refuses this plan before changing anything: " << analysis.aborted->message;
    out << "\n\n";
    writeTable(out, findings);

    out << "\n<details>\n<summary>Details: why, recovery points, and the safeguards that would prevent "
           "it</summary>\n\n";
    for (const auto& finding : findings) {
        if (finding.kind != FindingKind::Delete)
            writeFinding(out, finding);
    }
    bool deletesHeader = false;
    for (const auto& finding : findings) {
        if (finding.kind != FindingKind::Delete)
            continue;
        if (!deletesHeader)
            out << "#### Other objects deleted or replaced\n\n";
        deletesHeader = true;
        out << "- " << code(finding.address) << ": " << describeChange(finding);
        if (!finding.explanation.empty())
            out << "; " << finding.explanation;
        out << '\n';
    }
    if (deletesHeader)
        out << '\n';
    for (const auto& note : analysis.notes)
        out << "> Note: " << note << "\n\n";
    for (const auto& warning : run.result->simulation.warnings)
        out << "> Warning: " << warning << "\n\n";
    out << "Judged as of " << run.asOf << " by `blastline check`. Safeguards are judged by applying the plan again "
        << "with each one in place.\n\n</details>\n";
}

} // namespace blastline::cli
