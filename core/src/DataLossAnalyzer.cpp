// SPDX-License-Identifier: MIT
#include "DataLossAnalyzer.h"

#include "blastline/core/CatalogueRules.h"
#include "blastline/core/IsoDate.h"

#include <algorithm>
#include <set>

namespace blastline::core {

namespace {

// Facts that are yes-or-no questions about the world: an unknown one can be settled by judging both answers.
const std::set<std::string> kBooleanFacts = {"bucket_empty", "vault_empty", "vault_locked_compliance"};
constexpr std::size_t kMaxEnumeratedFacts = 4;
constexpr double kDefaultKeyWindowDays = 30; // aws_kms_key deletion_window_in_days default (formats.md D.11)

std::string attributeText(const ResourceInstance& instance, const std::string& path)
{
    return instance.attributes.getString(path).value_or("");
}

/** "arn:aws:kms:eu-west-1:123:key/abcd" and "abcd" name the same key. */
std::string keyIdOf(const std::string& keyRef)
{
    const auto slash = keyRef.rfind("key/");
    return slash == std::string::npos ? keyRef : keyRef.substr(slash + 4);
}

bool isSurvivor(const RecoveryPointResult& point)
{
    return point.fate != RecoveryPointFate::Deleted;
}

void appendUnique(std::vector<std::string>& into, const std::vector<std::string>& items)
{
    for (const auto& item : items) {
        if (std::find(into.begin(), into.end(), item) == into.end())
            into.push_back(item);
    }
}

} // namespace

DataLossAnalyzer::DataLossAnalyzer(const ResourceGraph& graph, const DestroySimulation& simulation,
    const CatalogueRules& catalogue, const std::vector<RecoveryPoint>& inventory, const InstanceFacts& facts,
    std::string asOf)
    : m_graph(graph)
    , m_simulation(simulation)
    , m_catalogue(catalogue)
    , m_inventory(inventory)
    , m_facts(facts)
    , m_asOf(std::move(asOf))
{
    for (const auto& op : m_simulation.operations)
        m_operationByNode[op.node.value] = &op;
    for (std::uint32_t i = 0; i < m_graph.nodeCount(); ++i) {
        const ResourceInstance& instance = m_graph.instance(NodeId {i});
        if (instance.type() == "aws_kms_key" && instance.isManaged()) {
            for (const char* path : {"id", "key_id", "arn"}) {
                if (auto value = instance.attributes.getString(path); value && !value->empty()) {
                    m_keys.emplace(keyIdOf(*value), NodeId {i});
                    if (isDeleted(NodeId {i}))
                        m_deletedKeys.emplace(keyIdOf(*value), NodeId {i});
                }
            }
        }
        if (isDeleted(NodeId {i}) && instance.type() == "aws_backup_vault")
            m_deletedVaults.emplace(attributeText(instance, "name"), NodeId {i});
        const CatalogueEntry* entry = m_catalogue.entryFor(instance.type());
        if (entry && entry->managedRecoveryPoint && instance.isManaged()) {
            const std::string protects = attributeText(instance, entry->managedRecoveryPoint->protectsAttribute);
            if (!protects.empty())
                m_managedByProtects.emplace(protects, NodeId {i});
        }
    }
    for (std::size_t i = 0; i < m_inventory.size(); ++i)
        m_inventoryByProtects.emplace(m_inventory[i].protects, i);
}

bool DataLossAnalyzer::isDeleted(NodeId node) const
{
    const auto it = m_operationByNode.find(node.value);
    return it != m_operationByNode.end() && it->second->outcome == OperationOutcome::Done;
}

std::vector<std::string> DataLossAnalyzer::identitiesOf(NodeId node, const CatalogueEntry& entry) const
{
    const ResourceInstance& instance = m_graph.instance(node);
    std::vector<std::string> identities = {instance.addressText};
    std::vector<std::string> paths = entry.identityAttributes;
    paths.insert(paths.end(), {"id", "arn"});
    for (const auto& path : paths) {
        const std::string value = attributeText(instance, path);
        if (!value.empty())
            appendUnique(identities, {value});
    }
    return identities;
}

void DataLossAnalyzer::applyKeyDeletion(RecoveryPointResult& point, const std::string& kmsKeyId) const
{
    if (kmsKeyId.empty())
        return;
    if (const auto known = m_keys.find(keyIdOf(kmsKeyId)); known != m_keys.end())
        point.key = known->second;
    if (!isSurvivor(point))
        return;
    const auto key = m_deletedKeys.find(keyIdOf(kmsKeyId));
    if (key == m_deletedKeys.end())
        return;
    const ResourceInstance& keyInstance = m_graph.instance(key->second);
    const double window = keyInstance.attributes.getNumber("deletion_window_in_days").value_or(kDefaultKeyWindowDays);
    const auto until = IsoDate::addDays(m_asOf, window);
    if (!point.until || (until && *until < *point.until))
        point.until = until;
    point.fate = RecoveryPointFate::Expires;
    point.explanation += (point.explanation.empty() ? "" : "; ") + std::string("encrypted with ")
        + keyInstance.addressText + ", which this destroy schedules for deletion: unrestorable after "
        + point.until.value_or("the key's deletion window");
}

std::vector<RecoveryPointResult> DataLossAnalyzer::recoveryPointsOf(
    NodeId node, const CatalogueEntry& entry, const Facts& facts, std::vector<std::string>& unknowns) const
{
    const ResourceInstance& instance = m_graph.instance(node);
    const std::string storeKey = entry.kmsKeyAttribute.empty() ? "" : attributeText(instance, entry.kmsKeyAttribute);
    std::vector<RecoveryPointResult> points;
    bool automatedDeleted = false;

    for (const auto& outcome : m_catalogue.recoveryPointsOnDelete(instance, &facts)) {
        if (!outcome.certain) {
            appendUnique(unknowns, outcome.unknowns);
            continue;
        }
        RecoveryPointResult point {
            outcome.identifier, outcome.kind, "rule", RecoveryPointFate::Survives, {}, {}, outcome.explanation, {}};
        switch (outcome.effect) {
        case CatalogueRecoveryPoint::Effect::Created:
            point.fate = RecoveryPointFate::Created;
            point.createdAt = m_asOf; // taken by the delete itself: the newest possible
            break;
        case CatalogueRecoveryPoint::Effect::Deleted:
            point.fate = RecoveryPointFate::Deleted;
            automatedDeleted = automatedDeleted || outcome.kind.find("automated") != std::string::npos;
            break;
        case CatalogueRecoveryPoint::Effect::Survives:
            if (outcome.retentionDays) {
                point.fate = RecoveryPointFate::Expires;
                point.until = IsoDate::addDays(m_asOf, *outcome.retentionDays);
            }
            break;
        }
        applyKeyDeletion(point, storeKey);
        points.push_back(std::move(point));
    }

    const auto identities = identitiesOf(node, entry);
    for (const auto& identity : identities) {
        for (auto [it, end] = m_managedByProtects.equal_range(identity); it != end; ++it) {
            const ResourceInstance& snapshot = m_graph.instance(it->second);
            const auto& managed = *m_catalogue.entryFor(snapshot.type())->managedRecoveryPoint;
            const std::string id = attributeText(snapshot, managed.identifierAttribute);
            RecoveryPointResult point {id.empty() ? snapshot.addressText : id, managed.kind, "state",
                RecoveryPointFate::Survives, {}, {}, {}, {}};
            if (isDeleted(it->second)) {
                point.fate = RecoveryPointFate::Deleted;
                point.explanation = snapshot.addressText + " is managed in the same state: the " + runName()
                    + " deletes it too";
            } else {
                point.explanation = snapshot.addressText + " is managed in the same state but is not deleted";
            }
            applyKeyDeletion(point, attributeText(snapshot, managed.kmsKeyAttribute));
            points.push_back(std::move(point));
        }
        for (auto [it, end] = m_inventoryByProtects.equal_range(identity); it != end; ++it) {
            const RecoveryPoint& source = m_inventory[it->second];
            const bool assumed = source.origin == RecoveryPoint::Origin::Assumed;
            RecoveryPointResult point {source.id, source.kind, assumed ? "assumed" : "inventory",
                RecoveryPointFate::Survives, {}, source.createdAt, {}, {}};
            if (source.kind == "automated-backups" || source.kind == "automated-snapshot") {
                // The same backups the catalogue's rule speaks of, listed by AWS: they share that rule's fate.
                point.fate = automatedDeleted ? RecoveryPointFate::Deleted : RecoveryPointFate::Survives;
                point.explanation = automatedDeleted ? "an automated backup: deleted with its data store"
                                                     : "an automated backup that the delete does not remove";
            } else if (const auto vault = m_deletedVaults.find(source.vault);
                       !source.vault.empty() && vault != m_deletedVaults.end()) {
                // The vault's delete went through: with recovery points inside, only force_destroy allows that.
                point.fate = RecoveryPointFate::Deleted;
                point.explanation = "in vault " + source.vault + ", which the " + runName()
                    + " deletes with its recovery points (" + m_graph.instance(vault->second).addressText + ")";
            } else if (assumed) {
                point.explanation = "assumed: " + source.sourceDocument;
            } else {
                point.explanation = "listed in " + source.sourceDocument + ", outside the state: the "
                    + runName() + " does not touch it";
            }
            if (point.fate != RecoveryPointFate::Deleted && source.retentionDays) {
                // Automated backups kept after a delete count their retention from the delete; a point with a
                // fixed lifecycle (a vault rule, a DynamoDB backup expiry) counts from its creation.
                const bool fromDelete = source.kind.find("automated") != std::string::npos || !source.createdAt;
                point.fate = RecoveryPointFate::Expires;
                point.until =
                    IsoDate::addDays(fromDelete ? m_asOf : source.createdAt->substr(0, 10), *source.retentionDays);
            }
            applyKeyDeletion(point, source.kmsKeyId);
            points.push_back(std::move(point));
        }
    }
    return points;
}

DataLossAnalyzer::Branch DataLossAnalyzer::judgeUnder(
    NodeId node, const CatalogueEntry& entry, const Facts& facts) const
{
    Branch branch;
    const ResourceInstance& instance = m_graph.instance(node);
    const auto op = m_operationByNode.find(node.value);
    if (op == m_operationByNode.end()) {
        branch.explanation = m_simulation.kind == "apply" ? std::string("not deleted by the plan")
            : m_simulation.kind == "recorded"             ? std::string("no recorded delete of it")
                                                          : std::string("not in the destroy's scope");
        return branch;
    }
    if (op->second->outcome != OperationOutcome::Done) {
        branch.explanation = std::string(op->second->outcome == OperationOutcome::Failed ? "its delete fails: "
                                                                                         : "its delete is skipped: ")
            + op->second->reason;
        return branch;
    }
    // A recorded delete went through, whatever the catalogue fears about facts nobody knew.
    const bool recorded = m_simulation.kind == "recorded";
    if (auto failure = recorded ? std::nullopt : m_catalogue.deleteFailure(instance, &facts)) {
        if (failure->isCertain()) {
            branch.explanation = "its delete fails: " + failure->errorText;
            return branch;
        }
        appendUnique(branch.unknowns, failure->unknownFacts);
    }
    std::vector<std::string> holdsUnknowns;
    if (m_catalogue.holdsData(instance, &facts, &holdsUnknowns) == Truth::False) {
        branch.judgement = Judgement::NothingToLose;
        branch.explanation = "deleted, but it holds no data";
        return branch;
    }
    appendUnique(branch.unknowns, holdsUnknowns);
    branch.points = recoveryPointsOf(node, entry, facts, branch.unknowns);
    const bool survivor = std::any_of(branch.points.begin(), branch.points.end(), isSurvivor);
    branch.judgement = survivor ? Judgement::Recoverable : Judgement::Lost;
    const std::string what = entry.description.empty() ? std::string("the data store") : entry.description;
    if (op->second->action == "replace")
        branch.explanation = what + " replaced by the plan: the old one is deleted and the new one starts empty";
    else
        branch.explanation = what
            + (m_simulation.kind == "apply" ? " deleted by the plan"
                    : recorded              ? " deleted, as the trail records"
                                            : " deleted by the destroy");
    for (const auto& point : branch.points) {
        if (!point.explanation.empty())
            branch.explanation += "; " + point.explanation;
    }
    branch.explanation += survivor ? "" : "; no recovery point survives";
    return branch;
}

DataStoreResult DataLossAnalyzer::judge(NodeId node, const CatalogueEntry& entry) const
{
    const ResourceInstance& instance = m_graph.instance(node);
    DataStoreResult result;
    result.node = node;
    result.address = instance.displayName();
    result.type = instance.type();

    const Facts base = m_facts.of(instance);
    Branch first = judgeUnder(node, entry, base);
    std::vector<std::string> enumerable;
    std::vector<std::string> unknowable;
    for (const auto& unknown : first.unknowns) {
        const std::string name = unknown.starts_with('$') ? unknown.substr(1) : unknown;
        if (kBooleanFacts.contains(name) && !base.contains(name) && enumerable.size() < kMaxEnumeratedFacts)
            enumerable.push_back(name);
        else
            unknowable.push_back(unknown);
    }

    std::vector<Branch> branches;
    if (enumerable.empty()) {
        branches.push_back(std::move(first));
    } else {
        for (unsigned mask = 0; mask < (1U << enumerable.size()); ++mask) {
            Facts facts = base;
            for (std::size_t i = 0; i < enumerable.size(); ++i)
                facts[enumerable[i]] = AttributeValue::boolean((mask >> i) & 1U);
            branches.push_back(judgeUnder(node, entry, facts));
            for (const auto& unknown : branches.back().unknowns) {
                const std::string name = unknown.starts_with('$') ? unknown.substr(1) : unknown;
                if (std::find(enumerable.begin(), enumerable.end(), name) == enumerable.end())
                    appendUnique(unknowable, {unknown});
            }
        }
    }

    // "Not deleted" and "deleted but empty" lose nothing: for the verdict they are the same answer.
    const auto safe = [](Judgement j) { return j == Judgement::NotDeleted || j == Judgement::NothingToLose; };
    const bool allSafe =
        std::all_of(branches.begin(), branches.end(), [&](const Branch& b) { return safe(b.judgement); });
    const bool allSame = std::all_of(
        branches.begin(), branches.end(), [&](const Branch& b) { return b.judgement == branches.front().judgement; });
    const Branch& shown = branches.front();
    result.recoveryPoints = shown.points;
    if (!unknowable.empty()) {
        result.fate = DataFate::Unknown;
        result.unknownFacts = unknowable;
        result.explanation = shown.explanation + "; unknown: " + unknowable.front();
        for (std::size_t i = 1; i < unknowable.size(); ++i)
            result.explanation += ", " + unknowable[i];
    } else if (allSafe) {
        result.fate = DataFate::Intact;
        result.explanation = shown.explanation;
        if (branches.size() > 1)
            result.explanation = "nothing is lost whatever " + enumerable.front()
                + " is: either the delete is refused or there is nothing to delete";
    } else if (allSame) {
        result.fate = shown.judgement == Judgement::Recoverable ? DataFate::Recoverable : DataFate::Lost;
        result.explanation = shown.explanation;
    } else if (std::none_of(branches.begin(), branches.end(), [](const Branch& b) { return b.judgement == Judgement::Lost; })) {
        // Some branches lose nothing, the others keep a way back: whatever the fact, the data can be brought back.
        const auto recoverable = std::find_if(branches.begin(), branches.end(),
            [](const Branch& b) { return b.judgement == Judgement::Recoverable; });
        result.fate = DataFate::Recoverable;
        result.recoveryPoints = recoverable->points;
        result.explanation = "nothing is lost whatever " + enumerable.front() + " is: " + recoverable->explanation;
    } else {
        result.fate = DataFate::Unknown;
        result.unknownFacts = enumerable;
        result.explanation = "depends on $" + enumerable.front() + ", which is not known: " + shown.explanation;
    }

    if (result.fate == DataFate::Recoverable) {
        bool bounded = true;
        for (const auto& point : result.recoveryPoints) {
            if (!isSurvivor(point))
                continue;
            if (point.createdAt && (!result.newestRecoveryPoint || *point.createdAt > *result.newestRecoveryPoint))
                result.newestRecoveryPoint = point.createdAt;
            if (!point.until)
                bounded = false;
            else if (!result.deadline || *point.until > *result.deadline)
                result.deadline = point.until;
        }
        if (!bounded)
            result.deadline.reset();
        if (result.newestRecoveryPoint)
            result.recoveryPointAgeDays = IsoDate::daysBetween(*result.newestRecoveryPoint, m_asOf);
    }
    return result;
}

DataLossAnalysis DataLossAnalyzer::analyze() const
{
    DataLossAnalysis analysis;
    analysis.unmodelledTypes = m_catalogue.unmodelledTypes(m_graph.state().instances);
    std::set<std::string> typesWithCaveats;
    for (std::uint32_t i = 0; i < m_graph.nodeCount(); ++i) {
        const ResourceInstance& instance = m_graph.instance(NodeId {i});
        const CatalogueEntry* entry = m_catalogue.entryFor(instance.type());
        if (!instance.isManaged() || !entry)
            continue;
        if (typesWithCaveats.insert(entry->type).second) {
            for (const auto& caveat : entry->caveats)
                analysis.caveats.push_back({entry->type, caveat});
        }
        if (entry->dataStore)
            analysis.dataStores.push_back(judge(NodeId {i}, *entry));
    }
    analysis.verdict = Verdict::NoDataLoss;
    for (const auto& store : analysis.dataStores) {
        const Verdict verdict = store.fate == DataFate::Lost ? Verdict::DataLoss
            : store.fate == DataFate::Unknown                ? Verdict::Unknown
            : store.fate == DataFate::Recoverable            ? Verdict::Recoverable
                                                             : Verdict::NoDataLoss;
        analysis.verdict = std::min(analysis.verdict, verdict); // the enum runs from worst to best
    }
    return analysis;
}

} // namespace blastline::core
