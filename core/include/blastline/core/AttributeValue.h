// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace blastline::core {

/** The marker that replaces every secret value at import; nothing after the importer sees the secret. */
inline constexpr const char* kRedactedMarker = "(redacted)";

/** A leaf of a resource's attributes. Numbers keep their JSON text so that nothing is lost in a double. */
struct AttributeValue
{
    enum class Kind
    {
        Null,
        Bool,
        Number,
        String,
        Redacted
    };
    Kind kind = Kind::Null;
    std::string text; // "true"/"false", the number's JSON text, the string, or kRedactedMarker

    static AttributeValue null() { return {}; }
    static AttributeValue boolean(bool v) { return {Kind::Bool, v ? "true" : "false"}; }
    static AttributeValue number(std::string jsonText) { return {Kind::Number, std::move(jsonText)}; }
    static AttributeValue string(std::string v) { return {Kind::String, std::move(v)}; }
    static AttributeValue redacted() { return {Kind::Redacted, kRedactedMarker}; }

    bool operator==(const AttributeValue&) const = default;
};

} // namespace blastline::core
