// SPDX-License-Identifier: MIT
#include "blastline/core/DestroySimulation.h"

namespace blastline::core {

const char* toString(OperationOutcome outcome)
{
    switch (outcome) {
    case OperationOutcome::Done:
        return "done";
    case OperationOutcome::Failed:
        return "failed";
    case OperationOutcome::Skipped:
        return "skipped";
    }
    return "unknown";
}

} // namespace blastline::core
