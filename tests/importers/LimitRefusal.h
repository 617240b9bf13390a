// SPDX-License-Identifier: MIT
// What the limit tests (RecordLimitsTest.cpp, RecordLimitsOtherReadersTest.cpp, StringLimitTest.cpp) share.
#pragma once

#include "blastline/core/Error.h"

#include <functional>
#include <string>

namespace blastline::testing {

/** How every limit's message ends. */
inline const std::string kSeeTheDoc = " (Blastline's limit; see docs/reliability.md)";

/** The message `read` throws as core::InputError, or "(read)" when it reads. */
inline std::string refusal(const std::function<void()>& read)
{
    try {
        read();
    } catch (const core::InputError& error) {
        return error.what();
    }
    return "(read)";
}

} // namespace blastline::testing
