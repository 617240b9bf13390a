// SPDX-License-Identifier: MIT
#include "cli/CheckOutput.h"

#include "cli/JsonWriter.h"
#include "cli/WhatIfOutput.h"

#include <ostream>

namespace blastline::cli {

void CheckOutput::writeText(std::ostream& out, const CheckRun& run, const OutputStyle& style)
{
    out << style.bold("Gate: ") << (run.failed ? style.red(style.bold("FAIL")) : style.green(style.bold("PASS")))
        << " (--fail-on " << core::toString(run.failOn) << ": " << describeThreshold(run.failOn) << ")";
    std::size_t reached = 0;
    const auto findings = run.findings();
    for (const auto& finding : findings)
        reached += finding.failsGate ? 1 : 0;
    if (run.failed) {
        out << " - " << reached << (reached == 1 ? " finding reaches" : " findings reach") << " it:\n";
        for (const auto& finding : findings) {
            if (finding.failsGate)
                out << "  " << finding.address << ": " << toString(finding.kind) << ", " << describeChange(finding)
                    << '\n';
        }
    } else if (run.result->analysis.aborted) {
        out << " - terraform refuses this plan before changing anything\n";
    } else {
        out << " - nothing in this plan reaches it\n";
    }
    out << "Plan: " << run.plan->path << " (Terraform " << run.plan->terraformVersion << ", plan format "
        << run.plan->formatVersion << ")\n";
    // Drift: what changed outside Terraform since the state was written (the plan's refresh found it).
    if (!run.plan->resourceDrift.empty()) {
        out << "Changed outside Terraform (" << run.plan->resourceDrift.size() << "):\n";
        for (const auto& drift : run.plan->resourceDrift)
            out << "  " << core::toString(drift.action) << "  " << drift.addressText << '\n';
    }
    out << '\n';
    WhatIfOutput::writeText(out, *run.result, nullptr, style, false);
}

void CheckOutput::writeJson(std::ostream& out, const CheckRun& run)
{
    JsonWriter json(out);
    json.beginObject();
    WhatIfOutput::writeJsonFields(json, *run.result, run.asOf, nullptr);
    json.key("plan").beginObject();
    json.field("path", run.plan->path);
    json.field("format_version", run.plan->formatVersion);
    json.field("terraform_version", run.plan->terraformVersion);
    json.endObject();
    json.key("resource_drift").beginArray();
    for (const auto& drift : run.plan->resourceDrift) {
        json.beginObject();
        json.field("address", drift.addressText);
        json.field("action", core::toString(drift.action));
        json.endObject();
    }
    json.endArray();
    json.key("gate").beginObject();
    json.field("fail_on", core::toString(run.failOn));
    json.field("failed", run.failed);
    json.endObject();
    json.endObject();
}

} // namespace blastline::cli
