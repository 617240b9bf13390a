// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace blastline::core {

/**
 * A delete that happened, as a trail records it. No engine can simulate an attacker in a console, but the engine can
 * judge what such deletes did to the data, and whether a safeguard would have stopped them
 * (WhatIfEngine::runRecorded).
 */
struct RecordedDelete
{
    std::string address; // the display name of the instance of WhatIfInputs::state the call deleted
    double atSeconds = 0; // when, from the start of the run
    std::string call; // the API call, e.g. "DeleteSnapshot"
    std::string principal; // who made it, as the trail names them
};

} // namespace blastline::core
