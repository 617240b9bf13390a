// SPDX-License-Identifier: MIT
// libFuzzer target: PantherRuleFile::testLogs, the YAML subset reader behind Panther rule files.
// Only core::InputError is its contract for bad input. See docs/reliability.md and scripts/fuzz.sh.
#include "PantherRuleFile.h"

#include "blastline/core/Error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)blastline::importers::PantherRuleFile::testLogs(text, "fuzz-rule.yml");
    } catch (const blastline::core::InputError&) { }
    return 0;
}
