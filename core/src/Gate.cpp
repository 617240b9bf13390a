// SPDX-License-Identifier: MIT
#include "blastline/core/Gate.h"

#include <algorithm>

namespace blastline::core {

std::optional<FailOn> parseFailOn(std::string_view text)
{
    for (const FailOn failOn : {FailOn::DataLoss, FailOn::Unknown, FailOn::Recoverable, FailOn::AnyDelete}) {
        if (text == toString(failOn))
            return failOn;
    }
    return std::nullopt;
}

const char* toString(FailOn failOn)
{
    switch (failOn) {
    case FailOn::DataLoss:
        return "data-loss";
    case FailOn::Unknown:
        return "unknown";
    case FailOn::Recoverable:
        return "recoverable";
    case FailOn::AnyDelete:
        return "any-delete";
    }
    return "data-loss";
}

bool failsGate(FailOn failOn, const DataLossAnalysis& analysis, const DestroySimulation& simulation)
{
    if (analysis.verdict == Verdict::Aborted)
        return false; // nothing is deleted
    switch (failOn) {
    case FailOn::DataLoss:
        return analysis.verdict == Verdict::DataLoss;
    case FailOn::Unknown:
        return analysis.verdict == Verdict::DataLoss || analysis.verdict == Verdict::Unknown;
    case FailOn::Recoverable:
        return analysis.verdict == Verdict::DataLoss || analysis.verdict == Verdict::Unknown
            || analysis.verdict == Verdict::Recoverable;
    case FailOn::AnyDelete:
        return std::any_of(simulation.operations.begin(), simulation.operations.end(),
            [](const Operation& op) { return op.deletes() && op.outcome == OperationOutcome::Done; });
    }
    return false;
}

} // namespace blastline::core
