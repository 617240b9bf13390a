// SPDX-License-Identifier: MIT
#include "CaseJson.h"

#include "blastline/core/Error.h"
#include "blastline/core/QuotedString.h"

#include <cstdint>

namespace blastline::core {

namespace {

constexpr std::string_view kRedactedValue = R"({"redacted":true})";

void appendUtf8(std::string& out, std::uint32_t codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (codePoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3f)));
    } else if (codePoint < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (codePoint >> 12)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (codePoint >> 18)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3f)));
    }
}

/** Reads back what the writers above wrote; anything else is a damaged case file. */
class Reader
{
public:
    Reader(std::string_view json, std::string_view context)
        : m_json(json)
        , m_context(context)
    { }

    bool atEnd() const { return m_position == m_json.size(); }
    char peek() const { return atEnd() ? '\0' : m_json[m_position]; }
    void expect(char c)
    {
        if (peek() != c)
            fail(std::string("expected '") + c + "'");
        ++m_position;
    }
    bool consume(char c)
    {
        if (peek() != c)
            return false;
        ++m_position;
        return true;
    }
    bool consume(std::string_view word)
    {
        if (m_json.substr(m_position, word.size()) != word)
            return false;
        m_position += word.size();
        return true;
    }
    /** A number or a literal: everything up to the next ',' or closing bracket. */
    std::string_view bareToken()
    {
        const std::size_t start = m_position;
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']')
            ++m_position;
        if (m_position == start)
            fail("expected a value");
        return m_json.substr(start, m_position - start);
    }
    std::string string();
    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error("case file: " + std::string(m_context) + ": damaged JSON at offset " + std::to_string(m_position)
            + ": " + what);
    }

private:
    std::uint32_t hex4();

    std::string_view m_json;
    std::string_view m_context;
    std::size_t m_position = 0;
};

std::uint32_t Reader::hex4()
{
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = peek();
        ++m_position;
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            value |= static_cast<std::uint32_t>(c - 'A' + 10);
        else
            fail("bad \\u escape");
    }
    return value;
}

std::string Reader::string()
{
    expect('"');
    std::string text;
    while (true) {
        if (atEnd())
            fail("unterminated string");
        const char c = m_json[m_position++];
        if (c == '"')
            return text;
        if (c != '\\') {
            text.push_back(c);
            continue;
        }
        const char escape = peek();
        ++m_position;
        switch (escape) {
        case '"':
        case '\\':
        case '/':
            text.push_back(escape);
            break;
        case 'b':
            text.push_back('\b');
            break;
        case 'f':
            text.push_back('\f');
            break;
        case 'n':
            text.push_back('\n');
            break;
        case 'r':
            text.push_back('\r');
            break;
        case 't':
            text.push_back('\t');
            break;
        case 'u': {
            std::uint32_t codePoint = hex4();
            if (codePoint >= 0xd800 && codePoint < 0xdc00 && consume("\\u"))
                codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (hex4() - 0xdc00);
            appendUtf8(text, codePoint);
            break;
        }
        default:
            fail("bad escape");
        }
    }
}

} // namespace

std::string CaseJson::writeAttributes(const Attributes& attributes)
{
    std::string out = "{";
    for (const auto& [path, value] : attributes.entries()) {
        if (out.size() > 1)
            out.push_back(',');
        appendQuoted(out, path);
        out.push_back(':');
        switch (value.kind) {
        case AttributeValue::Kind::Null:
            out += "null";
            break;
        case AttributeValue::Kind::Bool:
        case AttributeValue::Kind::Number:
            out += value.text;
            break;
        case AttributeValue::Kind::String:
            appendQuoted(out, value.text);
            break;
        case AttributeValue::Kind::Redacted:
            out += kRedactedValue;
            break;
        }
    }
    out.push_back('}');
    return out;
}

Attributes CaseJson::readAttributes(std::string_view json, std::string_view context)
{
    Reader reader(json, context);
    std::vector<Attributes::Entry> entries;
    reader.expect('{');
    while (!reader.consume('}')) {
        if (!entries.empty())
            reader.expect(',');
        std::string path = reader.string();
        reader.expect(':');
        AttributeValue value;
        if (reader.peek() == '"')
            value = AttributeValue::string(reader.string());
        else if (reader.consume(kRedactedValue))
            value = AttributeValue::redacted();
        else if (reader.consume("null"))
            value = AttributeValue::null();
        else if (reader.consume("true"))
            value = AttributeValue::boolean(true);
        else if (reader.consume("false"))
            value = AttributeValue::boolean(false);
        else
            value = AttributeValue::number(std::string(reader.bareToken()));
        entries.emplace_back(std::move(path), std::move(value));
    }
    if (!reader.atEnd())
        reader.fail("text after the object");
    Attributes attributes;
    attributes.assign(std::move(entries));
    return attributes;
}

std::string CaseJson::writeStrings(const std::vector<std::string>& strings)
{
    std::string out = "[";
    for (const std::string& text : strings) {
        if (out.size() > 1)
            out.push_back(',');
        appendQuoted(out, text);
    }
    out.push_back(']');
    return out;
}

std::vector<std::string> CaseJson::readStrings(std::string_view json, std::string_view context)
{
    Reader reader(json, context);
    std::vector<std::string> strings;
    reader.expect('[');
    while (!reader.consume(']')) {
        if (!strings.empty())
            reader.expect(',');
        strings.push_back(reader.string());
    }
    if (!reader.atEnd())
        reader.fail("text after the array");
    return strings;
}

} // namespace blastline::core
