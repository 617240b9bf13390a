// SPDX-License-Identifier: MIT
// libFuzzer target: StateReader::readText (format 3, format 4 fast and reference paths, show -json).
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/core/Error.h"
#include "blastline/importers/StateReader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)blastline::importers::StateReader::readText(text, "fuzz.tfstate");
    } catch (const blastline::core::InputError&) { }
    return 0;
}
