// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/**
 * What Blastline knows of how AWS and the Terraform AWS provider delete one resource type, as data.
 * The built-in catalogue and a user's override file (read by importers::CatalogueReader) have this
 * shape; docs/deletion-rules.md lists every entry with its sources. Conditions are text in the small
 * language of core::Condition ("skip_final_snapshot == false && final_snapshot_identifier == null").
 */
struct CatalogueFailure
{
    std::string id; // "deletion-protection"
    std::string when; // condition over the instance's state attributes (with the entry's defaults)
    std::string error; // the exact error text AWS or the provider returns
    std::string source; // documentation URL or provider source path
};

struct CatalogueRecoveryPoint
{
    enum class Effect
    {
        Created, // the delete creates it (a final snapshot)
        Deleted, // the delete destroys it (automated backups by default)
        Survives // it outlives the delete, possibly for a bounded time (retained backups, a recovery window)
    };
    std::string id; // "automated-backups-deleted"
    std::string kind; // "automated-backups", "final-snapshot", "system-backup", "recovery-window", ...
    Effect effect = Effect::Deleted;
    std::string when; // condition; the rule applies only when it holds
    std::string retentionDays; // a number or an attribute name giving days; empty = not bounded
    std::string identifier; // template for the recovery point's id, "${final_snapshot_identifier}"; empty = generated
    std::string explanation; // plain words, a template over attributes: "automated backups (${backup_retention_period}
                             // days) are deleted with the cluster"
    std::string source;
};

const char* toString(CatalogueRecoveryPoint::Effect effect); // "created", "deleted", "survives"

/** For a type that is itself a recovery point managed in the state (aws_db_snapshot). */
struct CatalogueManagedRecoveryPoint
{
    std::string kind; // "manual-snapshot"
    std::string protectsAttribute; // "db_instance_identifier": names the data store it restores
    std::string identifierAttribute; // "db_snapshot_identifier"
    std::string kmsKeyAttribute; // "kms_key_id"
};

struct CatalogueEntry
{
    std::string type; // "aws_db_instance"
    std::vector<std::string> aliases; // "aws_alb" for "aws_lb"
    std::string description; // "RDS DB instance", used in explanations
    bool dataStore = false;
    /** When a data store holds data worth a verdict (S3: "$bucket_empty == false"); empty = always. */
    std::string holdsDataWhen;
    std::vector<std::string> documentation; // URLs the entry follows
    /** Values assumed when the state lacks the attribute (provider defaults, with the doc that says so). */
    std::map<std::string, AttributeValue> defaults;
    /** Attributes whose values name the data store (matched against a recovery point's `protects`). */
    std::vector<std::string> identityAttributes;
    std::string kmsKeyAttribute; // "kms_key_id"; empty when the type is not encrypted with a KMS key
    std::vector<CatalogueFailure> failures;
    std::vector<CatalogueRecoveryPoint> recoveryPoints;
    std::optional<CatalogueManagedRecoveryPoint> managedRecoveryPoint;
    /** The IAM actions its delete calls ("rds:DeleteDBCluster"), for the scp-deny-delete safeguard. */
    std::vector<std::string> deleteActions;
    /** Per safeguard name, the attributes it sets on this type ("deletion-protection": {deletion_protection: true}). */
    std::map<std::string, std::map<std::string, AttributeValue>> safeguards;
    /**
     * The service that can keep a backup of this type outside the state and the account (e.g. "AWS
     * Backup"), which the independent-backups safeguard assumes; empty when there is none.
     */
    std::string independentBackup;
    /** Things the entry cannot know, said in every result that involves the type. */
    std::vector<std::string> caveats;
};

/** The entries by type; a later entry for the same type (a user's file) replaces the earlier one. */
class DeletionCatalogue
{
public:
    void add(CatalogueEntry entry);
    /** The entry for a type or one of its aliases; nullptr for unmodelled types. */
    const CatalogueEntry* find(const std::string& type) const;
    const std::vector<CatalogueEntry>& entries() const { return m_entries; }

private:
    std::vector<CatalogueEntry> m_entries;
    std::map<std::string, std::size_t> m_byType; // type and aliases -> index
};

} // namespace blastline::core
