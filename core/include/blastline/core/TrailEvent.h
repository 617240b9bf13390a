// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/BackupEffect.h"
#include "blastline/core/EventRules.h"
#include "blastline/core/StringPool.h"

#include <cstdint>
#include <vector>

namespace blastline::core {

/**
 * One CloudTrail record, normalised. The text fields are ids in the owning Trail's StringPool: a timeline of a
 * million events repeats a few hundred principals and agents, so an event stays small whatever the trail's size.
 */
struct TrailEvent
{
    std::int64_t timeMs = 0; // eventTime, UTC milliseconds
    EventClass eventClass = EventClass::Other;
    bool readOnly = false;
    std::uint32_t input = 0; // index into Trail::inputs(): the file it came from
    std::uint32_t tool = 0; // index into Trail::tools(): who made the call, from the user agent

    StringId eventId = 0;
    StringId eventSource = 0; // "rds.amazonaws.com"
    StringId eventName = 0;
    StringId eventType = 0; // "AwsApiCall", "AwsServiceEvent", "AwsConsoleSignIn", "AwsCloudTrailInsight"
    StringId region = 0;
    StringId account = 0; // recipientAccountId, else userIdentity.accountId
    StringId principal = 0; // who, for a person: the identity's ARN, else its invokedBy service, else its type
    StringId principalType = 0; // userIdentity.type
    StringId sessionIssuer = 0; // the role behind an assumed-role session
    StringId userName = 0;
    StringId accessKeyId = 0;
    StringId sourceIp = 0;
    StringId userAgent = 0;
    StringId errorCode = 0;
    StringId errorMessage = 0;
    StringId record = 0; // the whole record as compact JSON, secrets redacted; 0 unless the reader kept records

    std::vector<StringId> identifiers; // resource ids and ARNs the call names (EventRules::identifiers)
    /** For a create: how many leading identifiers name what it made (EventRules::createdIdentifierCount); only
     *  those can tie it to the resource it created. 0: any identifier can. */
    std::uint32_t createdIdentifiers = 0;
    std::vector<BackupEffect> backupEffects; // EventRules::backupEffects; empty for most calls

    bool failed() const { return errorCode != 0; }
    bool destructive() const { return EventRules::isDestructive(eventClass); }
};

} // namespace blastline::core
