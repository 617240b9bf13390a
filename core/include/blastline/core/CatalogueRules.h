// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/AttributeValue.h"
#include "blastline/core/Condition.h"
#include "blastline/core/DeletionCatalogue.h"
#include "blastline/core/DeletionRule.h"
#include "blastline/core/ResourceInstance.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** What one `recovery_points` rule of the catalogue says happens when an instance is deleted. */
struct RecoveryPointOutcome
{
    std::string ruleId; // the catalogue rule's id, "automated-backups-deleted"
    std::string kind; // "final-snapshot", "automated-backups", ...
    CatalogueRecoveryPoint::Effect effect = CatalogueRecoveryPoint::Effect::Deleted;
    std::optional<double> retentionDays; // nullopt: not bounded, or unreadable (then named in `unknowns`)
    std::string identifier; // the expanded template; "<address>:<kind>" when it is empty or could not be filled
    std::string explanation;
    std::string source;
    /** The attributes and $facts nobody knows that the rule's `when` (or its retention) depends on. */
    std::vector<std::string> unknowns;
    bool certain = true; // false: the `when` is Unknown, the outcome happens only if the unknowns are as feared
};

/**
 * A DeletionCatalogue with every condition compiled once, answering what the destroy engine and the data-loss
 * report ask of it. Copies are cheap and share the compiled catalogue; so does the DeletionRule it hands out,
 * which may therefore outlive this object. Thread-safe for concurrent const use.
 */
class CatalogueRules
{
public:
    using Facts = std::map<std::string, AttributeValue>;
    using RecoveryPointOutcome = core::RecoveryPointOutcome;

    /** Throws InputError naming the type and the rule id when a condition or template is malformed. */
    explicit CatalogueRules(DeletionCatalogue catalogue);

    const DeletionCatalogue& catalogue() const;
    /** The entry for a type or one of its aliases; nullptr when the catalogue does not model it. */
    const CatalogueEntry* entryFor(const std::string& type) const;

    /**
     * The catalogue's failures as one rule for core::DeletionRules ("catalogue"). `facts` are copied: the
     * rule does not depend on the map's lifetime.
     */
    std::unique_ptr<DeletionRule> deletionRule(const Facts* facts = nullptr) const;
    /**
     * The first failure whose `when` is True ("<type>.<id>"); else the first whose `when` is Unknown, with
     * unknownFacts naming what nobody knows; nullopt when the delete goes through. Data sources never fail.
     */
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance, const Facts* facts = nullptr) const;

    /** Every recovery-point rule of the instance's entry whose `when` is True or Unknown, in catalogue order. */
    std::vector<RecoveryPointOutcome> recoveryPointsOnDelete(
        const ResourceInstance& instance, const Facts* facts = nullptr) const;

    /**
     * Whether the instance holds data worth a verdict: False for unmodelled types, non-data-stores and data
     * sources; True for data stores with an empty holdsDataWhen; else that condition. `unknowns` receives
     * what made it Unknown.
     */
    Truth holdsData(const ResourceInstance& instance, const Facts* facts = nullptr,
        std::vector<std::string>* unknowns = nullptr) const;

    /** The managed resource types among `instances` that no entry models, sorted and unique. */
    std::vector<std::string> unmodelledTypes(const std::vector<ResourceInstance>& instances) const;

    /**
     * Sets the attributes the instance's entry lists under `safeguards[safeguard]` (string values are
     * templates over the instance's attributes before the change, "${identifier}-final"), for a
     * counterfactual run. Does nothing when the type is unmodelled or the entry lacks that safeguard.
     */
    void applySafeguard(const std::string& safeguard, ResourceInstance& instance) const;

private:
    struct Compiled;
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace blastline::core
