// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/EventRules.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blastline::core {

/** Which events a timeline keeps; applied while reading, so that what is dropped never takes memory. */
struct TrailFilter
{
    enum class Scope
    {
        Destructive, // deletes, backup-destroying and protection-lowering calls
        Writes, // every call that is not read-only
        All
    };

    Scope scope = Scope::Writes;
    std::optional<std::int64_t> fromMs; // inclusive
    std::optional<std::int64_t> toMs; // exclusive
    /** Kept when it occurs, ignoring case, in the principal's ARN, its session issuer, user name or access key. */
    std::string principal;

    bool acceptsTime(std::int64_t timeMs) const;
    bool acceptsClass(EventClass eventClass, bool readOnly) const;
    bool acceptsPrincipal(std::string_view arn, std::string_view sessionIssuer, std::string_view userName,
        std::string_view accessKeyId) const;

    /** "destructive", "writes", "all"; nullopt for anything else. */
    static std::optional<Scope> parseScope(std::string_view text);
};

} // namespace blastline::core
