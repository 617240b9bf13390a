// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace blastline::report {

/**
 * Text made safe for XML and XHTML-style HTML: the five markup characters escaped, and the characters XML 1.0
 * forbids (control characters, invalid UTF-8) replaced, so that an XML parser accepts whatever the evidence held.
 */
class XmlText
{
public:
    static std::string escape(std::string_view text);
    /** At most `maxCharacters` code points, with "…" when cut; escaped. */
    static std::string escapeShortened(std::string_view text, std::size_t maxCharacters);
    /** A number for an SVG attribute: one decimal at most, no locale. */
    static std::string number(double value);
};

} // namespace blastline::report
