// SPDX-License-Identifier: MIT
#include "blastline/core/TrailFilter.h"

#include <algorithm>
#include <cctype>

namespace blastline::core {

namespace {

bool containsIgnoringCase(std::string_view haystack, std::string_view needle)
{
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [&](char a, char b) {
        return lower(a) == lower(b);
    }) != haystack.end();
}

} // namespace

bool TrailFilter::acceptsTime(std::int64_t timeMs) const
{
    return (!fromMs || timeMs >= *fromMs) && (!toMs || timeMs < *toMs);
}

bool TrailFilter::acceptsClass(EventClass eventClass, bool readOnly) const
{
    switch (scope) {
    case Scope::Destructive:
        return EventRules::isDestructive(eventClass);
    case Scope::Writes:
        return !readOnly && eventClass != EventClass::Read;
    case Scope::All:
        return true;
    }
    return true;
}

bool TrailFilter::acceptsPrincipal(
    std::string_view arn, std::string_view sessionIssuer, std::string_view userName, std::string_view accessKeyId) const
{
    if (principal.empty())
        return true;
    return containsIgnoringCase(arn, principal) || containsIgnoringCase(sessionIssuer, principal)
        || containsIgnoringCase(userName, principal) || containsIgnoringCase(accessKeyId, principal);
}

std::optional<TrailFilter::Scope> TrailFilter::parseScope(std::string_view text)
{
    if (text == "destructive")
        return Scope::Destructive;
    if (text == "writes")
        return Scope::Writes;
    if (text == "all")
        return Scope::All;
    return std::nullopt;
}

} // namespace blastline::core
