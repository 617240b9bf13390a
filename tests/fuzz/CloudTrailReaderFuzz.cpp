// SPDX-License-Identifier: MIT
// libFuzzer target: CloudTrailReader::readBytes, one file's bytes in any shape it recognises (Records, arrays,
// single records, JSON lines, lookup-events, Lake rows, Panther YAML, digests; gzip or not), with every event
// kept and records kept so that the whole record path runs. The reader never throws for bad content: a bad
// file is reported in its TrailInput. Anything escaping (an exception, a crash, a sanitizer report, a hang) is
// a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/importers/CloudTrailReader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    blastline::importers::CloudTrailReadOptions options;
    options.filter.scope = blastline::core::TrailFilter::Scope::All;
    options.keepRecords = true;
    options.maxFileBytes = 16 << 20; // a gzip bomb in the corpus must stop at the limit, not exhaust the fuzzer
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)blastline::importers::CloudTrailReader::readBytes(bytes, "fuzz-trail.json", options);
    return 0;
}
