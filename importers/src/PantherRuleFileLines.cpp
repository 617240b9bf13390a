// SPDX-License-Identifier: MIT
// PantherRuleFile: lines, places, and the messages that name them.
#include "JsonLocation.h"
#include "PantherRuleFile.h"
#include "Utf8Text.h"
#include "YamlCharacters.h"

#include "blastline/core/Error.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace blastline::importers {

namespace {

using yaml::charIn;
using yaml::isBlank;
using yaml::isBreakOrEnd;
using yaml::isFlowIndicator;
using yaml::isSeparator;

// Tests[i].Log is three levels below the root: only values that shallow are ever named in an error.
constexpr std::size_t kRecordedDepth = 3;

constexpr std::string_view kNotPrintable = "expected a printable character (YAML allows tabs and line breaks; other "
                                           "control characters only as escapes in double quotes), found ";

std::string describeByte(unsigned char byte)
{
    std::array<char, 16> buffer {};
    std::snprintf(buffer.data(), buffer.size(), "byte 0x%02X", static_cast<unsigned>(byte));
    return buffer.data();
}

std::string describeCodePoint(unsigned codePoint)
{
    std::array<char, 16> buffer {};
    std::snprintf(buffer.data(), buffer.size(), "U+%04X", codePoint);
    return buffer.data();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Lines and places

/**
 * YAML 1.2 streams are Unicode, and only "c-printable" characters may appear raw (5.1): tab, line breaks and
 * printable characters; other control characters are written as escapes in double quotes. PyYAML, which Panther's
 * tools read rule files with, refuses the same. Reading the rest anyway would put bytes that are no text into
 * records and from there into reports and JSON output. Messages name the byte or code point only, never the text
 * around it: a value may hold a secret.
 */
void PantherRuleFile::requirePrintableUtf8() const
{
    const std::size_t illFormed = firstIllFormedUtf8(m_text);
    const std::size_t wellFormedEnd = std::min(illFormed, m_text.size());
    const auto byte = [&](std::size_t offset) { return static_cast<unsigned char>(charAt(offset)); };
    for (std::size_t offset = 0; offset < wellFormedEnd; ++offset) {
        const unsigned char lead = byte(offset);
        if (lead == 0) {
            // The scanner reads '\0' as the end of the text, so a NUL inside would silently cut it short.
            fail(offset, "expected YAML text, found a NUL byte (is this a binary file?)");
        }
        if ((lead < 0x20 && lead != '\t' && lead != '\n') || lead == 0x7F) {
            fail(offset, std::string(kNotPrintable) + describeByte(lead));
        }
        // C1 controls but NEL (U+0080..U+009F as C2 80..9F), and the non-characters U+FFFE and U+FFFF (EF BF BE/BF).
        const bool c1Control = lead == 0xC2 && byte(offset + 1) <= 0x9F && byte(offset + 1) != 0x85;
        const bool nonCharacter = lead == 0xEF && byte(offset + 1) == 0xBF && byte(offset + 2) >= 0xBE;
        if (c1Control || nonCharacter) {
            const unsigned codePoint = c1Control ? byte(offset + 1) : (byte(offset + 2) == 0xBE ? 0xFFFEU : 0xFFFFU);
            fail(offset, std::string(kNotPrintable) + describeCodePoint(codePoint));
        }
    }
    if (illFormed != std::string::npos) {
        fail(illFormed, "expected UTF-8 text (YAML files are Unicode), found " + describeByte(byte(illFormed)));
    }
}

void PantherRuleFile::skipSpaces()
{
    while (isBlank(peek())) {
        ++m_offset;
    }
}

bool PantherRuleFile::atLineEnd() const
{
    return isBreakOrEnd(peek()) || peek() == '#';
}

/** After a value: only blanks and a comment may end its line; then on to the next line holding content. */
void PantherRuleFile::finishLine()
{
    skipSpaces();
    if (peek() == '#') {
        m_offset = std::min(m_text.find('\n', m_offset), m_text.size());
    }
    if (peek() == '\n') {
        ++m_offset;
    } else if (m_offset < m_text.size()) {
        fail(m_offset, "expected the end of the line after the value, found " + describeHere());
    }
    skipBlankAndCommentLines();
}

/** From the start of a line to the first character of the next line holding content, or the end. */
void PantherRuleFile::skipBlankAndCommentLines()
{
    while (m_offset < m_text.size()) {
        const std::size_t lineStart = m_offset;
        std::size_t indentEnd = lineStart;
        while (charAt(indentEnd) == ' ') {
            ++indentEnd;
        }
        std::size_t contentStart = indentEnd;
        while (isBlank(charAt(contentStart))) {
            ++contentStart;
        }
        const char c = charAt(contentStart);
        if (isBreakOrEnd(c) || c == '#') {
            const std::size_t lineEnd = std::min(m_text.find('\n', contentStart), m_text.size());
            m_offset = std::min(lineEnd + 1, m_text.size());
            continue;
        }
        if (contentStart != indentEnd) {
            fail(indentEnd, "expected indentation made of spaces, found a tab (YAML does not allow tabs there)");
        }
        m_offset = contentStart;
        skipDocumentEndHere();
        return;
    }
}

/** "..." ends the document (only comments may follow); a second "---" would start another one. */
void PantherRuleFile::skipDocumentEndHere()
{
    if (column() != 0 || !isSeparator(charAt(m_offset + 3))) {
        return;
    }
    if (m_text.compare(m_offset, 3, "...") == 0) {
        m_offset += 3;
        finishLine();
        if (m_offset < m_text.size()) {
            fail(m_offset, "expected nothing after the end of the document ('...'), found " + describeHere());
        }
    } else if (m_inDocument && m_text.compare(m_offset, 3, "---") == 0) {
        fail(m_offset, "expected a single YAML document, found '---' (multiple documents are not supported)");
    }
}

std::size_t PantherRuleFile::column() const
{
    const std::size_t lineBreak = m_offset == 0 ? std::string::npos : m_text.rfind('\n', m_offset - 1);
    return lineBreak == std::string::npos ? m_offset : m_offset - lineBreak - 1;
}

std::size_t PantherRuleFile::lineOf(std::size_t offset) const
{
    return positionAt(m_text, offset).line;
}

/** YAML features outside the subset are refused by name, so that nothing is read as a plain string by mistake. */
void PantherRuleFile::refuseIndicatorHere(bool flow) const
{
    const char c = peek();
    const char next = charAt(m_offset + 1);
    const bool separated = isSeparator(next) || (flow && isFlowIndicator(next));
    switch (c) {
    case '&':
        fail(m_offset, "expected a value; anchors (&name) are not supported");
    case '*':
        fail(m_offset, "expected a value; aliases (*name) are not supported");
    case '!':
        fail(m_offset, "expected a value; tags (!tag) are not supported");
    case '?':
        if (separated) {
            fail(m_offset, "expected a key; complex keys ('? ') are not supported");
        }
        return;
    case ':':
        if (separated) {
            fail(m_offset, "expected a key before ':'; empty keys are not supported");
        }
        return;
    case '-':
        if (separated) {
            fail(m_offset, "expected a value, found '- ' (a sequence entry must start its own line)");
        }
        return;
    case '%':
    case '@':
    case '`':
    case '|':
    case '>':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
        fail(m_offset, "expected a value, found " + describeHere() + " (quote a value that starts with it)");
    default:
        return;
    }
}

void PantherRuleFile::enterCollection()
{
    // Parsing recurses once per level, so a file of nested brackets must not be able to exhaust the stack.
    if (++m_depth > kMaxJsonNesting) {
        fail(m_offset, "expected values nested at most " + std::to_string(kMaxJsonNesting) + " levels deep");
    }
}

void PantherRuleFile::enterEntry(std::string segment, std::size_t offset)
{
    m_route.push_back(std::move(segment));
    if (m_route.size() <= kRecordedDepth) {
        m_entryOffsets[m_route] = offset;
    }
}

std::string PantherRuleFile::describeHere() const
{
    if (m_offset >= m_text.size()) {
        return "the end of the file";
    }
    const auto c = static_cast<unsigned char>(peek());
    if (c == '\n') {
        return "the end of the line";
    }
    if (c == '\t') {
        return "a tab";
    }
    if (c < 0x20 || c == 0x7F) {
        return describeByte(c);
    }
    if (c >= 0x80) {
        return "a non-ASCII character";
    }
    return std::string("'") + static_cast<char>(c) + "'";
}

void PantherRuleFile::fail(std::size_t offset, const std::string& message) const
{
    const TextPosition position = positionAt(m_text, offset);
    throw core::InputError(
        m_path + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": " + message);
}

} // namespace blastline::importers
