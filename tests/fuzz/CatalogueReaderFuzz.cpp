// SPDX-License-Identifier: MIT
// libFuzzer target: CatalogueReader::readText (deletion catalogue JSON, conditions compiled at load).
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/core/DeletionCatalogue.h"
#include "blastline/core/Error.h"
#include "blastline/importers/CatalogueReader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        blastline::core::DeletionCatalogue catalogue;
        blastline::importers::CatalogueReader::readText(text, "fuzz-catalogue.json", catalogue);
    } catch (const blastline::core::InputError&) { }
    return 0;
}
