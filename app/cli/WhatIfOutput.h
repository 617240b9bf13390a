// SPDX-License-Identifier: MIT
#pragma once

#include "cli/OutputStyle.h"

#include "blastline/core/WhatIfEngine.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace blastline::cli {

class JsonWriter;

/**
 * The destroy simulation with its data-loss judgement: `blastline.simulation/1` extended with
 * verdict, aborted, data_stores and unmodelled_types (docs/cli.md), or the terminal report that
 * leads with the verdict and one line per data store.
 */
class WhatIfOutput
{
public:
    static void writeJson(std::ostream& out, const core::WhatIfResult& result, const std::string& asOf,
        const std::vector<core::SafeguardComparison>* comparison);
    /** The same fields into an object the caller has opened and will extend (`blastline check` adds its own). */
    static void writeJsonFields(JsonWriter& json, const core::WhatIfResult& result, const std::string& asOf,
        const std::vector<core::SafeguardComparison>* comparison);
    /** `showCaveats`: list the catalogue's caveats for the data stores at stake, not only their count. */
    static void writeText(std::ostream& out, const core::WhatIfResult& result,
        const std::vector<core::SafeguardComparison>* comparison, const OutputStyle& style, bool showCaveats);
};

} // namespace blastline::cli
