// SPDX-License-Identifier: MIT
#include "YamlScalar.h"

#include "YamlCharacters.h"

#include "blastline/core/TextEncoding.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>

namespace blastline::importers {

namespace {

using Json = YamlScalar::Json;
using yaml::charIn;
using yaml::isBlank;
using yaml::isDigit;

std::size_t countDigits(std::string_view text, std::size_t from)
{
    std::size_t end = from;
    while (isDigit(charIn(text, end))) {
        ++end;
    }
    return end - from;
}

bool isDecimalInteger(std::string_view text)
{
    const std::size_t sign = (charIn(text, 0) == '-' || charIn(text, 0) == '+') ? 1 : 0;
    return text.size() > sign && countDigits(text, sign) == text.size() - sign;
}

/** The core schema's float: [-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
bool isCoreFloat(std::string_view text)
{
    std::size_t i = (charIn(text, 0) == '-' || charIn(text, 0) == '+') ? 1 : 0;
    const std::size_t integerDigits = countDigits(text, i);
    i += integerDigits;
    std::size_t fractionDigits = 0;
    if (charIn(text, i) == '.') {
        fractionDigits = countDigits(text, i + 1);
        i += 1 + fractionDigits;
    }
    if (integerDigits == 0 && fractionDigits == 0) {
        return false;
    }
    if (charIn(text, i) == 'e' || charIn(text, i) == 'E') {
        ++i;
        if (charIn(text, i) == '-' || charIn(text, i) == '+') {
            ++i;
        }
        const std::size_t exponentDigits = countDigits(text, i);
        if (exponentDigits == 0) {
            return false;
        }
        i += exponentDigits;
    }
    return i == text.size();
}

template<typename Number> std::optional<Number> parsedNumber(std::string_view text, int base = 10)
{
    Number value {};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parsedFloat(std::string_view text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

bool isDigitsInBase(std::string_view digits, int base)
{
    return !digits.empty() && std::all_of(digits.begin(), digits.end(), [base](char c) {
        return base == 8 ? (c >= '0' && c <= '7') : core::hexDigitValue(c) >= 0;
    });
}

/**
 * The core schema's integers (decimal, 0o octal, 0x hex) and floats. An integer too large for 64 bits,
 * and .inf/.nan (which JSON cannot write), stay strings rather than turn into a different number.
 */
std::optional<Json> coreSchemaNumber(std::string_view text)
{
    // from_chars reads a '-' but no '+'; the patterns above have already checked the sign's place.
    const std::string_view unsigned_ = text.starts_with('+') ? text.substr(1) : text;
    if (isDecimalInteger(text)) {
        if (const auto value = parsedNumber<std::int64_t>(unsigned_)) {
            return Json(*value);
        }
        if (const auto value = parsedNumber<std::uint64_t>(unsigned_)) {
            return Json(*value);
        }
        return std::nullopt;
    }
    if ((text.starts_with("0o") && isDigitsInBase(text.substr(2), 8))
        || (text.starts_with("0x") && isDigitsInBase(text.substr(2), 16))) {
        if (const auto value = parsedNumber<std::uint64_t>(text.substr(2), text[1] == 'o' ? 8 : 16)) {
            return Json(*value);
        }
        return std::nullopt;
    }
    if (isCoreFloat(text)) {
        if (const auto value = parsedFloat(unsigned_)) {
            return Json(*value);
        }
    }
    return std::nullopt;
}

std::string literalText(const std::vector<std::string>& lines, std::size_t contentEnd)
{
    std::string text;
    for (std::size_t i = 0; i < contentEnd; ++i) {
        text += lines[i];
        if (i + 1 < contentEnd) {
            text += '\n';
        }
    }
    return text;
}

/** YAML line folding: a single break between two ordinary lines is a space, more-indented lines keep theirs. */
std::string foldedText(const std::vector<std::string>& lines, std::size_t contentEnd)
{
    std::string text;
    bool anyContent = false;
    bool previousWasOrdinary = false;
    std::size_t emptyLines = 0;
    for (std::size_t i = 0; i < contentEnd; ++i) {
        const std::string& line = lines[i];
        if (line.empty()) {
            ++emptyLines;
            continue;
        }
        const bool moreIndented = isBlank(line.front());
        if (!anyContent) {
            text.append(emptyLines, '\n');
        } else if (previousWasOrdinary && !moreIndented) {
            text += emptyLines == 0 ? std::string(" ") : std::string(emptyLines, '\n');
        } else {
            text.append(emptyLines + 1, '\n');
        }
        text += line;
        anyContent = true;
        previousWasOrdinary = !moreIndented;
        emptyLines = 0;
    }
    return text;
}

} // namespace

YamlScalar::Json YamlScalar::typedPlain(const std::string& text)
{
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return nullptr;
    }
    if (text == "true" || text == "True" || text == "TRUE") {
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        return false;
    }
    if (auto number = coreSchemaNumber(text)) {
        return std::move(*number);
    }
    return text;
}

std::string YamlScalar::blockText(const std::vector<std::string>& lines, bool folded, Chomping chomping)
{
    std::size_t contentEnd = lines.size();
    while (contentEnd > 0 && lines[contentEnd - 1].empty()) {
        --contentEnd;
    }
    std::string text = folded ? foldedText(lines, contentEnd) : literalText(lines, contentEnd);
    const std::size_t finalBreak = contentEnd == 0 ? 0 : 1;
    switch (chomping) {
    case Chomping::Strip:
        break;
    case Chomping::Clip:
        text.append(finalBreak, '\n');
        break;
    case Chomping::Keep:
        text.append(finalBreak + (lines.size() - contentEnd), '\n');
        break;
    }
    return text;
}

} // namespace blastline::importers
