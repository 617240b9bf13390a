// SPDX-License-Identifier: MIT
#pragma once

#include "gui/Document.h"

#include "blastline/core/CaseRecords.h"

#include <optional>
#include <string>
#include <vector>

namespace blastline::core {
class ProgressSink;
}

namespace blastline::gui {

/**
 * Reads what the user opened into a Document, on a worker thread. Each path's kind is told by its content
 * (importers::EvidenceRecognizer; a case file by SQLite's header): one scenario, state, plan or case makes the
 * document's kind, trails join it, inventories and configuration folders add to a state's or plan's inputs.
 * Throws core::InputError naming the file and what is wrong, core::OperationCancelled when the sink asks.
 */
class DocumentLoader
{
public:
    static Document load(const std::vector<std::string>& paths, core::ProgressSink& progress);

    /** What a path holds: an EvidenceKind, or nullopt for a Blastline case file. Throws InputError for neither. */
    static std::optional<core::EvidenceKind> recognize(const std::string& path);
    static bool isCaseFile(const std::string& path);
};

} // namespace blastline::gui
