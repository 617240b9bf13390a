// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/CaseRecords.h"

#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * What a file or folder given to `blastline case import` is, told by its content and never by its name alone:
 * a Terraform state (format 3 or 4, or `terraform show -json` of one), a plan (`terraform show -json PLAN`),
 * a CloudTrail log in any shape CloudTrailReader reads (gzip included), an AWS CLI backup listing, a
 * configuration folder (it holds *.tf files), a scenario (`"schema": "blastline.scenario/…"`, or a folder holding
 * scenario.json), or a folder of CloudTrail logs. Only the opening of a file is read: the top-level keys come before the bulk in every format.
 */
class EvidenceRecognizer
{
public:
    /** Throws core::InputError naming the path and the kinds it knows when the content is none of them. */
    static core::EvidenceKind recognize(const std::string& path);
    /** The same for a file's opening bytes (gzip-compressed content counts as CloudTrail). */
    static core::EvidenceKind recognizeText(std::string_view opening, const std::string& name);
};

} // namespace blastline::importers
