// SPDX-License-Identifier: MIT
#include "blastline/core/Attributes.h"

#include <algorithm>
#include <charconv>

namespace blastline::core {

void Attributes::set(std::string path, AttributeValue value)
{
    m_entries.emplace_back(std::move(path), std::move(value));
}

void Attributes::finalize()
{
    // Importers mostly hand over paths already in order and unique; then there is nothing to do.
    const auto strictlyBefore = [](const Entry& a, const Entry& b) { return a.first < b.first; };
    if (std::adjacent_find(
            m_entries.begin(), m_entries.end(), [&](const Entry& a, const Entry& b) { return !strictlyBefore(a, b); })
        == m_entries.end()) {
        m_entries.shrink_to_fit();
        return;
    }
    // stable_sort keeps insertion order among equal paths, so "the last set() wins" holds below.
    std::stable_sort(
        m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; });
    std::vector<Entry> unique;
    unique.reserve(m_entries.size());
    for (auto& entry : m_entries) {
        if (!unique.empty() && unique.back().first == entry.first)
            unique.back().second = std::move(entry.second);
        else
            unique.push_back(std::move(entry));
    }
    m_entries = std::move(unique);
    m_entries.shrink_to_fit();
}

const AttributeValue* Attributes::find(std::string_view path) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), path,
        [](const Entry& entry, std::string_view p) { return entry.first < p; });
    if (it == m_entries.end() || it->first != path)
        return nullptr;
    return &it->second;
}

std::optional<bool> Attributes::getBool(std::string_view path) const
{
    const AttributeValue* value = find(path);
    if (!value)
        return std::nullopt;
    // Flatmap states (format 3, attributes_flat) store every leaf as a string.
    if (value->kind == AttributeValue::Kind::Bool || value->kind == AttributeValue::Kind::String) {
        if (value->text == "true")
            return true;
        if (value->text == "false")
            return false;
    }
    return std::nullopt;
}

std::optional<std::string> Attributes::getString(std::string_view path) const
{
    const AttributeValue* value = find(path);
    if (!value)
        return std::nullopt;
    if (value->kind == AttributeValue::Kind::String || value->kind == AttributeValue::Kind::Number)
        return value->text;
    return std::nullopt;
}

std::optional<double> Attributes::getNumber(std::string_view path) const
{
    const AttributeValue* value = find(path);
    if (!value || (value->kind != AttributeValue::Kind::Number && value->kind != AttributeValue::Kind::String))
        return std::nullopt;
    double result = 0;
    const char* begin = value->text.data();
    const char* end = begin + value->text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, result);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return result;
}

} // namespace blastline::core
