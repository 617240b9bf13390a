// SPDX-License-Identifier: MIT
// The built-in AWS deletion catalogue and the reader of catalogue files (built-in and users' overrides).
#include "blastline/importers/CatalogueReader.h"

#include "blastline/core/Condition.h"
#include "blastline/core/Error.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace blastline;
using core::CatalogueRecoveryPoint;
using importers::CatalogueReader;

namespace {

const core::CatalogueFailure* failure(const core::CatalogueEntry& entry, const std::string& id)
{
    for (const auto& candidate : entry.failures) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

const core::CatalogueRecoveryPoint* recoveryPoint(const core::CatalogueEntry& entry, const std::string& id)
{
    for (const auto& candidate : entry.recoveryPoints) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

core::Truth evaluate(
    const std::string& condition, const core::CatalogueEntry& entry, const core::Attributes& attributes)
{
    return core::Condition::parse(condition, "test").evaluate({attributes, &entry.defaults, nullptr});
}

TEST(CatalogueReader, builtinLoadsEveryRequiredType)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    const std::vector<std::string> types = {"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance",
        "aws_db_snapshot", "aws_db_cluster_snapshot", "aws_s3_bucket", "aws_s3_bucket_versioning",
        "aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_replication_configuration", "aws_dynamodb_table",
        "aws_ebs_volume", "aws_ebs_snapshot", "aws_instance", "aws_efs_file_system", "aws_elasticache_cluster",
        "aws_elasticache_replication_group", "aws_docdb_cluster", "aws_redshift_cluster", "aws_opensearch_domain",
        "aws_lb", "aws_backup_vault", "aws_backup_plan", "aws_backup_selection", "aws_kms_key",
        "aws_secretsmanager_secret", "aws_ecr_repository", "aws_cloudwatch_log_group"};
    for (const std::string& type : types) {
        const core::CatalogueEntry* entry = catalogue.find(type);
        ASSERT_NE(entry, nullptr) << type;
        EXPECT_EQ(entry->type, type);
        EXPECT_FALSE(entry->description.empty()) << type;
        EXPECT_FALSE(entry->deleteActions.empty()) << type;
    }
    EXPECT_EQ(catalogue.entries().size(), types.size());
}

TEST(CatalogueReader, everyClaimHasASource)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin(); // kept alive for the loop
    for (const core::CatalogueEntry& entry : catalogue.entries()) {
        if (entry.dataStore) {
            EXPECT_FALSE(entry.documentation.empty()) << entry.type;
        }
        for (const auto& url : entry.documentation)
            EXPECT_TRUE(url.starts_with("https://")) << entry.type << ": " << url;
        for (const auto& rule : entry.failures) {
            EXPECT_FALSE(rule.source.empty()) << entry.type << "." << rule.id;
            EXPECT_FALSE(rule.error.empty()) << entry.type << "." << rule.id;
        }
        for (const auto& point : entry.recoveryPoints)
            EXPECT_FALSE(point.source.empty()) << entry.type << "." << point.id;
    }
}

TEST(CatalogueReader, dataStoresAndRecoveryPointContainers)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    for (const char* type :
        {"aws_db_instance", "aws_rds_cluster", "aws_s3_bucket", "aws_dynamodb_table", "aws_ebs_volume",
            "aws_efs_file_system", "aws_ecr_repository", "aws_cloudwatch_log_group", "aws_secretsmanager_secret"})
        EXPECT_TRUE(catalogue.find(type)->dataStore) << type;
    for (const char* type : {"aws_db_snapshot", "aws_ebs_snapshot", "aws_backup_vault", "aws_kms_key", "aws_lb"})
        EXPECT_FALSE(catalogue.find(type)->dataStore) << type;
    ASSERT_TRUE(catalogue.find("aws_db_snapshot")->managedRecoveryPoint);
    EXPECT_EQ(catalogue.find("aws_db_snapshot")->managedRecoveryPoint->protectsAttribute, "db_instance_identifier");
    EXPECT_EQ(catalogue.find("aws_s3_bucket")->holdsDataWhen, "$bucket_empty == false");
}

TEST(CatalogueReader, rdsClusterDefaultsAndAutomatedBackupsDeletedRule)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    const core::CatalogueEntry& cluster = *catalogue.find("aws_rds_cluster");
    EXPECT_EQ(cluster.defaults.at("deletion_protection"), core::AttributeValue::boolean(false));
    EXPECT_EQ(cluster.defaults.at("skip_final_snapshot"), core::AttributeValue::boolean(false));
    EXPECT_EQ(cluster.defaults.at("delete_automated_backups"), core::AttributeValue::boolean(true));
    EXPECT_EQ(cluster.defaults.at("backup_retention_period"), core::AttributeValue::number("1"));

    const CatalogueRecoveryPoint* deleted = recoveryPoint(cluster, "automated-backups-deleted");
    ASSERT_NE(deleted, nullptr);
    EXPECT_EQ(deleted->kind, "automated-backups");
    EXPECT_EQ(deleted->effect, CatalogueRecoveryPoint::Effect::Deleted);
    EXPECT_EQ(deleted->retentionDays, "backup_retention_period");

    // With nothing in the state but the defaults, a cluster's 1 day of automated backups dies with it.
    core::Attributes state;
    state.finalize();
    EXPECT_EQ(evaluate(deleted->when, cluster, state), core::Truth::True);
    core::Attributes retained;
    retained.set("delete_automated_backups", core::AttributeValue::boolean(false));
    retained.finalize();
    EXPECT_EQ(evaluate(deleted->when, cluster, retained), core::Truth::False);
    EXPECT_EQ(
        evaluate(recoveryPoint(cluster, "automated-backups-retained")->when, cluster, retained), core::Truth::True);
    EXPECT_EQ(cluster.safeguards.at("retain-automated-backups").at("delete_automated_backups"),
        core::AttributeValue::boolean(false));
}

TEST(CatalogueReader, dbInstanceErrorTextsAreVerbatim)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    const core::CatalogueEntry& instance = *catalogue.find("aws_db_instance");
    ASSERT_NE(failure(instance, "deletion-protection"), nullptr);
    EXPECT_EQ(failure(instance, "deletion-protection")->error,
        "InvalidParameterCombination: Cannot delete protected DB Instance, please disable deletion protection and "
        "try again.");
    EXPECT_EQ(failure(instance, "final-snapshot-identifier-missing")->error,
        "final_snapshot_identifier is required when skip_final_snapshot is false");
    EXPECT_EQ(instance.defaults.at("backup_retention_period"), core::AttributeValue::number("0"));
    EXPECT_EQ(instance.safeguards.at("final-snapshot").at("final_snapshot_identifier"),
        core::AttributeValue::string("${identifier}-final"));
}

TEST(CatalogueReader, aliasesFindTheirEntry)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    ASSERT_NE(catalogue.find("aws_alb"), nullptr);
    EXPECT_EQ(catalogue.find("aws_alb")->type, "aws_lb");
    EXPECT_EQ(catalogue.find("aws_alb")->failures.front().id, "deletion-protection");
    EXPECT_EQ(catalogue.find("aws_not_modelled"), nullptr);
}

TEST(CatalogueReader, instanceTerminationProtectionIsUnknownWithoutProviderVersion)
{
    const core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    const core::CatalogueEntry& instance = *catalogue.find("aws_instance");
    core::Attributes state;
    state.set("disable_api_termination", core::AttributeValue::boolean(true));
    state.finalize();
    const std::string& when = failure(instance, "termination-protection")->when;
    EXPECT_EQ(evaluate(when, instance, state), core::Truth::Unknown);
    const std::map<std::string, core::AttributeValue> old = {
        {"aws_provider_version", core::AttributeValue::string("4.15.1")}};
    const std::map<std::string, core::AttributeValue> recent = {
        {"aws_provider_version", core::AttributeValue::string("5.31.0")},
        {"via_terraform", core::AttributeValue::boolean(true)}};
    const core::Condition condition = core::Condition::parse(when, "test");
    EXPECT_EQ(condition.evaluate({state, &instance.defaults, &old}), core::Truth::True);
    EXPECT_EQ(condition.evaluate({state, &instance.defaults, &recent}), core::Truth::False);
}

const char* kOverride = R"json({"schema": "blastline.deletion-catalogue/1", "entries": [
  {"type": "aws_db_instance", "description": "RDS instance (site rules)", "data_store": true,
   "documentation": ["https://wiki.example.com/rds"], "defaults": {"backup_retention_period": 7},
   "failures": [{"id": "scp", "when": "true", "error": "AccessDenied", "source": "https://wiki.example.com/scp"}]},
  {"type": "aws_neptune_cluster", "description": "Neptune cluster", "data_store": true,
   "documentation": ["https://docs.aws.amazon.com/neptune/"]}]})json";

TEST(CatalogueReader, overrideReplacesEntriesOfTheSameType)
{
    core::DeletionCatalogue catalogue = CatalogueReader::builtin();
    const std::size_t builtinCount = catalogue.entries().size();
    CatalogueReader::readText(kOverride, "site.json", catalogue);
    EXPECT_EQ(catalogue.entries().size(), builtinCount + 1);
    const core::CatalogueEntry& instance = *catalogue.find("aws_db_instance");
    EXPECT_EQ(instance.description, "RDS instance (site rules)");
    EXPECT_EQ(instance.failures.size(), 1u);
    EXPECT_TRUE(instance.recoveryPoints.empty());
    EXPECT_EQ(instance.defaults.at("backup_retention_period"), core::AttributeValue::number("7"));
    EXPECT_NE(catalogue.find("aws_neptune_cluster"), nullptr);
    EXPECT_EQ(catalogue.find("aws_alb")->type, "aws_lb"); // untouched entries stay
}

TEST(CatalogueReader, readFileNamesThePath)
{
    const std::string path = testing::TempDir() + "blastline-catalogue-override.json";
    std::ofstream(path) << kOverride;
    core::DeletionCatalogue catalogue;
    CatalogueReader::readFile(path, catalogue);
    EXPECT_EQ(catalogue.entries().size(), 2u);
    std::ofstream(path) << R"({"schema": "blastline.deletion-catalogue/2", "entries": []})";
    try {
        CatalogueReader::readFile(path, catalogue);
        FAIL() << "read without error";
    } catch (const core::InputError& error) {
        EXPECT_EQ(std::string(error.what()).rfind(path + ": at /schema:", 0), 0u) << error.what();
    }
    std::remove(path.c_str());
}

struct ErrorRow
{
    const char* name;
    std::string json;
    std::vector<std::string> expected; // substrings of the message
};

void PrintTo(const ErrorRow& row, std::ostream* out)
{
    *out << row.name;
}

class CatalogueReaderErrors : public testing::TestWithParam<ErrorRow>
{ };

TEST_P(CatalogueReaderErrors, refusesWithAClearMessage)
{
    const ErrorRow& row = GetParam();
    core::DeletionCatalogue catalogue;
    try {
        CatalogueReader::readText(row.json, "bad.json", catalogue);
        FAIL() << "read without error";
    } catch (const core::InputError& error) {
        const std::string message = error.what();
        EXPECT_TRUE(message.starts_with("bad.json")) << message;
        for (const std::string& part : row.expected)
            EXPECT_NE(message.find(part), std::string::npos) << "missing \"" << part << "\" in: " << message;
    }
    EXPECT_TRUE(catalogue.entries().empty()) << "a broken file must add nothing";
}

std::string withEntry(const std::string& fields)
{
    return R"({"schema": "blastline.deletion-catalogue/1", "entries": [
        {"type": "aws_db_instance", "description": "d", "data_store": false)"
        + (fields.empty() ? "" : ", " + fields) + "}]}";
}

std::string withPoint(const std::string& fields)
{
    return withEntry(R"("recovery_points": [{"id": "p", "kind": "k", "source": "s", )" + fields + "}]");
}

std::vector<ErrorRow> errorRows()
{
    return {
        {"empty", " \n", {"empty", "deletion catalogue"}},
        {"syntax", "{\n  \"schema\": \"x\",\n  }",
            {"bad.json:3:3: syntax error: unexpected '}'", "(while parsing object key)"}},
        {"topLevelArray", "[]", {"top level", "found an array"}},
        {"noSchema", R"({"entries": []})", {"missing \"schema\"", "blastline.deletion-catalogue/1"}},
        {"wrongSchema", R"({"schema": "blastline.deletion-catalogue/9", "entries": []})",
            {"at /schema:", "expected \"blastline.deletion-catalogue/1\""}},
        {"entriesNotArray", R"({"schema": "blastline.deletion-catalogue/1", "entries": {}})",
            {"at /entries:", "found an object"}},
        {"unknownTopField", R"({"schema": "blastline.deletion-catalogue/1", "entries": [], "extra": 1})",
            {"at /extra:", "unknown field"}},
        {"missingType", R"({"schema": "blastline.deletion-catalogue/1", "entries": [{"description": "d"}]})",
            {"at /entries/0:", "missing \"type\""}},
        {"missingDataStore",
            R"({"schema": "blastline.deletion-catalogue/1", "entries": [{"type": "t", "description": "d"}]})",
            {"at /entries/0:", "missing \"data_store\""}},
        {"dataStoreNotBool", withEntry(R"("data_store": "yes")"), {"at /entries/0/data_store:", "found a string"}},
        {"dataStoreWithoutDocs",
            R"({"schema": "blastline.deletion-catalogue/1", "entries": [{"type": "t", "description": "d", "data_store": true}]})",
            {"at /entries/0/documentation:", "documentation URL"}},
        {"misspeltField", withEntry(R"("caveat": [])"), {"at /entries/0/caveat:", "unknown field \"caveat\""}},
        {"badCondition",
            withEntry(R"("failures": [{"id": "dp", "when": "deletion_protection ==", "error": "e", "source": "s"}])"),
            {"bad.json: aws_db_instance.dp: at column", "(at /entries/0/failures/0/when)"}},
        {"badHoldsData", withEntry(R"("holds_data_when": "$bucket_empty = false")"),
            {"aws_db_instance.holds_data_when", "(at /entries/0/holds_data_when)"}},
        {"failureWithoutSource", withEntry(R"("failures": [{"id": "dp", "when": "", "error": "e"}])"),
            {"at /entries/0/failures/0:", "missing \"source\""}},
        {"failureEmptyError", withEntry(R"("failures": [{"id": "dp", "error": "", "source": "s"}])"),
            {"at /entries/0/failures/0/error:", "non-empty string"}},
        {"unknownEffect", withPoint(R"("effect": "kept")"),
            {"at /entries/0/recovery_points/0/effect:", "\"created\", \"deleted\" or \"survives\"", "\"kept\""}},
        {"retentionNotAName", withPoint(R"("effect": "survives", "retention_days": "35 days")"),
            {"at /entries/0/recovery_points/0/retention_days:", "number of days, an attribute path or a $fact"}},
        {"retentionNegative", withPoint(R"("effect": "survives", "retention_days": -1)"),
            {"at /entries/0/recovery_points/0/retention_days:", "found a number (-1)"}},
        {"retentionBoolean", withPoint(R"("effect": "survives", "retention_days": true)"),
            {"/retention_days:", "found a boolean"}},
        {"pointCondition", withPoint(R"("effect": "deleted", "when": "backup_retention_period >")"),
            {"aws_db_instance.p: at column", "(at /entries/0/recovery_points/0/when)"}},
        {"duplicateRuleId",
            withEntry(
                R"("failures": [{"id": "x", "error": "e", "source": "s"}, {"id": "x", "error": "e", "source": "s"}])"),
            {"at /entries/0/failures/1/id:", "\"x\" appears more than once"}},
        {"duplicateType",
            R"({"schema": "blastline.deletion-catalogue/1", "entries": [{"type": "aws_lb", "description": "d", "data_store": false},
                {"type": "aws_alb", "description": "d", "data_store": false, "aliases": ["aws_lb"]}]})",
            {"at /entries/1/type:", "\"aws_lb\" is already described at /entries/0"}},
        {"unknownSafeguard", withEntry(R"("safeguards": {"final_snapshot": {"x": true}})"),
            {"at /entries/0/safeguards/final_snapshot:", "\"final-snapshot\""}},
        {"safeguardValueObject", withEntry(R"("safeguards": {"deletion-protection": {"deletion_protection": {}}})"),
            {"at /entries/0/safeguards/deletion-protection/deletion_protection:", "found an object"}},
        {"defaultsArray", withEntry(R"("defaults": [])"), {"at /entries/0/defaults:", "expected an object"}},
        {"managedWithoutKind",
            withEntry(R"("managed_recovery_point": {"protects_attribute": "a", "identifier_attribute": "b"})"),
            {"at /entries/0/managed_recovery_point:", "missing \"kind\""}},
        {"unclosedTemplate", withPoint(R"("effect": "created", "identifier": "${final_snapshot_identifier")"),
            {"at /entries/0/recovery_points/0/identifier:", "unclosed or empty"}},
        {"emptySafeguardTemplate",
            withEntry(R"("safeguards": {"final-snapshot": {"final_snapshot_identifier": "${}-final"}})"),
            {"at /entries/0/safeguards/final-snapshot/final_snapshot_identifier:", "unclosed or empty"}},
        {"aliasesNotStrings", withEntry(R"("aliases": [1])"), {"at /entries/0/aliases/0:", "expected a string"}},
    };
}

INSTANTIATE_TEST_SUITE_P(Rows, CatalogueReaderErrors, testing::ValuesIn(errorRows()),
    [](const testing::TestParamInfo<ErrorRow>& row) { return std::string(row.param.name); });

} // namespace

TEST(CatalogueReaderLimits, deeplyNestedDocumentsAreRefused)
{
    const std::string nested = "{\"entries\": " + std::string(300, '[') + std::string(300, ']') + "}";
    blastline::core::DeletionCatalogue catalogue;
    try {
        blastline::importers::CatalogueReader::readText(nested, "deep.json", catalogue);
        FAIL() << "read without error";
    } catch (const blastline::core::InputError& error) {
        EXPECT_NE(std::string(error.what()).find("values nested more than 256 levels deep"), std::string::npos)
            << error.what();
    }
    EXPECT_TRUE(catalogue.entries().empty());
}
