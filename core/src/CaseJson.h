// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"

#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

/**
 * The JSON texts a case file stores: flat attributes as one object per resource and lists of strings as
 * arrays. Core has no JSON library and needs none for this: the values are flat, and the reader only ever
 * reads what the writer wrote. A redacted leaf is written as {"redacted":true}, which no flat leaf can be,
 * so that a string that happens to read "(redacted)" stays a string.
 */
class CaseJson
{
public:
    /** {"path":value,...}; numbers keep their JSON text exactly. */
    static std::string writeAttributes(const Attributes& attributes);
    /** Throws Error naming `context` when `json` is not what writeAttributes writes. */
    static Attributes readAttributes(std::string_view json, std::string_view context);
    static std::string writeStrings(const std::vector<std::string>& strings);
    static std::vector<std::string> readStrings(std::string_view json, std::string_view context);
};

} // namespace blastline::core
