// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseFile.h"

#include <iosfwd>
#include <vector>

namespace blastline::cli {

/** What `case show` and `case verify` print (schema blastline.case/1 for JSON, docs/cli.md). */
class CaseOutput
{
public:
    static void writeText(std::ostream& out, const core::CaseFile& caseFile);
    static void writeJson(std::ostream& out, const core::CaseFile& caseFile);
    /** `case events`: one line per event, what it did to the resource first. */
    static void writeEventsText(std::ostream& out, const std::vector<core::EventRow>& events);
    static void writeEventsJsonLines(std::ostream& out, const std::vector<core::EventRow>& events);
    /** One line per evidence; returns whether everything is as imported. */
    static bool writeVerify(std::ostream& out, const std::vector<core::VerifyResult>& results);
};

} // namespace blastline::cli
