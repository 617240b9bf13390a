// SPDX-License-Identifier: MIT
#include "blastline/core/ResourceAddress.h"

#include "blastline/core/TextEncoding.h"

#include <charconv>

namespace blastline::core {

namespace {

bool isIdentifierChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/** A hand-written scanner: the grammar is small and error messages must say what was expected where. */
class AddressScanner
{
public:
    explicit AddressScanner(std::string_view text)
        : m_text(text)
    { }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    bool consume(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    bool consumeWord(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    std::optional<std::string> identifier(const char* what)
    {
        const std::size_t start = m_pos;
        while (!atEnd() && isIdentifierChar(m_text[m_pos]))
            ++m_pos;
        if (m_pos == start) {
            fail(std::string("expected ") + what);
            return std::nullopt;
        }
        return std::string(m_text.substr(start, m_pos - start));
    }

    /** An optional `[N]` or `["key"]`; returns false only on a malformed key. */
    bool optionalKey(InstanceKey& key)
    {
        if (!consume('['))
            return true;
        if (peek() == '"') {
            std::string value;
            if (!quotedString(value))
                return false;
            key = InstanceKey::string(std::move(value));
        } else {
            const std::size_t start = m_pos;
            if (peek() == '-')
                ++m_pos;
            while (!atEnd() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            std::int64_t index = 0;
            const auto [ptr, ec] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, index);
            if (ec != std::errc() || ptr != m_text.data() + m_pos) {
                m_pos = start;
                return fail("expected a number or a quoted string inside [ ]");
            }
            key = InstanceKey::index(index);
        }
        if (!consume(']'))
            return fail("expected ']'");
        return true;
    }

    bool fail(std::string message)
    {
        if (m_error.empty())
            m_error = std::move(message) + " at offset " + std::to_string(m_pos) + " of \"" + std::string(m_text) + '"';
        return false;
    }
    const std::string& error() const { return m_error; }

private:
    bool quotedString(std::string& out)
    {
        consume('"');
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (atEnd())
                break;
            const char escaped = m_text[m_pos++];
            switch (escaped) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned codePoint = 0;
                const auto [ptr, ec] = std::from_chars(
                    m_text.data() + m_pos, m_text.data() + std::min(m_pos + 4, m_text.size()), codePoint, 16);
                if (ec != std::errc() || ptr != m_text.data() + m_pos + 4)
                    return fail("expected four hex digits after \\u");
                m_pos += 4;
                appendUtf8(out, codePoint);
                break;
            }
            default:
                return fail("unknown escape in quoted key");
            }
        }
        return fail("unterminated quoted key");
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string m_error;
};

/** Parses `module.a[k].module.b` steps; stops before a step that is not `module.`. */
bool parseModuleSteps(AddressScanner& scanner, std::vector<ModuleStep>& steps, bool& sawTrailingDot)
{
    sawTrailingDot = false;
    while (scanner.consumeWord("module.")) {
        ModuleStep step;
        auto name = scanner.identifier("a module name after 'module.'");
        if (!name)
            return false;
        step.name = std::move(*name);
        if (!scanner.optionalKey(step.key))
            return false;
        steps.push_back(std::move(step));
        sawTrailingDot = false;
        if (scanner.atEnd())
            return true;
        if (!scanner.consume('.'))
            return scanner.fail("expected '.' after a module step");
        sawTrailingDot = true;
    }
    return true;
}

void appendModules(std::string& out, const std::vector<ModuleStep>& modules, bool withKeys)
{
    for (const auto& step : modules) {
        if (!out.empty())
            out += '.';
        out += "module.";
        out += step.name;
        if (withKeys)
            out += step.key.toString();
    }
}

} // namespace

std::optional<ResourceAddress> ResourceAddress::parse(std::string_view text, std::string* error)
{
    AddressScanner scanner(text);
    ResourceAddress address;
    bool trailingDot = false;
    auto failed = [&]() -> std::optional<ResourceAddress> {
        if (error)
            *error = scanner.error();
        return std::nullopt;
    };
    if (text.empty()) {
        scanner.fail("expected an address");
        return failed();
    }
    if (!parseModuleSteps(scanner, address.modules, trailingDot))
        return failed();
    if (scanner.atEnd() && !address.modules.empty() && !trailingDot)
        return address; // a module address alone, e.g. a -target
    if (scanner.consumeWord("data."))
        address.mode = ResourceMode::Data;
    auto type = scanner.identifier("a resource type");
    if (!type)
        return failed();
    address.type = std::move(*type);
    if (!scanner.consume('.')) {
        scanner.fail("expected '.' between resource type and name");
        return failed();
    }
    auto name = scanner.identifier("a resource name");
    if (!name)
        return failed();
    address.name = std::move(*name);
    if (!scanner.optionalKey(address.key))
        return failed();
    if (!scanner.atEnd()) {
        scanner.fail("unexpected text after the address");
        return failed();
    }
    return address;
}

std::optional<std::vector<ModuleStep>> ResourceAddress::parseModulePath(std::string_view text, std::string* error)
{
    std::vector<ModuleStep> steps;
    if (text.empty())
        return steps;
    AddressScanner scanner(text);
    bool trailingDot = false;
    if (!parseModuleSteps(scanner, steps, trailingDot) || trailingDot || !scanner.atEnd() || steps.empty()) {
        if (scanner.error().empty())
            scanner.fail("expected a module path such as module.name[\"key\"].module.child[0]");
        if (error)
            *error = scanner.error();
        return std::nullopt;
    }
    return steps;
}

std::string ResourceAddress::moduleInstanceString() const
{
    std::string out;
    appendModules(out, modules, true);
    return out;
}

std::string ResourceAddress::moduleConfigString() const
{
    std::string out;
    appendModules(out, modules, false);
    return out;
}

namespace {
void appendResource(std::string& out, const ResourceAddress& address)
{
    if (address.type.empty())
        return;
    if (!out.empty())
        out += '.';
    if (address.mode == ResourceMode::Data)
        out += "data.";
    out += address.type;
    out += '.';
    out += address.name;
}
} // namespace

std::string ResourceAddress::toString() const
{
    std::string out = moduleInstanceString();
    appendResource(out, *this);
    if (!type.empty())
        out += key.toString();
    return out;
}

std::string ResourceAddress::configString() const
{
    std::string out = moduleConfigString();
    appendResource(out, *this);
    return out;
}

std::string ResourceAddress::resourceString() const
{
    std::string out = moduleInstanceString();
    appendResource(out, *this);
    return out;
}

} // namespace blastline::core
