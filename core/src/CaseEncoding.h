// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace blastline::core {

namespace sqlite {
class Statement;
}

/**
 * The compact forms in which a case file stores the two high-entropy texts of every event (docs/case-file.md,
 * "Size"): CloudTrail's eventID, a lowercase UUID, as its 16 bytes instead of 36 characters, and a dotted IPv4
 * source address as a 4-byte integer instead of up to 15 characters. Only texts that the `timeline` view turns
 * back into exactly the same text are encoded; anything else (IPv6, service names, other IDs) stays text.
 */
class CaseEncoding
{
public:
    static void bindEventId(sqlite::Statement& statement, int index, std::string_view eventId);
    static void bindSourceIp(sqlite::Statement& statement, int index, std::string_view sourceIp);
};

} // namespace blastline::core
