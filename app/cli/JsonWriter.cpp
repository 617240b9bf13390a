// SPDX-License-Identifier: MIT
#include "cli/JsonWriter.h"

#include "blastline/core/QuotedString.h"

#include <cassert>
#include <charconv>
#include <cmath>

namespace blastline::cli {

JsonWriter::~JsonWriter()
{
    assert(m_levels.empty() && "JsonWriter: unbalanced document");
    m_stream.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
}

void JsonWriter::flushIfFull()
{
    constexpr std::size_t kFlushAt = 1 << 16;
    if (m_out.size() < kFlushAt)
        return;
    m_stream.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
    m_out.clear();
}

void JsonWriter::writeEscaped(std::string& out, std::string_view text)
{
    core::appendQuoted(out, text);
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level& level = m_levels.back();
    if (!level.empty)
        m_out += ',';
    level.empty = false;
    if (m_layout == Layout::Pretty) {
        m_out += '\n';
        m_out.append(2 * m_levels.size(), ' ');
    }
    flushIfFull();
}

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out += bracket;
    m_levels.push_back({});
}

void JsonWriter::close(char bracket)
{
    assert(!m_levels.empty() && !m_afterKey);
    const bool wasEmpty = m_levels.back().empty;
    m_levels.pop_back();
    if (!wasEmpty && m_layout == Layout::Pretty) {
        m_out += '\n';
        m_out.append(2 * m_levels.size(), ' ');
    }
    m_out += bracket;
    if (m_levels.empty())
        m_out += '\n';
}

JsonWriter& JsonWriter::beginObject()
{
    open('{');
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    close('}');
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    open('[');
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name)
{
    assert(!m_afterKey);
    beforeValue();
    writeEscaped(m_out, name);
    m_out += m_layout == Layout::Pretty ? ": " : ":";
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::rawValue(std::string_view json)
{
    beforeValue();
    m_out.append(json);
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
    beforeValue();
    writeEscaped(m_out, text);
    return *this;
}

JsonWriter& JsonWriter::value(double number)
{
    beforeValue();
    if (!std::isfinite(number)) {
        m_out += "null"; // JSON has no infinities; nothing Blastline computes should produce one
        return *this;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number)
{
    beforeValue();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number)
{
    beforeValue();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    beforeValue();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::stringArray(const std::vector<std::string>& items)
{
    beginArray();
    for (const auto& item : items)
        value(item);
    return endArray();
}

} // namespace blastline::cli
