// SPDX-License-Identifier: MIT
// libFuzzer target: InventoryReader::readText (AWS CLI backup listings).
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/core/Error.h"
#include "blastline/importers/InventoryReader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)blastline::importers::InventoryReader::readText(text, "fuzz-inventory.json");
    } catch (const blastline::core::InputError&) { }
    return 0;
}
