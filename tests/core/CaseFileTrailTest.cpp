// SPDX-License-Identifier: MIT
#include "CaseFileFixture.h"

#include "blastline/core/CaseFile.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace blastline::core;
using namespace blastline::core::test;

namespace {

constexpr std::string_view kTerraformAgent =
    "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.31.0";
constexpr std::string_view kDeployer = "arn:aws:sts::123456789012:assumed-role/deployer/run";
constexpr std::string_view kAlice = "arn:aws:iam::123456789012:user/alice";

/** One call of the trail built below; what a test leaves out is absent from the record. */
struct Call
{
    std::int64_t minute = 0;
    std::string eventName = "ModifyDBInstance";
    EventClass eventClass = EventClass::Modify;
    std::string eventId {};
    std::string principal = std::string(kDeployer);
    std::string userAgent = std::string(kTerraformAgent);
    std::string invokedBy {};
    std::string sourceIp = "203.0.113.7";
    std::vector<std::string> identifiers {};
    std::uint32_t createdIdentifiers = 0;
    std::vector<BackupEffect> backupEffects {};
    std::string errorCode {};
    std::string record {};
    std::uint32_t input = 0;
};

/** Every field of an event as text, for one comparison that names what differs. */
std::vector<std::string> describe(const Trail& trail, const TrailEvent& event)
{
    const auto text = [&](StringId id) { return std::string(trail.text(id)); };
    const ToolIdentity& tool = trail.tool(event.tool);
    std::vector<std::string> fields {std::to_string(event.timeMs), text(event.eventId), text(event.eventSource),
        text(event.eventName), text(event.eventType), toString(event.eventClass), event.readOnly ? "read-only" : "",
        text(event.region), text(event.account), text(event.principal), text(event.principalType),
        text(event.sessionIssuer), text(event.userName), text(event.accessKeyId), text(event.sourceIp),
        text(event.userAgent), toString(tool.kind), tool.name, tool.version, tool.providerVersion,
        text(event.errorCode), text(event.errorMessage), text(event.record), trail.inputs().at(event.input).path,
        "created " + std::to_string(event.createdIdentifiers)};
    for (const StringId identifier : event.identifiers)
        fields.push_back("identifier " + text(identifier));
    for (const BackupEffect& effect : event.backupEffects)
        fields.push_back(std::string("effect ") + toString(effect.kind) + " " + toString(effect.fate) + " "
            + effect.subject + " / " + effect.basis);
    return fields;
}

std::vector<std::vector<std::string>> describe(const Trail& trail)
{
    std::vector<std::vector<std::string>> events;
    for (const TrailEvent& event : trail.events())
        events.push_back(describe(trail, event));
    return events;
}

std::vector<std::string> eventNames(const Trail& trail)
{
    std::vector<std::string> names;
    for (const TrailEvent& event : trail.events())
        names.emplace_back(trail.text(event.eventName));
    return names;
}

class CaseFileTrail : public CaseFileFixture
{
protected:
    CaseFileTrail()
    {
        compressedPath = folder.write("trail-2.json.gz", "not read: the events are built below").string();
        TrailInput first;
        first.path = trailPath;
        trail.addInput(first);
        TrailInput second;
        second.path = compressedPath;
        second.compressed = true;
        trail.addInput(second);
    }

    void add(const Call& call)
    {
        TrailEvent event;
        event.timeMs = kT0 + call.minute * 60000;
        event.input = call.input;
        event.eventId = trail.intern(call.eventId);
        event.eventSource =
            trail.intern(call.eventName.find("Key") != std::string::npos ? "kms.amazonaws.com" : "rds.amazonaws.com");
        event.eventName = trail.intern(call.eventName);
        event.eventType = trail.intern("AwsApiCall");
        event.eventClass = call.eventClass;
        event.readOnly = call.eventClass == EventClass::Read;
        event.region = trail.intern("us-east-1");
        event.account = trail.intern("123456789012");
        event.principal = trail.intern(call.principal);
        const bool person = call.principal == kAlice;
        event.principalType = trail.intern(person ? "IAMUser" : "AssumedRole");
        event.sessionIssuer = trail.intern(person ? "" : "arn:aws:iam::123456789012:role/deployer");
        event.userName = trail.intern(person ? "alice" : "");
        event.accessKeyId = trail.intern(person ? "AKIAALICE" : "ASIADEPLOYER");
        event.sourceIp = trail.intern(call.sourceIp);
        event.userAgent = trail.intern(call.userAgent);
        event.tool = trail.toolFor(call.userAgent, call.invokedBy, call.sourceIp);
        if (!call.errorCode.empty()) {
            event.errorCode = trail.intern(call.errorCode);
            event.errorMessage = trail.intern("User: " + call.principal + " is not authorized");
        }
        event.record = trail.intern(call.record);
        for (const std::string& identifier : call.identifiers)
            event.identifiers.push_back(trail.intern(identifier));
        event.createdIdentifiers = call.createdIdentifiers;
        event.backupEffects = call.backupEffects;
        trail.addEvent(event);
    }

    /** A trail whose events cover every field, every encoding and every kind of tool, added out of order. */
    void fill()
    {
        using Kind = BackupEffect::Kind;
        using Fate = BackupEffect::Fate;
        add({.minute = 9,
            .eventName = "DeleteDBInstance",
            .eventClass = EventClass::Delete,
            .eventId = "0f8fad5b-d9cb-469f-a165-70867728950e",
            .identifiers = {kDbArn, "orders"},
            .backupEffects = {{Kind::AutomatedBackups, Fate::Deleted, "", "deleteAutomatedBackups: true"},
                {Kind::FinalSnapshot, Fate::NotTaken, "", "skipFinalSnapshot: true (docs: DeleteDBInstance)"}},
            .record = R"json({"eventName":"DeleteDBInstance","requestParameters":{"password":"(redacted)"}})json"});
        // Names the same identifiers in the other order: the order the event gave comes back, not the case's.
        add({.minute = 2,
            .eventName = "CreateDBSnapshot",
            .eventClass = EventClass::Create,
            .eventId = "e-2",
            .identifiers = {"orders-before", "orders", kDbArn},
            .createdIdentifiers = 1,
            .backupEffects = {{Kind::Snapshot, Fate::Created, "orders-before", "the response names it"}}});
        add({.minute = 1,
            .eventName = "DescribeDBInstances",
            .eventClass = EventClass::Read,
            .eventId = "0F8FAD5B-D9CB-469F-A165-70867728950E",
            .principal = std::string(kAlice),
            .userAgent = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws",
            .sourceIp = "2001:db8::1",
            .input = 1});
        add({.minute = 3,
            .eventName = "ModifyDBInstance",
            .eventId = "e-3",
            .principal = std::string(kAlice),
            .userAgent = "Mozilla/5.0 (X11; Linux x86_64)",
            .sourceIp = "198.51.100.20",
            .identifiers = {"orders"},
            .errorCode = "AccessDenied",
            .input = 1});
        add({.minute = 4,
            .eventName = "DeleteDBSnapshot",
            .eventClass = EventClass::BackupDestroying,
            .eventId = "e-4",
            .userAgent = "aws-sdk-go/1.44.0",
            .invokedBy = "backup.amazonaws.com",
            .sourceIp = "backup.amazonaws.com",
            .identifiers = {"orders-before"},
            .backupEffects = {{Kind::Snapshot, Fate::Deleted, "orders-before", "named by dBSnapshotIdentifier"}}});
        add({.minute = 5,
            .eventName = "ScheduleKeyDeletion",
            .eventClass = EventClass::ProtectionLowering,
            .eventId = "e-5",
            .userAgent = "aws-sdk-java/1.12.0",
            .sourceIp = "cloudformation.amazonaws.com",
            .identifiers = {"arn:aws:kms:us-east-1:123456789012:key/1234abcd"},
            .backupEffects = {{Kind::EncryptionKey, Fate::ScheduledForDeletion,
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd", "pendingWindowInDays: 7"}}});
        add({.minute = 6, .eventName = "RebootDBInstance", .userAgent = "curl/8.0.1", .sourceIp = ""});
        add({.minute = 7,
            .eventName = "StopDBInstance",
            .eventId = "e-7",
            .userAgent = "AWS Internal",
            .sourceIp = "AWS Internal",
            .identifiers = {"orders"}});
        trail.finish();
    }

    CaseImport importOfTrail() const
    {
        CaseImport request;
        request.commandLine = "blastline case import incident.blcase trail.json trail-2.json.gz";
        request.blastlineVersion = "0.1.0";
        request.files = {{trailPath, EvidenceKind::Trail}, {compressedPath, EvidenceKind::Trail}};
        request.trail = &trail;
        return request;
    }

    std::string compressedPath;
};

TEST_F(CaseFileTrail, givesBackTheEventsItWasGiven)
{
    fill();
    {
        CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
        caseFile.importEvidence(importOfTrail());
    }
    const CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::ReadOnly);
    TrailFilter all;
    all.scope = TrailFilter::Scope::All;
    const Trail loaded = caseFile.loadTrail(all);

    EXPECT_EQ(describe(loaded), describe(trail));
    EXPECT_EQ(loaded.tools().size(), trail.tools().size());
    EXPECT_EQ(loaded.duplicatesRemoved(), 0U);
    ASSERT_EQ(loaded.inputs().size(), 2U);
    EXPECT_EQ(loaded.inputs()[0].path, trailPath);
    EXPECT_FALSE(loaded.inputs()[0].compressed);
    EXPECT_EQ(loaded.inputs()[0].bytes, std::filesystem::file_size(trailPath));
    EXPECT_EQ(loaded.inputs()[0].records, 6U);
    EXPECT_EQ(loaded.inputs()[0].kept, 6U);
    EXPECT_EQ(loaded.inputs()[1].path, compressedPath);
    EXPECT_TRUE(loaded.inputs()[1].compressed);
    EXPECT_EQ(loaded.inputs()[1].records, 2U);
    EXPECT_FALSE(loaded.hasUnreadableInputs());
}

TEST_F(CaseFileTrail, filtersByScopeTimeAndPrincipal)
{
    fill();
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    caseFile.importEvidence(importOfTrail());

    TrailFilter destructive;
    destructive.scope = TrailFilter::Scope::Destructive;
    EXPECT_EQ(eventNames(caseFile.loadTrail(destructive)),
        (std::vector<std::string> {"DeleteDBSnapshot", "ScheduleKeyDeletion", "DeleteDBInstance"}));

    TrailFilter writes; // the default scope
    const Trail written = caseFile.loadTrail(writes);
    EXPECT_EQ(written.events().size(), 7U);
    EXPECT_EQ(written.inputs()[1].records, 2U);
    EXPECT_EQ(written.inputs()[1].kept, 1U);

    TrailFilter window;
    window.scope = TrailFilter::Scope::All;
    window.fromMs = kT0 + 3 * 60000;
    window.toMs = kT0 + 5 * 60000;
    const Trail windowed = caseFile.loadTrail(window);
    EXPECT_EQ(eventNames(windowed), (std::vector<std::string> {"ModifyDBInstance", "DeleteDBSnapshot"}));
    // Filtered or not, each event keeps its own identifiers and effects.
    ASSERT_EQ(windowed.events()[1].backupEffects.size(), 1U);
    EXPECT_EQ(windowed.events()[1].backupEffects[0].subject, "orders-before");
    ASSERT_EQ(windowed.events()[1].identifiers.size(), 1U);
    EXPECT_EQ(windowed.text(windowed.events()[1].identifiers[0]), "orders-before");

    TrailFilter person;
    person.scope = TrailFilter::Scope::All;
    person.principal = "ALICE";
    const Trail alice = caseFile.loadTrail(person);
    EXPECT_EQ(eventNames(alice), (std::vector<std::string> {"DescribeDBInstances", "ModifyDBInstance"}));
    EXPECT_EQ(alice.text(alice.events()[1].errorCode), "AccessDenied");
    EXPECT_EQ(alice.inputs()[0].kept, 0U);

    TrailFilter nothing = destructive;
    nothing.toMs = kT0;
    EXPECT_TRUE(caseFile.loadTrail(nothing).events().empty());
}

TEST_F(CaseFileTrail, anEventImportedTwiceComesBackOnce)
{
    fill();
    CaseFile caseFile = CaseFile::open(casePath, CaseFile::OpenMode::CreateIfMissing);
    caseFile.importEvidence(importOfTrail());
    caseFile.importEvidence(importOfTrail());
    TrailFilter all;
    all.scope = TrailFilter::Scope::All;
    const Trail loaded = caseFile.loadTrail(all);
    // Copies share an eventID; the one event without an ID cannot be told from a second event and stays twice.
    EXPECT_EQ(loaded.events().size(), trail.events().size() + 1);
    EXPECT_EQ(loaded.duplicatesRemoved(), trail.events().size() - 1);
    EXPECT_EQ(loaded.inputs().size(), 4U);
}

} // namespace
