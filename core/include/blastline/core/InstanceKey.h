// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <variant>

namespace blastline::core {

/** The key of one instance of a resource or module: none, a count index or a for_each string key. */
class InstanceKey
{
public:
    InstanceKey() = default;
    static InstanceKey index(std::int64_t value) { return InstanceKey(value); }
    static InstanceKey string(std::string value) { return InstanceKey(std::move(value)); }

    bool isNone() const { return std::holds_alternative<std::monostate>(m_value); }
    bool isIndex() const { return std::holds_alternative<std::int64_t>(m_value); }
    bool isString() const { return std::holds_alternative<std::string>(m_value); }
    std::int64_t asIndex() const { return std::get<std::int64_t>(m_value); }
    const std::string& asString() const { return std::get<std::string>(m_value); }

    /** The key as Terraform prints it: "" for none, "[0]", "[\"k\"]" with JSON-style escaping. */
    std::string toString() const;

    // Terraform's order: no key first, then numbers ascending, then strings ascending.
    auto operator<=>(const InstanceKey&) const = default;
    bool operator==(const InstanceKey&) const = default;

private:
    explicit InstanceKey(std::int64_t value)
        : m_value(value)
    { }
    explicit InstanceKey(std::string value)
        : m_value(std::move(value))
    { }
    std::variant<std::monostate, std::int64_t, std::string> m_value;
};

} // namespace blastline::core
