// SPDX-License-Identifier: MIT
#include "JsonLocation.h"

#include "JsonDocumentSax.h"
#include "RecordLimits.h"

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

/**
 * The offset of the opening quote of the first string literal whose text in the file is longer than
 * `limit` bytes. Its unescaped text, which parseJsonDocument measured, is never longer than that, so
 * the string found is the one refused unless escapes made an earlier one shorter than it looks.
 */
std::size_t firstStringLongerThan(std::string_view text, std::size_t limit)
{
    std::size_t open = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!inString) {
            if (text[i] == '"') {
                inString = true;
                open = i;
            }
        } else if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            inString = false;
            if (i - open - 1 > limit)
                return open;
        }
    }
    return open;
}

/** The offset of the first `[` or `{` outside strings that opens more than `limit` containers, or text.size(). */
std::size_t firstContainerDeeperThan(std::string_view text, std::size_t limit)
{
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return text.size();
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

nlohmann::json parseJsonDocument(std::string_view text, const std::string& name, std::size_t maxStringBytes)
{
    JsonDocumentSax handler(maxStringBytes);
    if (nlohmann::json::sax_parse(text, &handler))
        return handler.take();
    using Reason = JsonDocumentSax::Stop::Reason;
    const JsonDocumentSax::Stop stop = handler.stop().value_or(JsonDocumentSax::Stop {});
    std::string message = name;
    const auto place = [&message, text](std::size_t offset) {
        const TextPosition at = positionAt(text, offset);
        message.append(":").append(std::to_string(at.line)).append(":").append(std::to_string(at.column));
    };
    switch (stop.reason) {
    case Reason::TooDeep:
        place(firstContainerDeeperThan(text, kMaxJsonNesting));
        message.append(": values nested more than ").append(std::to_string(kMaxJsonNesting));
        throw core::InputError(message.append(" levels deep"));
    case Reason::LongString:
        // SAX events carry no position: the place is found again in the text, now that it is needed.
        place(firstStringLongerThan(text, maxStringBytes));
        throw core::InputError(message.append(": ").append(stringTooLong("", stop.size, maxStringBytes).message()));
    case Reason::NumberOutOfRange: {
        // A number past a double's range (1e400; fuzz_plan found it): nlohmann names the number, and has just read it.
        const std::size_t open = stop.what.find('\'');
        const std::size_t close = stop.what.rfind('\'');
        if (open == std::string::npos || close <= open)
            throw core::InputError(message.append(": ").append(stop.what));
        const std::string number = stop.what.substr(open + 1, close - open - 1);
        std::size_t offset = stop.position >= number.size() ? stop.position - number.size() : 0;
        if (text.substr(offset, number.size()) != number)
            offset = text.find(number);
        if (offset != std::string_view::npos)
            place(offset);
        throw core::InputError(message.append(": a number too large for a double: ").append(number));
    }
    case Reason::SyntaxError:
        break;
    }
    // nlohmann counts the offending character as read; the position is the one before it.
    const std::size_t offset = stop.position == 0 ? 0 : stop.position - 1;
    place(offset);
    message.append(": syntax error: ").append(syntaxErrorDetail(stop.what));
    if (text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") >= offset)
        message.append(" (the file is not JSON)");
    throw core::InputError(message);
}

} // namespace blastline::importers
