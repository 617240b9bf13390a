// SPDX-License-Identifier: MIT
#include "blastline/core/EventRules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace blastline::core;
using Kind = BackupEffect::Kind;
using Fate = BackupEffect::Fate;

namespace {

using Leaves = std::vector<Attributes::Entry>;

Attributes attributes(Leaves leaves)
{
    Attributes result;
    result.assign(std::move(leaves));
    return result;
}

std::vector<BackupEffect> effectsOf(const std::string& eventSource, const std::string& eventName,
    const Attributes* request, const Attributes* response = nullptr)
{
    EventFacts facts;
    facts.eventSource = eventSource;
    facts.eventName = eventName;
    facts.requestParameters = request;
    facts.responseElements = response;
    return EventRules::backupEffects(facts);
}

/** "kind fate subject" of each effect: one string to compare, and a readable failure. */
std::vector<std::string> outline(const std::vector<BackupEffect>& effects)
{
    std::vector<std::string> out;
    out.reserve(effects.size());
    for (const BackupEffect& effect : effects)
        out.push_back(std::string(toString(effect.kind)) + " " + toString(effect.fate) + " " + effect.subject);
    return out;
}

TEST(EventBackupEffects, deleteDBInstanceSkippingEverythingLosesBoth)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("orders")},
        {"skipFinalSnapshot", AttributeValue::boolean(true)},
        {"deleteAutomatedBackups", AttributeValue::boolean(true)}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBInstance", &request);
    ASSERT_EQ(outline(effects), (std::vector<std::string> {"automated-backups deleted ", "final-snapshot not-taken "}));
    EXPECT_EQ(effects[0].basis,
        "deleteAutomatedBackups is true in the request "
        "(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html)");
    EXPECT_EQ(effects[1].basis,
        "skipFinalSnapshot is true in the request "
        "(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html)");
}

TEST(EventBackupEffects, absentDeleteAutomatedBackupsDeletesThemByDefault)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("orders")},
        {"skipFinalSnapshot", AttributeValue::boolean(true)}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBInstance", &request);
    ASSERT_EQ(outline(effects), (std::vector<std::string> {"automated-backups deleted ", "final-snapshot not-taken "}));
    EXPECT_EQ(effects[0].basis,
        "deleteAutomatedBackups is not in the request; the API removes the instance's automated backups by "
        "default (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html)");
}

TEST(EventBackupEffects, nullRequestFallsBackToTheDefaults)
{
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBInstance", nullptr);
    ASSERT_EQ(outline(effects), (std::vector<std::string> {"automated-backups deleted ", "final-snapshot unknown "}));
    EXPECT_NE(effects[0].basis.find("by default"), std::string::npos);
}

TEST(EventBackupEffects, deleteAutomatedBackupsFalseKeepsThem)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("orders")},
        {"skipFinalSnapshot", AttributeValue::boolean(true)},
        {"deleteAutomatedBackups", AttributeValue::boolean(false)}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBInstance", &request);
    ASSERT_EQ(outline(effects), (std::vector<std::string> {"automated-backups kept ", "final-snapshot not-taken "}));
    EXPECT_EQ(effects[0].basis,
        "deleteAutomatedBackups is false: retained until their retention period ends "
        "(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html)");
}

TEST(EventBackupEffects, namedFinalSnapshotIsCreated)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("orders")},
        {"skipFinalSnapshot", AttributeValue::boolean(false)},
        {"finalDBSnapshotIdentifier", AttributeValue::string("orders-final-2026-02-26")},
        {"deleteAutomatedBackups", AttributeValue::boolean(false)}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBInstance", &request);
    EXPECT_EQ(outline(effects),
        (std::vector<std::string> {"automated-backups kept ", "final-snapshot created orders-final-2026-02-26"}));
}

TEST(EventBackupEffects, auroraMemberInstanceHasNoBackupsOfItsOwn)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("aurora-1-instance-1")},
        {"skipFinalSnapshot", AttributeValue::boolean(true)}});
    const Attributes response = attributes({{"dBInstanceIdentifier", AttributeValue::string("aurora-1-instance-1")},
        {"dBClusterIdentifier", AttributeValue::string("aurora-1")}});
    EXPECT_TRUE(effectsOf("rds.amazonaws.com", "DeleteDBInstance", &request, &response).empty());
}

TEST(EventBackupEffects, deleteDBClusterNamesTheClusterApi)
{
    const Attributes request = attributes({{"dBClusterIdentifier", AttributeValue::string("aurora-1")},
        {"skipFinalSnapshot", AttributeValue::boolean(false)},
        {"finalDBSnapshotIdentifier", AttributeValue::string("aurora-1-final")}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBCluster", &request);
    ASSERT_EQ(outline(effects),
        (std::vector<std::string> {"automated-backups deleted ", "final-snapshot created aurora-1-final"}));
    EXPECT_EQ(effects[0].basis,
        "deleteAutomatedBackups is not in the request; the API removes the cluster's automated backups by "
        "default (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBCluster.html)");
}

TEST(EventBackupEffects, deleteDBClusterAcceptsPanthersSnapshotParameterName)
{
    const Attributes request = attributes({{"dBClusterIdentifier", AttributeValue::string("aurora-1")},
        {"finalDBClusterSnapshotIdentifier", AttributeValue::string("aurora-1-final")}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBCluster", &request);
    ASSERT_EQ(effects.size(), 2U);
    EXPECT_EQ(effects[1].fate, Fate::Created);
    EXPECT_EQ(effects[1].subject, "aurora-1-final");
}

TEST(EventBackupEffects, deleteDBSnapshotDeletesTheNamedSnapshot)
{
    const Attributes request = attributes({{"dBSnapshotIdentifier", AttributeValue::string("backup-2024-01-15")}});
    const auto effects = effectsOf("rds.amazonaws.com", "DeleteDBSnapshot", &request);
    ASSERT_EQ(effects.size(), 1U);
    EXPECT_EQ(effects[0].kind, Kind::Snapshot);
    EXPECT_EQ(effects[0].fate, Fate::Deleted);
    EXPECT_EQ(effects[0].subject, "backup-2024-01-15");
    EXPECT_EQ(effects[0].basis, "rds:DeleteDBSnapshot");
}

TEST(EventBackupEffects, scheduleKeyDeletionGivesTheWaitingPeriod)
{
    const Attributes request = attributes({{"keyId", AttributeValue::string("1234abcd-12ab-34cd-56ef-1234567890ab")},
        {"pendingWindowInDays", AttributeValue::number("7")}});
    const auto effects = effectsOf("kms.amazonaws.com", "ScheduleKeyDeletion", &request);
    ASSERT_EQ(outline(effects),
        (std::vector<std::string> {"encryption-key scheduled-for-deletion 1234abcd-12ab-34cd-56ef-1234567890ab"}));
    EXPECT_EQ(effects[0].basis,
        "deleted after a waiting period of 7 days unless CancelKeyDeletion; every backup encrypted with it is "
        "unreadable after that (https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html)");
}

TEST(EventBackupEffects, scheduleKeyDeletionWithoutWindowUsesThirtyDays)
{
    const Attributes request = attributes({{"keyId", AttributeValue::string("alias/backups")}});
    const auto effects = effectsOf("kms.amazonaws.com", "ScheduleKeyDeletion", &request);
    ASSERT_EQ(effects.size(), 1U);
    EXPECT_NE(effects[0].basis.find("waiting period of 30 (the default) days"), std::string::npos) << effects[0].basis;
}

TEST(EventBackupEffects, readsAndUnrelatedCallsHaveNone)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("orders")}});
    EXPECT_TRUE(effectsOf("rds.amazonaws.com", "DescribeDBInstances", &request).empty());
    EXPECT_TRUE(effectsOf("rds.amazonaws.com", "ModifyDBInstance", &request).empty());
    EXPECT_TRUE(effectsOf("ec2.amazonaws.com", "TerminateInstances", nullptr).empty());
    EXPECT_TRUE(effectsOf("lightsail.amazonaws.com", "DeleteSnapshot", nullptr).empty());
}

TEST(EventBackupEffects, retentionZeroDeletesAutomatedBackups)
{
    const Attributes request = attributes({{"dBInstanceIdentifier", AttributeValue::string("orders")},
        {"backupRetentionPeriod", AttributeValue::number("0")}});
    EXPECT_EQ(outline(effectsOf("rds.amazonaws.com", "ModifyDBInstance", &request)),
        (std::vector<std::string> {"automated-backups deleted orders"}));
}

} // namespace
