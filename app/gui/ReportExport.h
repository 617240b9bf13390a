// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace blastline::gui {

struct Document;

/**
 * File ▸ Export Report: the postmortem of the open document, as `blastline report` writes it (the report library,
 * UTC times), under the safeguards ticked in the window. Only a scenario or a case file has what a report needs (a
 * story, or evidence with its digests); a bare state, plan or trail does not.
 */
class ReportExport
{
public:
    static bool canReport(const Document& document);
    /**
     * Builds the report and writes it to `path` all at once (a QSaveFile: the old file or the whole new one, never
     * half). Runs on a worker thread; throws core::Error (InputError for what the person can fix).
     */
    static void write(
        const Document& document, const std::vector<std::string>& safeguards, const std::string& path, bool html);
};

} // namespace blastline::gui
