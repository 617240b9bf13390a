// SPDX-License-Identifier: MIT
#include "JsonLocation.h"

#include "blastline/core/Error.h"

#include <algorithm>

namespace blastline::importers {

using nlohmann::json;

TextPosition positionAt(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    TextPosition position;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            lineStart = i + 1;
        }
    }
    // Columns count characters so that editors agree with us on lines holding non-ASCII text.
    for (std::size_t i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

std::string pointerToken(std::string_view key)
{
    std::string token;
    token.reserve(key.size());
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

std::string describeJson(const json& value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string: {
        auto text = value.get_ref<const std::string&>();
        if (text.size() > 40) {
            text = text.substr(0, 40) + "...";
        }
        return "a string (" + json(text).dump() + ")";
    }
    case json::value_t::boolean:
        return std::string("a boolean (") + (value.get<bool>() ? "true" : "false") + ")";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number (" + value.dump() + ")";
    default:
        return "an unsupported value";
    }
}

const json* findField(const json& object, const char* key)
{
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string stringField(const json& object, const char* key, const std::string& pointer, bool required)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        if (required) {
            throw StructureError(pointer, std::string("missing \"") + key + "\"; expected a string");
        }
        return {};
    }
    if (!value->is_string()) {
        throw StructureError(pointer + "/" + pointerToken(key), "expected a string, found " + describeJson(*value));
    }
    return value->get<std::string>();
}

std::uint64_t unsignedField(const json& object, const char* key, const std::string& pointer)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        return 0;
    }
    if (value->is_number_unsigned()) {
        return value->get<std::uint64_t>();
    }
    throw StructureError(
        pointer + "/" + pointerToken(key), "expected a non-negative whole number, found " + describeJson(*value));
}

bool boolField(const json& object, const char* key, const std::string& pointer)
{
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        return false;
    }
    if (!value->is_boolean()) {
        throw StructureError(
            pointer + "/" + pointerToken(key), "expected true or false, found " + describeJson(*value));
    }
    return value->get<bool>();
}

std::vector<std::string> stringListField(const json& object, const char* key, const std::string& pointer)
{
    std::vector<std::string> result;
    const json* value = findField(object, key);
    if (value == nullptr || value->is_null()) {
        return result;
    }
    const std::string fieldPointer = pointer + "/" + pointerToken(key);
    if (!value->is_array()) {
        throw StructureError(fieldPointer, "expected an array of strings, found " + describeJson(*value));
    }
    result.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_string()) {
            throw StructureError(
                fieldPointer + "/" + std::to_string(i), "expected a string, found " + describeJson(item));
        }
        result.push_back(item.get<std::string>());
    }
    return result;
}

void expectObject(const json& value, const std::string& pointer, bool nullOk)
{
    if (value.is_object() || (nullOk && value.is_null())) {
        return;
    }
    throw StructureError(pointer, "expected an object, found " + describeJson(value));
}

namespace {

/**
 * nlohmann ends a syntax error with "; last read: '<the text since the last token began>'". Inside a
 * string ("invalid string: ...") that is the string's own bytes: they may be a secret (a state's
 * password attribute), and when the error is a broken UTF-8 sequence they are not UTF-8, so our message
 * (and the `--json` output that carries it) would not be either. So a string's bytes are never kept:
 * an error inside a string loses the token (the line:column already points at it), and any other
 * token keeps only what follows its last quote (a literal's text begins at the string before it), with
 * each byte outside printable ASCII written as <0xNN>.
 */
std::string withoutRawToken(const std::string& what)
{
    static constexpr std::string_view kLastRead = "; last read: '";
    const auto lastRead = what.find(kLastRead);
    if (lastRead == std::string::npos)
        return what;
    const std::size_t tokenStart = lastRead + kLastRead.size();
    const std::size_t tokenEnd = what.rfind('\'');
    std::string text = what.substr(0, lastRead);
    if (tokenEnd == std::string::npos || tokenEnd < tokenStart)
        return text;
    const std::string rest = what.substr(tokenEnd + 1);
    if (text.find("invalid string") != std::string::npos)
        return text + rest;
    std::string_view token = std::string_view(what).substr(tokenStart, tokenEnd - tokenStart);
    if (const auto quote = token.rfind('"'); quote != std::string_view::npos)
        token.remove_prefix(quote + 1);
    token.remove_prefix(std::min(token.size(), token.find_first_not_of(" \t\r\n:,")));
    if (token.empty())
        return text + rest;
    static constexpr char kHex[] = "0123456789ABCDEF";
    text += kLastRead;
    for (const char c : token) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F)
            text += c;
        else
            text.append("<0x").append(1, kHex[byte >> 4]).append(1, kHex[byte & 0xF]).append(">");
    }
    return text + "'" + rest;
}

} // namespace

std::string syntaxErrorDetail(const std::string& rawWhat)
{
    static constexpr std::string_view kLead = "syntax error while parsing ";
    const std::string what = withoutRawToken(rawWhat);
    const auto lead = what.find(kLead);
    if (lead == std::string::npos) {
        const auto colon = what.find(": ");
        return colon == std::string::npos ? what : what.substr(colon + 2);
    }
    const std::string rest = what.substr(lead + kLead.size());
    const auto dash = rest.find(" - ");
    if (dash == std::string::npos)
        return rest;
    return rest.substr(dash + 3) + " (while parsing " + rest.substr(0, dash) + ")";
}

std::string structureErrorMessage(const std::string& name, const StructureError& error)
{
    if (error.pointer().empty())
        return name + ": " + error.message();
    return name + ": at " + error.pointer() + ": " + error.message();
}

nlohmann::json parseJsonDocument(std::string_view text, const std::string& name)
{
    try {
        // `depth` counts the containers around the one that starts.
        return nlohmann::json::parse(text, [&name](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
            if ((event == nlohmann::json::parse_event_t::object_start
                    || event == nlohmann::json::parse_event_t::array_start)
                && static_cast<std::size_t>(depth) >= kMaxJsonNesting) {
                std::string message = name;
                message.append(": values nested more than ").append(std::to_string(kMaxJsonNesting));
                throw core::InputError(message.append(" levels deep"));
            }
            return true;
        });
    } catch (const nlohmann::json::parse_error& error) {
        // nlohmann counts the offending character as read; the position is the one before it.
        const std::size_t offset = error.byte == 0 ? 0 : error.byte - 1;
        const TextPosition at = positionAt(text, offset);
        const bool atStart = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") >= offset;
        std::string message = name;
        message.append(":").append(std::to_string(at.line)).append(":").append(std::to_string(at.column));
        message.append(": syntax error: ").append(syntaxErrorDetail(error.what()));
        if (atStart)
            message.append(" (the file is not JSON)");
        throw core::InputError(message);
    } catch (const nlohmann::json::out_of_range& error) {
        // A number past a double's range (1e400; fuzz_plan found it): nlohmann names the number, not where it is. Its
        // first occurrence in the text is where it stands, since nothing before it failed to parse.
        const std::string what = error.what();
        const std::size_t open = what.find('\'');
        const std::size_t close = what.rfind('\'');
        std::string message = name;
        if (open == std::string::npos || close <= open)
            throw core::InputError(message.append(": ").append(what));
        const std::string number = what.substr(open + 1, close - open - 1);
        if (const std::size_t offset = text.find(number); offset != std::string_view::npos) {
            const TextPosition at = positionAt(text, offset);
            message.append(":").append(std::to_string(at.line)).append(":").append(std::to_string(at.column));
        }
        throw core::InputError(message.append(": a number too large for a double: ").append(number));
    }
}

} // namespace blastline::importers
