// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseFile.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::cli {

/**
 * `blastline case import`: recognises each path by content (importers::EvidenceRecognizer), reads it with its
 * importer and writes it to the case. States and plans go first, one import each, so that the trail that comes
 * last in one import can be tied to every state in the case. Each import is one transaction
 * (core::CaseFile::importEvidence); a failure leaves the imports before it in place and says which.
 */
class CaseImportRun
{
public:
    struct Options
    {
        bool embed = false;
        std::string commandLine;
    };

    CaseImportRun(core::CaseFile& caseFile, const Options& options, core::ProgressSink* progress);
    /** Returns one line per import for the report ("state prod.tfstate: 51 resources"). */
    std::vector<std::string> run(const std::vector<std::string>& paths);

private:
    void importState(const std::string& path, core::EvidenceKind kind);
    void importInventory(const std::string& path);
    void importConfiguration(const std::string& folder);
    /** The scenario file, then its states, plans and inventories; its trails join `trails`. */
    void importScenario(const std::string& path, std::vector<std::string>& trails);
    void importTrail(const std::vector<std::string>& paths);
    core::CaseImport request(std::vector<core::EvidenceInfo> files) const;

    core::CaseFile& m_case;
    Options m_options;
    core::ProgressSink* m_progress;
    std::vector<std::string> m_report;
};

} // namespace blastline::cli
