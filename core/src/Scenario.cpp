// SPDX-License-Identifier: MIT
#include "blastline/core/Scenario.h"

namespace blastline::core {

const char* toString(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Primary:
        return "primary";
    case SourceKind::PrimaryDraft:
        return "primary-draft";
    case SourceKind::PrimaryCode:
        return "primary-code";
    case SourceKind::Secondary:
        return "secondary";
    }
    return "primary";
}

} // namespace blastline::core
