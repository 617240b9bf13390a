// SPDX-License-Identifier: MIT
#include "CaseEncoding.h"

#include "blastline/core/sqlite/Statement.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace blastline::core {

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; // uppercase too: the view writes lowercase, so uppercase would not come back the same
}

/** "0f8fad5b-d9cb-469f-a165-70867728950e" as its 16 bytes. */
std::optional<std::array<std::byte, 16>> uuidBytes(std::string_view text)
{
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        return std::nullopt;
    std::array<std::byte, 16> bytes {};
    std::size_t out = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23)
            continue;
        const int high = hexDigit(text[i]);
        const int low = hexDigit(text[++i]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes[out++] = static_cast<std::byte>(high * 16 + low);
    }
    return bytes;
}

/** "203.0.113.7" as its 32-bit value, shifted down by 2^31 so that SQLite stores it in 4 bytes, not 6. */
std::optional<std::int64_t> ipv4Value(std::string_view text)
{
    std::int64_t value = 0;
    int parts = 0;
    std::size_t at = 0;
    while (parts < 4) {
        const std::size_t start = at;
        int part = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - start < 3)
            part = part * 10 + (text[at++] - '0');
        // Leading zeros ("010") would not come back: the view prints plain decimal.
        if (at == start || part > 255 || (text[start] == '0' && at - start > 1))
            return std::nullopt;
        value = value * 256 + part;
        if (++parts < 4 && (at >= text.size() || text[at++] != '.'))
            return std::nullopt;
    }
    if (at != text.size())
        return std::nullopt;
    return value - (std::int64_t {1} << 31);
}

} // namespace

void CaseEncoding::bindEventId(sqlite::Statement& statement, int index, std::string_view eventId)
{
    if (const auto bytes = uuidBytes(eventId))
        statement.bindBlob(index, *bytes);
    else
        statement.bind(index, eventId);
}

void CaseEncoding::bindSourceIp(sqlite::Statement& statement, int index, std::string_view sourceIp)
{
    if (const auto value = ipv4Value(sourceIp))
        statement.bind(index, *value);
    else
        statement.bind(index, sourceIp);
}

} // namespace blastline::core
