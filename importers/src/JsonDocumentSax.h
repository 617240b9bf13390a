// SPDX-License-Identifier: MIT
#pragma once

#include "JsonDomBuilder.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace blastline::importers {

/**
 * The SAX handler behind parseJsonDocument: builds the DOM with JsonDomBuilder and stops at the first
 * container nested deeper than kMaxJsonNesting or string longer than the string limit.
 *
 * nlohmann's own callback parser (json::parse with a callback) was used before; after every object it
 * scans the enclosing container for discarded values, so an array of n objects cost n²/2 steps (10,000
 * catalogue entries took 6.5 s in a debug build). This handler keeps nothing it would have to scan.
 */
class JsonDocumentSax
{
public:
    /** Why parsing stopped, for parseJsonDocument's message. */
    struct Stop
    {
        enum class Reason
        {
            TooDeep,
            LongString, // `size` is the string's
            SyntaxError, // `position` (nlohmann's byte count) and `what`
            NumberOutOfRange, // a number past a double's range (1e400): `what` names it
        };
        Reason reason = Reason::SyntaxError;
        std::size_t size = 0;
        std::size_t position = 0;
        std::string what;
    };

    explicit JsonDocumentSax(std::size_t maxStringBytes);

    bool null();
    bool boolean(bool value);
    bool number_integer(std::int64_t value);
    bool number_unsigned(std::uint64_t value);
    bool number_float(double value, const std::string& text);
    bool string(std::string& value);
    bool binary(nlohmann::json::binary_t& value);
    bool start_object(std::size_t elements);
    bool key(std::string& name);
    bool end_object();
    bool start_array(std::size_t elements);
    bool end_array();
    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& error);

    /** Set when a handler returned false: the DOM is then incomplete. */
    const std::optional<Stop>& stop() const { return m_stop; }
    nlohmann::json take() { return m_dom.take(); }

private:
    bool container(bool isArray);
    bool longString(const std::string& text);

    std::size_t m_maxStringBytes;
    std::size_t m_depth = 0;
    JsonDomBuilder m_dom;
    std::optional<Stop> m_stop;
};

} // namespace blastline::importers
