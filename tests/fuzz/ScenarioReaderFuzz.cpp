// SPDX-License-Identifier: MIT
// libFuzzer target: ScenarioReader::readText (blastline.scenario/2 documents, docs/scenario-format.md).
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
// Evidence paths resolve against the DataTalks.Club folder, so the seed's own paths exist and the fuzzer gets
// past /evidence into the timed sections.
#include "blastline/core/Error.h"
#include "blastline/importers/ScenarioReader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#ifndef BLASTLINE_FUZZ_SCENARIO_FOLDER
#define BLASTLINE_FUZZ_SCENARIO_FOLDER "."
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)blastline::importers::ScenarioReader::readText(
            text, "fuzz-scenario.json", BLASTLINE_FUZZ_SCENARIO_FOLDER);
    } catch (const blastline::core::InputError&) { }
    return 0;
}
