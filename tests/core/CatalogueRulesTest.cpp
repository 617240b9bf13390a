// SPDX-License-Identifier: MIT
#include "blastline/core/CatalogueRules.h"

#include "blastline/core/DeletionRules.h"
#include "blastline/core/Error.h"

#include <gtest/gtest.h>

using namespace blastline::core;

namespace {

const AttributeValue kTrue = AttributeValue::boolean(true);
const AttributeValue kFalse = AttributeValue::boolean(false);

constexpr const char* kProtectedError = "InvalidParameterCombination: Cannot delete protected DB Instance";
constexpr const char* kIdentifierError = "final_snapshot_identifier is required when skip_final_snapshot is false";
constexpr const char* kBucketError = "BucketNotEmpty: The bucket you tried to delete is not empty";
constexpr const char* kLbError = "OperationNotPermitted: deletion protection is enabled";

CatalogueEntry dbInstanceEntry()
{
    CatalogueEntry entry;
    entry.type = "aws_db_instance";
    entry.description = "RDS DB instance";
    entry.dataStore = true;
    entry.defaults = {{"skip_final_snapshot", kFalse}, {"delete_automated_backups", kTrue}};
    entry.failures = {
        {"deletion-protection", "deletion_protection == true", kProtectedError, "https://docs.aws/DeleteDBInstance"},
        {"final-snapshot-identifier-missing",
            "skip_final_snapshot == false && (final_snapshot_identifier == null || final_snapshot_identifier == \"\")",
            kIdentifierError, "internal/service/rds/instance.go"},
    };
    entry.recoveryPoints = {
        {"final-snapshot-created", "final-snapshot", CatalogueRecoveryPoint::Effect::Created,
            "skip_final_snapshot == false && final_snapshot_identifier != null && final_snapshot_identifier != \"\"",
            "", "${final_snapshot_identifier}", "final snapshot ${final_snapshot_identifier} of ${identifier} is kept",
            "https://docs.aws/final"},
        {"automated-backups-deleted", "automated-backups", CatalogueRecoveryPoint::Effect::Deleted,
            "backup_retention_period > 0 && delete_automated_backups == true", "", "",
            "automated backups (${backup_retention_period} days) are deleted with the instance", "https://docs.aws/ab"},
        {"automated-backups-retained", "automated-backups", CatalogueRecoveryPoint::Effect::Survives,
            "backup_retention_period > 0 && delete_automated_backups == false", "backup_retention_period", "",
            "automated backups are retained", "https://docs.aws/retained"},
    };
    entry.safeguards = {
        {"final-snapshot",
            {{"skip_final_snapshot", kFalse},
                {"final_snapshot_identifier", AttributeValue::string("${identifier}-final")}}},
        {"deletion-protection", {{"deletion_protection", kTrue}}},
    };
    return entry;
}

CatalogueEntry bucketEntry()
{
    CatalogueEntry entry;
    entry.type = "aws_s3_bucket";
    entry.dataStore = true;
    entry.holdsDataWhen = "$bucket_empty == false";
    entry.defaults = {{"force_destroy", kFalse}};
    entry.failures = {{"bucket-not-empty", "force_destroy == false && $bucket_empty == false", kBucketError, "s3"}};
    return entry;
}

CatalogueEntry tableEntry()
{
    CatalogueEntry entry;
    entry.type = "aws_dynamodb_table";
    entry.dataStore = true;
    entry.recoveryPoints = {{"pitr-system-backup", "system-backup", CatalogueRecoveryPoint::Effect::Survives,
        "point_in_time_recovery.0.enabled == true", "35", "${name}$DeletedTableBackup",
        "a system backup of ${name} is kept for 35 days", "https://docs.aws/pitr"}};
    return entry;
}

CatalogueEntry loadBalancerEntry()
{
    CatalogueEntry entry;
    entry.type = "aws_lb";
    entry.aliases = {"aws_alb"};
    entry.failures = {{"deletion-protection", "enable_deletion_protection", kLbError, "elb"}};
    return entry;
}

CatalogueRules sampleRules()
{
    DeletionCatalogue catalogue;
    CatalogueEntry kmsKey;
    kmsKey.type = "aws_kms_key"; // modelled, but no data store
    for (auto entry : {dbInstanceEntry(), bucketEntry(), tableEntry(), loadBalancerEntry(), kmsKey})
        catalogue.add(std::move(entry));
    return CatalogueRules(std::move(catalogue));
}

ResourceInstance instance(const std::string& address, std::vector<std::pair<std::string, AttributeValue>> attributes)
{
    ResourceInstance result;
    result.address = *ResourceAddress::parse(address);
    result.addressText = result.address.toString();
    for (auto& [path, value] : attributes)
        result.attributes.set(path, std::move(value));
    result.attributes.finalize();
    return result;
}

ResourceInstance database(std::vector<std::pair<std::string, AttributeValue>> attributes)
{
    attributes.emplace_back("identifier", AttributeValue::string("prod-db"));
    return instance("aws_db_instance.main", std::move(attributes));
}

TEST(CatalogueRules, certainFailureNamesTypeAndRule)
{
    const auto failure = sampleRules().deleteFailure(database({{"deletion_protection", kTrue}}));
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->errorText, kProtectedError);
    EXPECT_EQ(failure->rule, "aws_db_instance.deletion-protection");
    EXPECT_EQ(failure->source, "https://docs.aws/DeleteDBInstance");
    EXPECT_TRUE(failure->isCertain());
}

TEST(CatalogueRules, defaultsDecideWhenTheStateLacksTheAttribute)
{
    const CatalogueRules rules = sampleRules();
    // skip_final_snapshot is absent: the default false applies, and the identifier is null.
    const auto failure = rules.deleteFailure(
        database({{"deletion_protection", kFalse}, {"final_snapshot_identifier", AttributeValue::null()}}));
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->rule, "aws_db_instance.final-snapshot-identifier-missing");
    EXPECT_EQ(failure->errorText, kIdentifierError);
    EXPECT_TRUE(failure->isCertain());

    const ResourceInstance skipping = database(
        {{"deletion_protection", kFalse}, {"skip_final_snapshot", AttributeValue::string("true")}}); // flatmap spelling
    EXPECT_FALSE(rules.deleteFailure(skipping).has_value());
}

TEST(CatalogueRules, prefersACertainFailureOverAnEarlierUnknownOne)
{
    // deletion_protection is absent with no default: the first failure is only possible.
    const auto failure = sampleRules().deleteFailure(database({{"final_snapshot_identifier", AttributeValue::null()}}));
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->rule, "aws_db_instance.final-snapshot-identifier-missing");
    EXPECT_TRUE(failure->isCertain());

    const auto possible =
        sampleRules().deleteFailure(database({{"final_snapshot_identifier", AttributeValue::string("prod-db-final")}}));
    ASSERT_TRUE(possible.has_value());
    EXPECT_EQ(possible->rule, "aws_db_instance.deletion-protection");
    EXPECT_EQ(possible->unknownFacts, (std::vector<std::string> {"deletion_protection"}));
}

TEST(CatalogueRules, unknownFactMakesTheFailurePossibleOnly)
{
    const CatalogueRules rules = sampleRules();
    const ResourceInstance bucket = instance("aws_s3_bucket.logs", {{"bucket", AttributeValue::string("logs")}});

    const auto possible = rules.deleteFailure(bucket);
    ASSERT_TRUE(possible.has_value());
    EXPECT_EQ(possible->rule, "aws_s3_bucket.bucket-not-empty");
    EXPECT_FALSE(possible->isCertain());
    EXPECT_EQ(possible->unknownFacts, (std::vector<std::string> {"$bucket_empty"}));

    const CatalogueRules::Facts empty {{"bucket_empty", kTrue}};
    EXPECT_FALSE(rules.deleteFailure(bucket, &empty).has_value());
    const CatalogueRules::Facts full {{"bucket_empty", kFalse}};
    const auto certain = rules.deleteFailure(bucket, &full);
    ASSERT_TRUE(certain.has_value());
    EXPECT_TRUE(certain->isCertain());
    EXPECT_EQ(certain->errorText, kBucketError);

    const ResourceInstance forced = instance("aws_s3_bucket.logs", {{"force_destroy", kTrue}});
    EXPECT_FALSE(rules.deleteFailure(forced).has_value()); // Kleene: false && unknown is false
}

TEST(CatalogueRules, deletionRulePlugsIntoDeletionRulesAndOwnsItsFacts)
{
    DeletionRules deletionRules;
    {
        const CatalogueRules rules = sampleRules();
        const CatalogueRules::Facts facts {{"bucket_empty", kFalse}};
        deletionRules.add(rules.deletionRule(&facts));
    } // the rule outlives both the CatalogueRules and the facts it was made from
    ASSERT_EQ(deletionRules.rules().size(), 1U);
    EXPECT_EQ(deletionRules.rules().front()->name(), "catalogue");
    const auto failure = deletionRules.deleteFailure(instance("aws_s3_bucket.logs", {}));
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->rule, "aws_s3_bucket.bucket-not-empty");
    EXPECT_TRUE(failure->isCertain());
    EXPECT_FALSE(deletionRules.deleteFailure(instance("aws_vpc.main", {})).has_value());
}

TEST(CatalogueRules, finalSnapshotCreatedAndRetainedBackupsSurvive)
{
    const auto outcomes = sampleRules().recoveryPointsOnDelete(database(
        {{"skip_final_snapshot", kFalse}, {"final_snapshot_identifier", AttributeValue::string("prod-db-final-2024")},
            {"backup_retention_period", AttributeValue::string("14")}, // flatmap spelling of a number
            {"delete_automated_backups", kFalse}}));
    ASSERT_EQ(outcomes.size(), 2U);

    const RecoveryPointOutcome& snapshot = outcomes[0];
    EXPECT_EQ(snapshot.ruleId, "final-snapshot-created");
    EXPECT_EQ(snapshot.kind, "final-snapshot");
    EXPECT_EQ(snapshot.effect, CatalogueRecoveryPoint::Effect::Created);
    EXPECT_EQ(snapshot.identifier, "prod-db-final-2024");
    EXPECT_EQ(snapshot.explanation, "final snapshot prod-db-final-2024 of prod-db is kept");
    EXPECT_EQ(snapshot.source, "https://docs.aws/final");
    EXPECT_FALSE(snapshot.retentionDays.has_value());
    EXPECT_TRUE(snapshot.certain);
    EXPECT_TRUE(snapshot.unknowns.empty());

    const RecoveryPointOutcome& retained = outcomes[1];
    EXPECT_EQ(retained.ruleId, "automated-backups-retained");
    EXPECT_EQ(retained.effect, CatalogueRecoveryPoint::Effect::Survives);
    EXPECT_EQ(retained.retentionDays, 14.0);
    EXPECT_EQ(retained.identifier, "aws_db_instance.main:automated-backups"); // empty template: generated
    EXPECT_TRUE(retained.certain);
}

TEST(CatalogueRules, automatedBackupsDeletedByDefault)
{
    const auto outcomes = sampleRules().recoveryPointsOnDelete(
        database({{"skip_final_snapshot", kTrue}, {"final_snapshot_identifier", AttributeValue::null()},
            {"backup_retention_period", AttributeValue::number("7")}}));
    ASSERT_EQ(outcomes.size(), 1U);
    EXPECT_EQ(outcomes[0].ruleId, "automated-backups-deleted");
    EXPECT_EQ(outcomes[0].effect, CatalogueRecoveryPoint::Effect::Deleted);
    EXPECT_EQ(outcomes[0].explanation, "automated backups (7 days) are deleted with the instance");
    EXPECT_FALSE(outcomes[0].retentionDays.has_value());
    EXPECT_TRUE(outcomes[0].certain);
}

TEST(CatalogueRules, unknownRecoveryPointIsReportedUncertain)
{
    // backup_retention_period absent, no default: whether automated backups exist is unknown.
    const auto outcomes = sampleRules().recoveryPointsOnDelete(database({{"skip_final_snapshot", kTrue}}));
    ASSERT_EQ(outcomes.size(), 1U);
    EXPECT_EQ(outcomes[0].ruleId, "automated-backups-deleted");
    EXPECT_FALSE(outcomes[0].certain);
    EXPECT_EQ(outcomes[0].unknowns, (std::vector<std::string> {"backup_retention_period"}));
    EXPECT_EQ(outcomes[0].explanation, "automated backups ((unknown) days) are deleted with the instance");

    // A retained backup whose retention cannot be read is not "unbounded": the attribute is named.
    const auto retained = sampleRules().recoveryPointsOnDelete(
        database({{"skip_final_snapshot", kTrue}, {"delete_automated_backups", kFalse}}));
    ASSERT_EQ(retained.size(), 1U);
    EXPECT_EQ(retained[0].ruleId, "automated-backups-retained");
    EXPECT_FALSE(retained[0].retentionDays.has_value());
    EXPECT_EQ(retained[0].unknowns, (std::vector<std::string> {"backup_retention_period"}));
}

TEST(CatalogueRules, retentionFromANumberAndIdentifierTemplate)
{
    const CatalogueRules rules = sampleRules();
    const auto outcomes = rules.recoveryPointsOnDelete(instance("aws_dynamodb_table.orders",
        {{"name", AttributeValue::string("orders")}, {"point_in_time_recovery.0.enabled", kTrue}}));
    ASSERT_EQ(outcomes.size(), 1U);
    EXPECT_EQ(outcomes[0].retentionDays, 35.0);
    EXPECT_EQ(outcomes[0].identifier, "orders$DeletedTableBackup");
    EXPECT_EQ(outcomes[0].explanation, "a system backup of orders is kept for 35 days");
    EXPECT_EQ(outcomes[0].kind, "system-backup");

    // The name is unknown: "(unknown)$DeletedTableBackup" is no identifier, the generated one is used.
    const auto unnamed = rules.recoveryPointsOnDelete(
        instance("aws_dynamodb_table.orders", {{"point_in_time_recovery.0.enabled", kTrue}}));
    ASSERT_EQ(unnamed.size(), 1U);
    EXPECT_EQ(unnamed[0].identifier, "aws_dynamodb_table.orders:system-backup");

    const ResourceInstance off = instance("aws_dynamodb_table.orders", {{"point_in_time_recovery.0.enabled", kFalse}});
    EXPECT_TRUE(rules.recoveryPointsOnDelete(off).empty());
}

TEST(CatalogueRules, holdsDataOnlyForDataStoresOfManagedResources)
{
    const CatalogueRules rules = sampleRules();
    const ResourceInstance bucket = instance("aws_s3_bucket.logs", {});
    std::vector<std::string> unknowns;
    EXPECT_EQ(rules.holdsData(bucket, nullptr, &unknowns), Truth::Unknown);
    EXPECT_EQ(unknowns, (std::vector<std::string> {"$bucket_empty"}));
    const CatalogueRules::Facts empty {{"bucket_empty", kTrue}};
    EXPECT_EQ(rules.holdsData(bucket, &empty), Truth::False);
    EXPECT_EQ(rules.holdsData(database({})), Truth::True);
    EXPECT_EQ(rules.holdsData(instance("aws_kms_key.main", {})), Truth::False);
    EXPECT_EQ(rules.holdsData(instance("aws_vpc.main", {})), Truth::False);

    // Data sources are read, never deleted: no failure, no recovery point, no data at stake.
    const ResourceInstance data = instance("data.aws_db_instance.main", {{"deletion_protection", kTrue}});
    EXPECT_FALSE(rules.deleteFailure(data).has_value());
    EXPECT_TRUE(rules.recoveryPointsOnDelete(data).empty());
    EXPECT_EQ(rules.holdsData(data), Truth::False);
}

TEST(CatalogueRules, aliasesFindTheEntry)
{
    const CatalogueRules rules = sampleRules();
    ASSERT_NE(rules.entryFor("aws_alb"), nullptr);
    EXPECT_EQ(rules.entryFor("aws_alb")->type, "aws_lb");
    EXPECT_EQ(rules.entryFor("aws_vpc"), nullptr);
    const auto failure = rules.deleteFailure(instance("aws_alb.front", {{"enable_deletion_protection", kTrue}}));
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->rule, "aws_lb.deletion-protection");
    EXPECT_EQ(failure->errorText, kLbError);
}

TEST(CatalogueRules, compilesTheEntryThatReplacedAnEarlierOne)
{
    DeletionCatalogue catalogue;
    catalogue.add(loadBalancerEntry());
    CatalogueEntry replacement = loadBalancerEntry();
    replacement.failures = {{"never", "false", "no", "user file"}};
    catalogue.add(replacement);
    const CatalogueRules rules(catalogue);
    const ResourceInstance lb = instance("aws_alb.front", {{"enable_deletion_protection", kTrue}});
    EXPECT_FALSE(rules.deleteFailure(lb).has_value());
}

TEST(CatalogueRules, unmodelledTypesAreSortedUniqueManagedTypes)
{
    const std::vector<ResourceInstance> instances {instance("aws_vpc.main", {}), instance("aws_db_instance.main", {}),
        instance("module.net.aws_subnet.a[0]", {}), instance("aws_vpc.other", {}), instance("aws_alb.front", {}),
        instance("data.aws_iam_policy_document.p", {})};
    EXPECT_EQ(sampleRules().unmodelledTypes(instances), (std::vector<std::string> {"aws_subnet", "aws_vpc"}));
}

TEST(CatalogueRules, applySafeguardSetsTemplatedAttributes)
{
    const CatalogueRules rules = sampleRules();
    ResourceInstance db = database({{"skip_final_snapshot", kTrue},
        {"final_snapshot_identifier", AttributeValue::null()}, {"deletion_protection", kFalse}});
    EXPECT_FALSE(rules.deleteFailure(db).has_value());

    rules.applySafeguard("final-snapshot", db);
    EXPECT_EQ(db.attributes.getBool("skip_final_snapshot"), false);
    EXPECT_EQ(db.attributes.getString("final_snapshot_identifier"), "prod-db-final");
    const auto outcomes = rules.recoveryPointsOnDelete(db);
    ASSERT_FALSE(outcomes.empty());
    EXPECT_EQ(outcomes[0].ruleId, "final-snapshot-created");
    EXPECT_EQ(outcomes[0].identifier, "prod-db-final");

    rules.applySafeguard("deletion-protection", db);
    const auto failure = rules.deleteFailure(db);
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->rule, "aws_db_instance.deletion-protection");

    const std::size_t before = db.attributes.size();
    rules.applySafeguard("no-such-safeguard", db);
    EXPECT_EQ(db.attributes.size(), before);
    ResourceInstance vpc = instance("aws_vpc.main", {{"cidr_block", AttributeValue::string("10.0.0.0/16")}});
    rules.applySafeguard("final-snapshot", vpc);
    EXPECT_EQ(vpc.attributes.size(), 1U);
}

std::string loadError(const CatalogueEntry& entry)
{
    DeletionCatalogue catalogue;
    catalogue.add(entry);
    try {
        CatalogueRules rules(catalogue);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

TEST(CatalogueRules, malformedConditionsAndTemplatesAreInputErrorsNamingTheRule)
{
    CatalogueEntry entry = dbInstanceEntry();
    entry.failures[1].when = "skip_final_snapshot = false";
    EXPECT_EQ(loadError(entry),
        "catalogue entry aws_db_instance, rule final-snapshot-identifier-missing, when: at column 21: expected '==', "
        "found '='");

    entry = dbInstanceEntry();
    entry.recoveryPoints[2].when = "backup_retention_period > 0 &&";
    EXPECT_EQ(loadError(entry),
        "catalogue entry aws_db_instance, rule automated-backups-retained, when: at column 31: expected a value "
        "(attribute path, $fact, literal, function call or '('), found end of condition");

    entry = dbInstanceEntry();
    entry.recoveryPoints[0].identifier = "snap-${final_snapshot_identifier";
    EXPECT_EQ(loadError(entry),
        "catalogue entry aws_db_instance, rule final-snapshot-created, identifier: at column 6: expected '}' to close "
        "'${', found end of template");

    entry = bucketEntry();
    entry.holdsDataWhen = "$bucket_empty == nope(";
    EXPECT_EQ(loadError(entry),
        "catalogue entry aws_s3_bucket, holdsDataWhen: at column 18: expected a known function (version_at_least), "
        "found 'nope'");

    entry = dbInstanceEntry();
    entry.safeguards["final-snapshot"]["final_snapshot_identifier"] = AttributeValue::string("${}-final");
    EXPECT_EQ(loadError(entry),
        "catalogue entry aws_db_instance, safeguard final-snapshot, final_snapshot_identifier: at column 3: expected "
        "an attribute path or $fact, found '}'");
}

} // namespace
