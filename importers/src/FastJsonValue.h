// SPDX-License-Identifier: MIT
#pragma once

#include "AttributeFlattener.h"
#include "JsonLocation.h"

#include <simdjson.h>
#include <string>
#include <string_view>

namespace blastline::importers::fastjson {

namespace ondemand = simdjson::ondemand;

/**
 * Thrown inside the fast path when the input is anything it does not handle exactly like the
 * reference path (a simdjson error, an odd shape, a value the reference would reject or read
 * differently). Caught at the top of the fast path, which then returns nullopt.
 */
struct Bail
{ };

[[noreturn]] inline void bail()
{
    throw Bail {};
}

/** The value of a simdjson result, or Bail on its error: every simdjson error ends the fast path. */
template<typename T> T take(simdjson::simdjson_result<T>&& result)
{
    T value {};
    if (std::move(result).get(value) != simdjson::SUCCESS) {
        bail();
    }
    return value;
}

/** The value's token without the whitespace simdjson leaves after it. */
std::string_view trimmedToken(ondemand::value& value);

/**
 * A string's text (valid until the parser reads another document); Bail unless it is a valid string,
 * or when it is longer than `maxBytes` (RecordLimits::stringBytes), which the reference path names.
 */
std::string_view stringText(ondemand::value& value, std::size_t maxBytes);

/** An object key's text, unescaped; Bail past `maxBytes` as stringText. */
std::string_view keyText(ondemand::field& field, std::size_t maxBytes);

/**
 * A number's text exactly as the reference path's flattener records it: nlohmann prints integers
 * from their value ("-0" becomes "0") and keeps the token of anything else. Bail when the token is
 * not a JSON number or when nlohmann would take it differently (out of range).
 */
std::string numberText(std::string_view token);

/**
 * Reads a whole value only to check it is valid JSON, as the reference parser would. Bail when it nests
 * deeper than kMaxJsonNesting (`depth` is the value's level), so that the reference path reports it.
 */
void validate(ondemand::value value, std::size_t maxStringBytes, std::size_t depth = 1);

/**
 * Flattens an attribute object (`attributes`, `attributes_flat`, `identity`) straight from the
 * on-demand iteration, producing the same entries in the same order as AttributeFlattener.
 * null yields no entries (the reference treats it as {}); anything but an object or null is Bail.
 */
class FastFlattener
{
public:
    /** Strings (values and keys) longer than `maxStringBytes` are Bail, as in stringText. */
    explicit FastFlattener(std::size_t maxStringBytes)
        : m_maxStringBytes(maxStringBytes)
    { }

    FlatEntries flatten(ondemand::value value);

private:
    void element(ondemand::value value, std::size_t depth); // Bail beyond kMaxJsonNesting, as validate
    void appendStep(std::string_view step);

    std::size_t m_maxStringBytes;
    std::string m_path;
    FlatEntries m_entries;
};

} // namespace blastline::importers::fastjson
