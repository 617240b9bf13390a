// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/BackupEffect.h"
#include "blastline/core/EventRules.h"
#include "blastline/core/TrailFilter.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <simdjson.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers {

/** A record that is JSON but not a CloudTrail record (no eventTime, say); the file's other records still count. */
struct RecordError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/**
 * One CloudTrail record read from simdjson's DOM, before it joins a Trail. The views point into the parser's
 * document: intern them before the parser reads the next one. Unknown fields are left in the record (and kept
 * whole, redacted, in `record` when asked).
 */
struct CloudTrailRecord
{
    std::int64_t timeMs = 0;
    bool readOnly = false;
    core::EventClass eventClass = core::EventClass::Other;
    std::string_view eventId, eventSource, eventName, eventType, region, account, principal, principalType,
        sessionIssuer, userName, accessKeyId, invokedBy, sourceIp, userAgent, errorCode, errorMessage;
    std::vector<std::string> identifiers;
    std::uint32_t createdIdentifiers = 0; // core::TrailEvent::createdIdentifiers
    std::vector<core::BackupEffect> backupEffects;
    std::string record; // compact JSON, secrets redacted; empty unless asked for

private:
    // Backs the views after takeOwnership(); on the heap so that moving the record (short strings live inside a
    // std::string) leaves the views valid.
    std::shared_ptr<const std::string> m_ownedText;

public:
    /**
     * Reads `element` as a record. Returns nullopt when the filter drops it (its identifiers are then never
     * computed: most of a trail is dropped, and that must stay cheap). Throws RecordError when it is not a
     * CloudTrail record. `fallbackTimeMs` stands in for a missing eventTime (lookup-events' EventTime).
     */
    /** Copies the text the views point at into the record: for records parsed from a buffer about to be reused. */
    void takeOwnership();

    static std::optional<CloudTrailRecord> read(simdjson::dom::element element, const core::TrailFilter& filter,
        bool keepRecord, std::optional<std::int64_t> fallbackTimeMs = std::nullopt);
};

} // namespace blastline::importers
