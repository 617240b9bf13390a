// SPDX-License-Identifier: MIT
// EventRules::backupEffects: which backups a CloudTrail call took with it (formats.md D.1, D.2, E.8).
#include "blastline/core/EventRules.h"

#include <optional>
#include <string_view>

namespace blastline::core {

namespace {

constexpr std::string_view kDeleteInstanceApi =
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html";
constexpr std::string_view kDeleteClusterApi =
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBCluster.html";
constexpr std::string_view kScheduleKeyDeletionApi =
    "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html";

std::optional<bool> boolParameter(const Attributes* request, std::string_view name)
{
    return request == nullptr ? std::nullopt : request->getBool(name);
}

std::string stringParameter(const Attributes* attributes, std::string_view name)
{
    if (attributes == nullptr)
        return {};
    return attributes->getString(name).value_or(std::string());
}

std::string concat(std::initializer_list<std::string_view> parts)
{
    std::string text;
    for (std::string_view part : parts)
        text += part;
    return text;
}

BackupEffect automatedBackups(const Attributes* request, std::string_view what, std::string_view api)
{
    BackupEffect effect {BackupEffect::Kind::AutomatedBackups, BackupEffect::Fate::Deleted, {}, {}};
    if (boolParameter(request, "deleteAutomatedBackups") == false) {
        effect.fate = BackupEffect::Fate::Kept;
        effect.basis =
            concat({"deleteAutomatedBackups is false: retained until their retention period ends (", api, ")"});
    } else if (request != nullptr && request->contains("deleteAutomatedBackups")) {
        effect.basis = concat({"deleteAutomatedBackups is true in the request (", api, ")"});
    } else {
        effect.basis = concat({"deleteAutomatedBackups is not in the request; the API removes the ", what,
            "'s automated backups by default (", api, ")"});
    }
    return effect;
}

BackupEffect finalSnapshot(const Attributes* request, std::string_view api)
{
    BackupEffect effect {BackupEffect::Kind::FinalSnapshot, BackupEffect::Fate::Unknown, {}, {}};
    const std::optional<bool> skip = boolParameter(request, "skipFinalSnapshot");
    effect.subject = stringParameter(request, "finalDBSnapshotIdentifier");
    if (effect.subject.empty()) // the wrong name Panther's sample uses, which some tools may copy
        effect.subject = stringParameter(request, "finalDBClusterSnapshotIdentifier");
    if (skip == true) {
        effect.fate = BackupEffect::Fate::NotTaken;
        effect.basis = concat({"skipFinalSnapshot is true in the request (", api, ")"});
    } else if (!effect.subject.empty()) {
        effect.fate = BackupEffect::Fate::Created;
        effect.basis = concat({"skipFinalSnapshot is false and the request names the final snapshot (", api, ")"});
    } else {
        effect.basis = concat({"the request names no final snapshot; the API rejects skipFinalSnapshot false "
                               "without one, so unless the call failed a snapshot was skipped (",
            api, ")"});
    }
    return effect;
}

/** DeleteDBInstance of an Aurora member: the cluster owns the backups, so the instance's parameters do nothing. */
bool isClusterMember(const EventFacts& facts)
{
    return !stringParameter(facts.responseElements, "dBClusterIdentifier").empty();
}

std::vector<BackupEffect> rdsEffects(const EventFacts& facts)
{
    const std::string_view name = facts.eventName;
    const Attributes* request = facts.requestParameters;
    if (name == "DeleteDBInstance" && !isClusterMember(facts))
        return {automatedBackups(request, "instance", kDeleteInstanceApi), finalSnapshot(request, kDeleteInstanceApi)};
    if (name == "DeleteDBCluster")
        return {automatedBackups(request, "cluster", kDeleteClusterApi), finalSnapshot(request, kDeleteClusterApi)};
    if (name == "DeleteDBSnapshot" || name == "DeleteDBClusterSnapshot") {
        std::string subject = stringParameter(request, "dBSnapshotIdentifier");
        if (subject.empty())
            subject = stringParameter(request, "dBClusterSnapshotIdentifier");
        return {{BackupEffect::Kind::Snapshot, BackupEffect::Fate::Deleted, subject, concat({"rds:", name})}};
    }
    if (name == "DeleteDBInstanceAutomatedBackup" || name == "DeleteDBClusterAutomatedBackup") {
        std::string subject = stringParameter(request, "dbiResourceId");
        if (subject.empty())
            subject = stringParameter(request, "dbClusterResourceId");
        if (subject.empty())
            subject = stringParameter(request, "dBInstanceAutomatedBackupsArn");
        return {{BackupEffect::Kind::AutomatedBackups, BackupEffect::Fate::Deleted, subject, concat({"rds:", name})}};
    }
    if (name == "ModifyDBInstance" && request != nullptr && request->getNumber("backupRetentionPeriod") == 0.0) {
        return {{BackupEffect::Kind::AutomatedBackups, BackupEffect::Fate::Deleted,
            stringParameter(request, "dBInstanceIdentifier"),
            "backupRetentionPeriod 0 turns automated backups off and deletes the existing ones "
            "(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html)"}};
    }
    return {};
}

} // namespace

std::vector<BackupEffect> EventRules::backupEffects(const EventFacts& facts)
{
    const std::string_view service = EventRules::serviceOf(facts.eventSource);
    const std::string_view name = facts.eventName;
    const Attributes* request = facts.requestParameters;
    if (service == "rds")
        return rdsEffects(facts);
    if (service == "ec2" && name == "DeleteSnapshot")
        return {{BackupEffect::Kind::Snapshot, BackupEffect::Fate::Deleted, stringParameter(request, "snapshotId"),
            "ec2:DeleteSnapshot"}};
    if (service == "dynamodb" && name == "DeleteBackup")
        return {{BackupEffect::Kind::Snapshot, BackupEffect::Fate::Deleted, stringParameter(request, "backupArn"),
            "dynamodb:DeleteBackup"}};
    if (service == "elasticache" && name == "DeleteSnapshot")
        return {{BackupEffect::Kind::Snapshot, BackupEffect::Fate::Deleted, stringParameter(request, "snapshotName"),
            "elasticache:DeleteSnapshot"}};
    if (service == "backup" && name == "DeleteRecoveryPoint")
        return {{BackupEffect::Kind::RecoveryPoint, BackupEffect::Fate::Deleted,
            stringParameter(request, "recoveryPointArn"), "backup:DeleteRecoveryPoint"}};
    if (service == "kms" && name == "ScheduleKeyDeletion") {
        std::string window = stringParameter(request, "pendingWindowInDays");
        if (window.empty())
            window = "30 (the default)";
        return {{BackupEffect::Kind::EncryptionKey, BackupEffect::Fate::ScheduledForDeletion,
            stringParameter(request, "keyId"),
            concat({"deleted after a waiting period of ", window,
                " days unless CancelKeyDeletion; every backup encrypted with it is unreadable after that (",
                kScheduleKeyDeletionApi, ")"})}};
    }
    return {};
}

} // namespace blastline::core
