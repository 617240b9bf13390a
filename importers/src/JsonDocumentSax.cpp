// SPDX-License-Identifier: MIT
#include "JsonDocumentSax.h"

#include "JsonLocation.h"

namespace blastline::importers {

using nlohmann::json;

JsonDocumentSax::JsonDocumentSax(std::size_t maxStringBytes)
    : m_maxStringBytes(maxStringBytes)
{
    m_dom.begin();
}

bool JsonDocumentSax::null()
{
    m_dom.scalar(nullptr);
    return true;
}

bool JsonDocumentSax::boolean(bool value)
{
    m_dom.scalar(value);
    return true;
}

bool JsonDocumentSax::number_integer(std::int64_t value)
{
    m_dom.scalar(value);
    return true;
}

bool JsonDocumentSax::number_unsigned(std::uint64_t value)
{
    m_dom.scalar(value);
    return true;
}

bool JsonDocumentSax::number_float(double value, const std::string& /*text*/)
{
    m_dom.scalar(value);
    return true;
}

bool JsonDocumentSax::string(std::string& value)
{
    if (longString(value))
        return false;
    m_dom.scalar(std::move(value));
    return true;
}

bool JsonDocumentSax::binary(json::binary_t& /*value*/)
{
    return true; // never produced by the JSON parser
}

bool JsonDocumentSax::start_object(std::size_t /*elements*/)
{
    return container(false);
}

bool JsonDocumentSax::key(std::string& name)
{
    if (longString(name))
        return false;
    m_dom.key(name);
    return true;
}

bool JsonDocumentSax::end_object()
{
    --m_depth;
    m_dom.endContainer();
    return true;
}

bool JsonDocumentSax::start_array(std::size_t /*elements*/)
{
    return container(true);
}

bool JsonDocumentSax::end_array()
{
    --m_depth;
    m_dom.endContainer();
    return true;
}

bool JsonDocumentSax::parse_error(
    std::size_t position, const std::string& /*lastToken*/, const nlohmann::detail::exception& error)
{
    // nlohmann reports a number past a double's range here too, as out_of_range 406, not as a syntax error.
    const Stop::Reason reason = error.id == 406 ? Stop::Reason::NumberOutOfRange : Stop::Reason::SyntaxError;
    m_stop = Stop {reason, 0, position, error.what()};
    return false;
}

bool JsonDocumentSax::container(bool isArray)
{
    // m_depth counts the containers around the one that starts: the 257th level is refused.
    if (m_depth >= kMaxJsonNesting) {
        m_stop = Stop {Stop::Reason::TooDeep, 0, 0, {}};
        return false;
    }
    ++m_depth;
    m_dom.startContainer(isArray);
    return true;
}

bool JsonDocumentSax::longString(const std::string& text)
{
    if (text.size() <= m_maxStringBytes)
        return false;
    m_stop = Stop {Stop::Reason::LongString, text.size(), 0, {}};
    return true;
}

} // namespace blastline::importers
