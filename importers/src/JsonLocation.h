// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/**
 * The deepest nesting of JSON containers the state and plan readers accept (the value's own container is
 * level 1). Their DOM helpers and flatteners recurse once per level, so without a bound a file of nested
 * brackets overflows the stack (found with the fuzz targets, see docs/reliability.md); real attribute values nest
 * a few dozen levels at most.
 */
inline constexpr std::size_t kMaxJsonNesting = 256;

/** 1-based line and column (in characters, not bytes) of a byte offset in a text. */
struct TextPosition
{
    std::size_t line = 1;
    std::size_t column = 1;
};

TextPosition positionAt(std::string_view text, std::size_t offset);

/** One RFC 6901 reference token: "~" and "/" escaped. */
std::string pointerToken(std::string_view key);

/** "a string (\"x\")", "an object", "null", ... for "expected ..., found ..." messages. */
std::string describeJson(const nlohmann::json& value);

/**
 * A structural problem at a JSON pointer that is relative to the record being converted; the SAX
 * handler prefixes the record's own pointer, so converters never need to know where they are.
 */
class StructureError
{
public:
    StructureError(std::string pointer, std::string message)
        : m_pointer(std::move(pointer))
        , m_message(std::move(message))
    { }
    const std::string& pointer() const { return m_pointer; }
    const std::string& message() const { return m_message; }
    StructureError within(std::string_view prefix) const { return {std::string(prefix) + m_pointer, m_message}; }

private:
    std::string m_pointer;
    std::string m_message;
};

/**
 * What nlohmann's parse_error says was expected, reworded for our messages: its own line and column
 * (which count bytes) are dropped, since ours count characters; "syntax error while parsing X -
 * unexpected ..." becomes "unexpected ... (while parsing X)". Its "last read" token never keeps a
 * string's bytes (maybe a secret, maybe not UTF-8) and writes other bytes outside printable ASCII as
 * <0xNN>, so the detail is printable ASCII.
 */
std::string syntaxErrorDetail(const std::string& what);
/**
 * Parses a whole JSON document into a DOM for the readers of small files (plans, listings, the catalogue).
 * Throws core::InputError "NAME:LINE:COLUMN: syntax error: ..." (with "(the file is not JSON)" when
 * the first character is wrong), or "NAME:LINE:COLUMN: values nested more than 256 levels deep": readers walk
 * the DOM recursively, and a file of nested brackets would otherwise overflow the stack. A string
 * (value or key) longer than `maxStringBytes` is refused at the line:column where it starts
 * (RecordLimits::stringBytes, passed by the caller, which may lower it in tests).
 */
nlohmann::json parseJsonDocument(std::string_view text, const std::string& name, std::size_t maxStringBytes);

/** "NAME: at /pointer: message", or "NAME: message" when the pointer is the root. */
std::string structureErrorMessage(const std::string& name, const StructureError& error);

// Typed field access on small DOMs; every mismatch becomes a StructureError naming the field.
// `pointer` is the pointer of `object` relative to the record ("" for the record itself).
const nlohmann::json* findField(const nlohmann::json& object, const char* key);
std::string stringField(const nlohmann::json& object, const char* key, const std::string& pointer, bool required);
std::uint64_t unsignedField(const nlohmann::json& object, const char* key, const std::string& pointer);
bool boolField(const nlohmann::json& object, const char* key, const std::string& pointer);
std::vector<std::string> stringListField(const nlohmann::json& object, const char* key, const std::string& pointer);
/** Throws unless `value` is an object (null is accepted as "absent" when `nullOk`). */
void expectObject(const nlohmann::json& value, const std::string& pointer, bool nullOk);

} // namespace blastline::importers
