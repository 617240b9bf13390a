// SPDX-License-Identifier: MIT
#include "gui/ReportExport.h"

#include "gui/Document.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/Error.h"
#include "blastline/core/Safeguard.h"
#include "blastline/report/HtmlReport.h"
#include "blastline/report/MarkdownReport.h"
#include "blastline/report/ReportBuilder.h"

#include <QSaveFile>
#include <QString>

#include <sstream>

namespace blastline::gui {

bool ReportExport::canReport(const Document& document)
{
    return (document.kind == Document::Kind::Scenario && document.scenario) || !document.casePath.empty();
}

void ReportExport::write(
    const Document& document, const std::vector<std::string>& safeguards, const std::string& path, bool html)
{
    if (!canReport(document))
        throw core::InputError("a report needs a scenario or a case file; \"" + document.title + "\" is neither");
    const report::ReportBuilder builder(report::TimeZone::utc(), report::ReportBuilder::now());
    report::ReportModel model;
    if (document.kind == Document::Kind::Scenario) {
        model = builder.fromScenario(*document.scenario, safeguards);
    } else {
        // A case's report judges its state: the process safeguards belong to a scenario's story, not to a state.
        std::vector<std::string> deletionSafeguards;
        for (const std::string& name : safeguards) {
            if (core::parseSafeguard(name))
                deletionSafeguards.push_back(name);
        }
        const core::CaseFile caseFile = core::CaseFile::open(document.casePath, core::CaseFile::OpenMode::ReadOnly);
        model = builder.fromCase(caseFile, *document.catalogue, deletionSafeguards);
    }
    std::ostringstream text;
    if (html)
        report::HtmlReport::write(text, model);
    else
        report::MarkdownReport::write(text, model);
    const std::string content = text.str();

    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw core::InputError(path + ": cannot write: " + file.errorString().toStdString());
    if (file.write(content.data(), static_cast<qint64>(content.size())) != static_cast<qint64>(content.size())
        || !file.commit())
        throw core::InputError(path + ": writing failed: " + file.errorString().toStdString());
}

} // namespace blastline::gui
