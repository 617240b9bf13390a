// SPDX-License-Identifier: MIT
#include "CaseFileFixture.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/sqlite/Database.h"
#include "blastline/core/sqlite/Statement.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace blastline::core;
using namespace blastline::core::test;

namespace {

class CaseFileEvents : public CaseFileFixture
{ };

TEST_F(CaseFileEvents, pagesTheEventsOfOneResourceInTimeOrder)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const std::int64_t stateId = *caseFile.importEvidence(stateImport()).stateId;
    fillTrail(5);
    const TrailCorrelator correlator({&state});
    const ImportResult result = caseFile.importEvidence(trailImport(correlator, stateId));
    EXPECT_EQ(result.events, 5U);
    EXPECT_EQ(result.eventResources, 5U);

    std::vector<EventRow> all;
    for (std::int64_t offset = 0;; offset += 2) {
        const std::vector<EventRow> page = caseFile.eventsOfResource("aws_db_instance.orders", offset, 2);
        all.insert(all.end(), page.begin(), page.end());
        if (page.size() < 2)
            break;
    }
    ASSERT_EQ(all.size(), 5U);
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].timeMs, kT0 + static_cast<std::int64_t>(i) * 60000);
        EXPECT_EQ(all[i].eventId, "event-" + std::to_string(i));
    }
    const EventRow& deletion = all.back();
    EXPECT_EQ(deletion.eventName, "DeleteDBInstance");
    EXPECT_EQ(deletion.eventClass, EventClass::Delete);
    EXPECT_FALSE(deletion.readOnly);
    EXPECT_TRUE(deletion.acted);
    EXPECT_EQ(deletion.principal, "arn:aws:sts::123456789012:assumed-role/deployer/run");
    EXPECT_EQ(deletion.region, "us-east-1");
    EXPECT_EQ(deletion.sourceIp, "203.0.113.7");
    EXPECT_EQ(deletion.tool.kind, ToolIdentity::Kind::Terraform);
    EXPECT_EQ(deletion.tool.version, "1.7.4");
    EXPECT_EQ(deletion.sessionIssuer, "");
    EXPECT_EQ(all[1].errorCode, "AccessDenied");
    EXPECT_EQ(all[1].errorMessage, "not allowed");
    EXPECT_FALSE(all[0].acted);
    EXPECT_TRUE(caseFile.eventsOfResource("aws_vpc.main", 0, 10).empty());
    EXPECT_TRUE(caseFile.eventsOfResource("aws_s3_bucket.nowhere", 0, 10).empty());
    EXPECT_EQ(caseFile.findEvent("event-3"), all[3].id);
    EXPECT_FALSE(caseFile.findEvent("event-99"));
}

TEST_F(CaseFileEvents, keepsEveryIdentifierAndPassesSqlitesChecks)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const std::int64_t stateId = *caseFile.importEvidence(stateImport()).stateId;
    fillTrail(5);
    const TrailCorrelator correlator({&state});
    caseFile.importEvidence(trailImport(correlator, stateId));
    // A second, smaller trail goes through the time index as it stands instead of rebuilding it.
    Trail later;
    TrailInput file;
    file.path = folder.write("later.json", "{}").string();
    TrailEvent event;
    event.input = later.addInput(file);
    event.timeMs = kT0 + 30000;
    event.eventId = later.intern("later-event");
    event.identifiers = {later.intern("arn:aws:s3:::bucket"), later.intern(kDbArn)};
    later.addEvent(event);
    CaseImport request = trailImport(correlator, stateId);
    request.files = {{file.path, EvidenceKind::Trail}};
    request.trail = &later;
    caseFile.importEvidence(request);

    const sqlite::Database database(casePath.string(), sqlite::Database::Access::ReadOnly);
    sqlite::Statement identifiers(database, "SELECT DISTINCT identifier FROM event_identifier_texts ORDER BY 1");
    std::vector<std::string> texts;
    while (identifiers.step())
        texts.push_back(identifiers.columnText(0));
    EXPECT_EQ(texts,
        (std::vector<std::string> {"arn:aws:rds:us-east-1:123456789012:db:orders", "arn:aws:s3:::bucket", "orders"}));
    sqlite::Statement order(database, "SELECT cloudtrail_event_id FROM timeline ORDER BY time_ms LIMIT 2");
    ASSERT_TRUE(order.step());
    EXPECT_EQ(order.columnText(0), "event-0");
    ASSERT_TRUE(order.step());
    EXPECT_EQ(order.columnText(0), "later-event");
    sqlite::Statement integrity(database, "PRAGMA integrity_check");
    ASSERT_TRUE(integrity.step());
    EXPECT_EQ(integrity.columnText(0), "ok");
    sqlite::Statement foreignKeys(database, "PRAGMA foreign_key_check");
    EXPECT_FALSE(foreignKeys.step());
}

TEST_F(CaseFileEvents, anAddressInTwoStatesListsEachEventOnce)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const std::int64_t firstId = *caseFile.importEvidence(stateImport()).stateId;
    TerraformState later = state;
    later.path = folder.write("prod-later.tfstate", "later").string();
    later.serial = 43;
    CaseImport second = stateImport();
    second.files = {{later.path, EvidenceKind::State}};
    second.state = &later;
    const std::int64_t laterId = *caseFile.importEvidence(second).stateId;
    fillTrail(3);
    const TrailCorrelator correlator({&state, &later});
    CaseImport request = trailImport(correlator, firstId);
    request.correlatorStates = {firstId, laterId};
    EXPECT_EQ(caseFile.importEvidence(request).eventResources, 6U);

    const std::vector<EventRow> events = caseFile.eventsOfResource("aws_db_instance.orders", 1, 10);
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].eventId, "event-1");
    EXPECT_EQ(events[1].eventId, "event-2");
    EXPECT_TRUE(events[1].acted);
}

TEST_F(CaseFileEvents, compactEventIdsAndAddressesReadBackExactly)
{
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    const std::int64_t stateId = *caseFile.importEvidence(stateImport()).stateId;
    // Stored as 16 bytes or a 4-byte integer when they come back the same; as text otherwise.
    const std::vector<std::pair<std::string, std::string>> idsAndAddresses {
        {"0f8fad5b-d9cb-469f-a165-70867728950e", "203.0.113.7"}, {"0F8FAD5B-D9CB-469F-A165-70867728950E", "0.0.0.0"},
        {"0f8fad5b-d9cb-469f-a165-70867728950", "255.255.255.255"},
        {"0f8fad5b_d9cb_469f_a165_70867728950e", "010.0.0.1"}, {"f0000000-0000-0000-0000-000000000000", "2001:db8::1"},
        {"12345", "ecs.amazonaws.com"}, {"x", "1.2.3"}, {"y", "1.2.3.4.5"}, {"z", "256.1.1.1"}, {"", ""}};
    TrailInput file;
    file.path = trailPath;
    const std::uint32_t input = trail.addInput(file);
    for (std::size_t i = 0; i < idsAndAddresses.size(); ++i) {
        TrailEvent event;
        event.timeMs = kT0 + static_cast<std::int64_t>(i);
        event.input = input;
        event.eventSource = trail.intern("rds.amazonaws.com");
        event.eventName = trail.intern("DescribeDBInstances");
        event.eventId = trail.intern(idsAndAddresses[i].first);
        event.sourceIp = trail.intern(idsAndAddresses[i].second);
        event.identifiers = {trail.intern("orders")};
        trail.addEvent(event);
    }
    trail.finish();
    const TrailCorrelator correlator({&state});
    caseFile.importEvidence(trailImport(correlator, stateId));
    const std::vector<EventRow> events = caseFile.eventsOfResource("aws_db_instance.orders", 0, 100);
    ASSERT_EQ(events.size(), idsAndAddresses.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].eventId, idsAndAddresses[i].first);
        EXPECT_EQ(events[i].sourceIp, idsAndAddresses[i].second);
        EXPECT_EQ(events[i].tool.kind, ToolIdentity::Kind::Unknown);
        if (!idsAndAddresses[i].first.empty()) {
            EXPECT_EQ(caseFile.findEvent(idsAndAddresses[i].first), events[i].id) << idsAndAddresses[i].first;
        }
    }
}

} // namespace
