// SPDX-License-Identifier: MIT
#include "blastline/core/DataLossAnalysis.h"

namespace blastline::core {

int lossRank(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Aborted:
    case Verdict::NoDataLoss:
        return 0;
    case Verdict::Recoverable:
        return 1;
    case Verdict::Unknown:
        return 2;
    case Verdict::DataLoss:
        return 3;
    }
    return 3;
}

const char* toString(DataFate fate)
{
    switch (fate) {
    case DataFate::Intact:
        return "intact";
    case DataFate::Recoverable:
        return "recoverable";
    case DataFate::Lost:
        return "lost";
    case DataFate::Unknown:
        return "unknown";
    }
    return "unknown";
}

const char* toString(RecoveryPointFate fate)
{
    switch (fate) {
    case RecoveryPointFate::Survives:
        return "survives";
    case RecoveryPointFate::Deleted:
        return "deleted";
    case RecoveryPointFate::Created:
        return "created";
    case RecoveryPointFate::Expires:
        return "expires";
    }
    return "unknown";
}

const char* toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Aborted:
        return "aborted";
    case Verdict::DataLoss:
        return "data-loss";
    case Verdict::Unknown:
        return "unknown";
    case Verdict::Recoverable:
        return "recoverable";
    case Verdict::NoDataLoss:
        return "no-data-loss";
    }
    return "unknown";
}

} // namespace blastline::core
