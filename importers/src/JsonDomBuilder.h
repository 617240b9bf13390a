// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace blastline::importers {

/** Builds one small nlohmann DOM from SAX events (nlohmann's own builder is an internal detail). */
class JsonDomBuilder
{
public:
    void begin()
    {
        m_root = nullptr;
        m_open.clear();
    }
    void key(std::string& name) { m_key.swap(name); }
    void scalar(nlohmann::json value) { place(std::move(value)); }
    void startContainer(bool isArray)
    {
        m_open.push_back(place(isArray ? nlohmann::json::array() : nlohmann::json::object()));
    }
    void endContainer() { m_open.pop_back(); }
    nlohmann::json take() { return std::move(m_root); }

private:
    // Pointers to open containers stay valid: only the innermost open container ever grows.
    nlohmann::json* place(nlohmann::json value)
    {
        if (m_open.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        nlohmann::json& parent = *m_open.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        nlohmann::json& slot = parent[m_key];
        slot = std::move(value);
        return &slot;
    }

    nlohmann::json m_root;
    std::vector<nlohmann::json*> m_open;
    std::string m_key;
};

} // namespace blastline::importers
