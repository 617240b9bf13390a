// SPDX-License-Identifier: MIT
#include "FastJsonValue.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace blastline::importers::fastjson {

using core::AttributeValue;

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// simdjson writes a lone \uDC00-style escape as the UTF-8 form of a surrogate (ED A0..BF xx), which
// nlohmann rejects; raw input never holds one because stage 1 validated its UTF-8.
void rejectSurrogates(std::string_view text)
{
    for (std::size_t i = text.find('\xED'); i != std::string_view::npos; i = text.find('\xED', i + 1)) {
        if (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA0) {
            bail();
        }
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::string_view trimmedToken(ondemand::value& value)
{
    std::string_view token = value.raw_json_token();
    while (!token.empty() && isJsonSpace(token.back())) {
        token.remove_suffix(1);
    }
    return token;
}

std::string_view stringText(ondemand::value& value, std::size_t maxBytes)
{
    const std::string_view token = trimmedToken(value);
    if (token.size() < 2 || token.front() != '"' || token.back() != '"') {
        bail();
    }
    const std::string_view content = token.substr(1, token.size() - 2);
    // Stage 1 already checked UTF-8 and control characters of the whole input: without a backslash
    // the raw bytes are the string, and nothing is copied.
    if (content.find('\\') == std::string_view::npos) {
        if (content.size() > maxBytes) {
            bail();
        }
        return content;
    }
    const std::string_view text = take(value.get_string());
    rejectSurrogates(text);
    if (text.size() > maxBytes) {
        bail();
    }
    return text;
}

std::string_view keyText(ondemand::field& field, std::size_t maxBytes)
{
    const char* const start = field.key().raw();
    const char* end = start;
    // The key is a closed string (stage 1) inside a padded buffer, so this stops in bounds.
    while (*end != '"' && *end != '\\') {
        ++end;
    }
    if (*end == '"') {
        const std::size_t size = static_cast<std::size_t>(end - start);
        if (size > maxBytes) {
            bail();
        }
        return {start, size};
    }
    const std::string_view text = take(field.unescaped_key());
    rejectSurrogates(text);
    if (text.size() > maxBytes) {
        bail();
    }
    return text;
}

std::string numberText(std::string_view token)
{
    // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    std::size_t i = 0;
    const std::size_t n = token.size();
    const bool negative = i < n && token[i] == '-';
    if (negative) {
        ++i;
    }
    if (i >= n || !isDigit(token[i])) {
        bail();
    }
    if (token[i] == '0') {
        ++i;
    } else {
        while (i < n && isDigit(token[i])) {
            ++i;
        }
    }
    bool integer = true;
    if (i < n && token[i] == '.') {
        integer = false;
        ++i;
        if (i >= n || !isDigit(token[i])) {
            bail();
        }
        while (i < n && isDigit(token[i])) {
            ++i;
        }
    }
    if (i < n && (token[i] == 'e' || token[i] == 'E')) {
        integer = false;
        ++i;
        if (i < n && (token[i] == '+' || token[i] == '-')) {
            ++i;
        }
        if (i >= n || !isDigit(token[i])) {
            bail();
        }
        while (i < n && isDigit(token[i])) {
            ++i;
        }
    }
    if (i != n) {
        bail();
    }
    const char* const first = token.data();
    const char* const last = first + n;
    if (integer) {
        // nlohmann: strtoll for a leading '-', strtoull otherwise; out of range falls back to a
        // double (and may overflow), which we leave to the reference path.
        if (negative) {
            std::int64_t value = 0;
            const auto [end, error] = std::from_chars(first, last, value);
            if (error != std::errc() || end != last) {
                bail();
            }
            return std::to_string(value);
        }
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(first, last, value);
        if (error != std::errc() || end != last) {
            bail();
        }
        return std::string(token);
    }
    // nlohmann rejects a float that overflows to infinity; underflow is left to the reference too.
    double value = 0;
    const auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc() || end != last || !std::isfinite(value)) {
        bail();
    }
    return std::string(token);
}

void validate(ondemand::value value, std::size_t maxStringBytes, std::size_t depth)
{
    switch (take(value.type())) {
    case ondemand::json_type::object:
        if (depth > kMaxJsonNesting) {
            bail(); // recursion bound (a stack overflow otherwise); the reference path reports it
        }
        for (auto fieldResult : take(value.get_object())) {
            ondemand::field field = take(std::move(fieldResult));
            keyText(field, maxStringBytes);
            validate(field.value(), maxStringBytes, depth + 1);
        }
        return;
    case ondemand::json_type::array:
        if (depth > kMaxJsonNesting) {
            bail();
        }
        for (auto itemResult : take(value.get_array())) {
            validate(take(std::move(itemResult)), maxStringBytes, depth + 1);
        }
        return;
    case ondemand::json_type::string:
        stringText(value, maxStringBytes);
        return;
    case ondemand::json_type::number:
        numberText(trimmedToken(value));
        return;
    case ondemand::json_type::boolean: {
        const std::string_view token = trimmedToken(value);
        if (token != "true" && token != "false") {
            bail();
        }
        return;
    }
    case ondemand::json_type::null:
        if (trimmedToken(value) != "null") {
            bail();
        }
        return;
    }
    bail();
}

FlatEntries FastFlattener::flatten(ondemand::value value)
{
    m_path.clear();
    m_entries.clear();
    const ondemand::json_type type = take(value.type());
    if (type == ondemand::json_type::null) {
        if (trimmedToken(value) != "null") {
            bail();
        }
        return {};
    }
    if (type != ondemand::json_type::object) {
        bail();
    }
    element(value, 1);
    // m_entries is scratch that keeps its capacity; the result gets exactly one allocation, so
    // Attributes::finalize has nothing to shrink and the allocator sees no growing vectors.
    return FlatEntries(std::make_move_iterator(m_entries.begin()), std::make_move_iterator(m_entries.end()));
}

void FastFlattener::appendStep(std::string_view step)
{
    // As AttributeFlattener: no dot before the first step (nor after an empty key at the start).
    if (!m_path.empty()) {
        m_path += '.';
    }
    m_path += step;
}

void FastFlattener::element(ondemand::value value, std::size_t depth)
{
    const ondemand::json_type type = take(value.type());
    if ((type == ondemand::json_type::object || type == ondemand::json_type::array) && depth > kMaxJsonNesting) {
        bail(); // recursion bound (a stack overflow otherwise); the reference path reports it
    }
    switch (type) {
    case ondemand::json_type::object:
        for (auto fieldResult : take(value.get_object())) {
            ondemand::field field = take(std::move(fieldResult));
            const std::size_t saved = m_path.size();
            appendStep(keyText(field, m_maxStringBytes));
            element(field.value(), depth + 1);
            m_path.resize(saved);
        }
        return;
    case ondemand::json_type::array: {
        std::size_t index = 0;
        for (auto itemResult : take(value.get_array())) {
            ondemand::value item = take(std::move(itemResult));
            char digits[24];
            const auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), index++);
            (void)error; // 24 characters hold any size_t
            const std::size_t saved = m_path.size();
            appendStep(std::string_view(digits, static_cast<std::size_t>(end - digits)));
            element(item, depth + 1);
            m_path.resize(saved);
        }
        return;
    }
    case ondemand::json_type::string:
        m_entries.emplace_back(m_path, AttributeValue::string(std::string(stringText(value, m_maxStringBytes))));
        return;
    case ondemand::json_type::number:
        m_entries.emplace_back(m_path, AttributeValue::number(numberText(trimmedToken(value))));
        return;
    case ondemand::json_type::boolean: {
        const std::string_view token = trimmedToken(value);
        if (token != "true" && token != "false") {
            bail();
        }
        m_entries.emplace_back(m_path, AttributeValue::boolean(token == "true"));
        return;
    }
    case ondemand::json_type::null:
        if (trimmedToken(value) != "null") {
            bail();
        }
        m_entries.emplace_back(m_path, AttributeValue::null());
        return;
    }
    bail();
}

} // namespace blastline::importers::fastjson
