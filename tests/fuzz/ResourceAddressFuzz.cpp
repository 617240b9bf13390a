// SPDX-License-Identifier: MIT
// libFuzzer target: core::ResourceAddress::parse and parseModulePath (nullopt is the answer for bad input).
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/core/Error.h"
#include "blastline/core/ResourceAddress.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        std::string error;
        if (const auto address = blastline::core::ResourceAddress::parse(text, &error))
            (void)address->toString();
        (void)blastline::core::ResourceAddress::parseModulePath(text, &error);
    } catch (const blastline::core::InputError&) { }
    return 0;
}
