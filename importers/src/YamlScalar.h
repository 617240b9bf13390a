// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace blastline::importers {

/** The YAML 1.2 rules for scalars that do not depend on where the parser is: core-schema typing, block scalars. */
class YamlScalar
{
public:
    using Json = nlohmann::ordered_json;

    enum class Chomping
    {
        Clip, // one final line break
        Strip, // "-": none
        Keep // "+": every trailing line break
    };

    /** A plain scalar resolved with the YAML 1.2 core schema; quoted scalars are always strings. */
    static Json typedPlain(const std::string& text);
    /** A block scalar's value: `lines` without their indentation, whitespace-only lines empty. */
    static std::string blockText(const std::vector<std::string>& lines, bool folded, Chomping chomping);
};

} // namespace blastline::importers
