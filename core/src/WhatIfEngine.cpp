// SPDX-License-Identifier: MIT
#include "blastline/core/WhatIfEngine.h"

#include "DataLossAnalyzer.h"
#include "InstanceFacts.h"
#include "RecordedHistory.h"
#include "rules/CatalogueDeletionRule.h"
#include "rules/ScpDenyDeleteRule.h"

#include "blastline/core/CatalogueRules.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace blastline::core {

namespace {

bool isDataStore(const CatalogueRules& catalogue, const ResourceInstance& instance)
{
    const CatalogueEntry* entry = catalogue.entryFor(instance.type());
    return instance.isManaged() && entry && entry->dataStore;
}

/** `removed { from = X }` names a resource or a whole module: both forget everything under X. */
bool isUnder(const std::string& configAddress, const std::string& from)
{
    return configAddress == from
        || (configAddress.size() > from.size() && configAddress.compare(0, from.size(), from) == 0
            && configAddress[from.size()] == '.');
}

// Terraform's error, internal/terraform/node_resource_abstract_instance.go checkPreventDestroy (formats.md C.4).
std::string preventDestroyMessage(const std::string& address)
{
    return "Error: Instance cannot be destroyed: Resource " + address
        + " has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this "
          "error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the "
          "plan using the -target option.";
}

ConfigResource& configResourceFor(TerraformConfiguration& configuration, const ResourceInstance& instance)
{
    const std::string address = instance.address.configString();
    for (auto& resource : configuration.resources) {
        if (resource.address == address)
            return resource;
    }
    ConfigResource added;
    added.address = address;
    added.type = instance.type();
    added.name = instance.address.name;
    configuration.resources.push_back(std::move(added));
    return configuration.resources.back();
}

/**
 * The safeguards that still act on calls made outside Terraform (a console, a script): deletion protection, an SCP
 * and backups elsewhere do; prevent_destroy is Terraform's configuration, and a final snapshot or kept automated
 * backups are parameters of the delete call, which the recorded caller chose. Those are left out, and said so.
 */
std::vector<Safeguard> outsideTerraform(const std::vector<Safeguard>& safeguards, std::vector<std::string>& notes)
{
    std::vector<Safeguard> kept;
    for (const Safeguard safeguard : safeguards) {
        const bool terraformOnly = safeguard == Safeguard::PreventDestroy || safeguard == Safeguard::FinalSnapshot
            || safeguard == Safeguard::RetainAutomatedBackups;
        if (!terraformOnly) {
            kept.push_back(safeguard);
            continue;
        }
        notes.push_back(std::string(toString(safeguard))
            + " changes nothing here: it acts through Terraform (its configuration, or the parameters of the delete "
              "call it makes), and the recorded calls were made outside Terraform with their own parameters");
    }
    return kept;
}

/**
 * The run's facts: the inputs' own, and $via_terraform, which tells the rules whether the deletes go through the
 * provider (a destroy, an apply) or are calls a trail recorded from elsewhere (a console, a script): the provider
 * lifts some protections before deleting, a bare API call does not.
 */
Facts runFacts(const WhatIfInputs& inputs, bool viaTerraform)
{
    Facts facts = inputs.facts;
    facts.try_emplace("via_terraform", AttributeValue::boolean(viaTerraform));
    return facts;
}

/** Applies the safeguards that transform inputs; returns whether the SCP rule is to be added. */
bool applySafeguards(const std::vector<Safeguard>& safeguards, const CatalogueRules& catalogue, TerraformState& state,
    std::optional<TerraformConfiguration>& configuration, std::vector<RecoveryPoint>& inventory)
{
    bool scp = false;
    for (const Safeguard safeguard : safeguards) {
        switch (safeguard) {
        case Safeguard::DeletionProtection:
        case Safeguard::FinalSnapshot:
        case Safeguard::RetainAutomatedBackups:
            for (auto& instance : state.instances) {
                if (instance.isManaged())
                    catalogue.applySafeguard(toString(safeguard), instance);
            }
            break;
        case Safeguard::PreventDestroy:
            if (!configuration)
                configuration.emplace();
            for (const auto& instance : state.instances) {
                if (isDataStore(catalogue, instance))
                    configResourceFor(*configuration, instance).preventDestroy = true;
            }
            break;
        case Safeguard::IndependentBackups:
            // Only where a service can hold such a backup: nothing backs up a log group or an ECR
            // repository into another account, and assuming it would invent a recovery point.
            for (const auto& instance : state.instances) {
                if (!isDataStore(catalogue, instance) || instance.isDeposed())
                    continue;
                const std::string& service = catalogue.entryFor(instance.type())->independentBackup;
                if (service.empty())
                    continue;
                RecoveryPoint point;
                point.id = "independent-backup:" + instance.addressText;
                point.kind = "independent-backup";
                point.origin = RecoveryPoint::Origin::Assumed;
                point.protects = instance.addressText;
                point.sourceDocument = "independent-backups: " + service
                    + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html)";
                point.account = "another account";
                inventory.push_back(std::move(point));
            }
            break;
        case Safeguard::ScpDenyDelete:
            scp = true;
            break;
        }
    }
    return scp;
}

} // namespace

WhatIfEngine::WhatIfEngine(const WhatIfInputs& inputs, const CatalogueRules& catalogue)
    : m_inputs(inputs)
    , m_catalogue(catalogue)
{ }

WhatIfResult WhatIfEngine::run(const std::vector<Safeguard>& safeguards, ProgressSink* progress) const
{
    return execute(m_inputs, m_inputs.state, m_catalogue, safeguards, progress);
}

WhatIfResult WhatIfEngine::runOnce(WhatIfInputs inputs, const CatalogueRules& catalogue,
    const std::vector<Safeguard>& safeguards, ProgressSink* progress)
{
    TerraformState state = std::move(inputs.state);
    return execute(inputs, std::move(state), catalogue, safeguards, progress);
}

WhatIfResult WhatIfEngine::runRecorded(const std::vector<RecordedDelete>& deletes, WhatIfInputs inputs,
    const CatalogueRules& catalogue, const std::vector<Safeguard>& safeguards, ProgressSink* progress)
{
    TerraformState state = std::move(inputs.state);
    return execute(inputs, std::move(state), catalogue, safeguards, progress, &deletes);
}

WhatIfResult WhatIfEngine::execute(const WhatIfInputs& inputs, TerraformState state, const CatalogueRules& catalogue,
    const std::vector<Safeguard>& safeguards, ProgressSink* progress, const std::vector<RecordedDelete>* recorded)
{
    // Recorded history needs the state as it was, to tell the refusals the safeguards add from the engine's own doubts.
    const std::optional<TerraformState> asItWas = recorded ? std::optional<TerraformState>(state) : std::nullopt;
    std::optional<TerraformConfiguration> configuration = inputs.configuration;
    std::vector<RecoveryPoint> inventory = inputs.inventory;
    std::vector<std::string> notes;
    const std::vector<Safeguard> effective = recorded ? outsideTerraform(safeguards, notes) : safeguards;
    const bool scp = applySafeguards(effective, catalogue, state, configuration, inventory);

    std::vector<std::string> forgotten;
    if (configuration) {
        for (const auto& removed : configuration->removedBlocks) {
            if (removed.destroy)
                continue;
            std::erase_if(state.instances, [&](const ResourceInstance& instance) {
                const bool forget = isUnder(instance.address.configString(), removed.from);
                if (forget)
                    forgotten.push_back(instance.displayName());
                return forget;
            });
        }
    }

    WhatIfResult result;
    result.safeguards = safeguards;
    result.graph = std::make_unique<ResourceGraph>(std::move(state), progress);
    const ResourceGraph& graph = *result.graph;
    const InstanceFacts facts(graph.state(), inventory, runFacts(inputs, recorded == nullptr));

    DeletionRules rules;
    rules.add(std::make_unique<CatalogueDeletionRule>(catalogue, facts));
    if (scp)
        rules.add(std::make_unique<ScpDenyDeleteRule>(catalogue));
    if (recorded) {
        const InstanceFacts factsAsItWas(*asItWas, inputs.inventory, runFacts(inputs, false));
        DeletionRules rulesAsItWas;
        rulesAsItWas.add(std::make_unique<CatalogueDeletionRule>(catalogue, factsAsItWas));
        result.simulation = RecordedHistory(graph, rules, *asItWas, rulesAsItWas).replay(*recorded);
    } else {
        result.simulation = DestroySimulator(rules).run(graph, inputs.destroyOptions, progress);
    }

    // prevent_destroy is checked when Terraform plans, before anything is deleted: one protected
    // instance in scope and the whole run stops (formats.md C.4). It applies only where the block exists.
    std::optional<AbortReason> aborted;
    if (configuration) {
        for (const auto& op : result.simulation.operations) {
            const ResourceInstance& instance = graph.instance(op.node);
            const ConfigResource* block = configuration->findResource(instance.address.configString());
            if (!block && isDataStore(catalogue, instance) && inputs.configuration) {
                notes.push_back(instance.addressText
                    + " is in the state but has no resource block in the "
                      "configuration: lifecycle.prevent_destroy cannot protect it");
            }
            if (!aborted && block && block->preventDestroy == true && !instance.isDeposed())
                aborted =
                    AbortReason {"prevent_destroy", instance.addressText, preventDestroyMessage(instance.addressText)};
            if (block && block->preventDestroyIsExpression)
                notes.push_back(
                    instance.addressText + ": prevent_destroy is an expression Blastline does not evaluate");
        }
    }
    if (aborted) {
        result.simulation.operations.clear();
        result.simulation.summary = DestroySummary {};
    }

    result.analysis = DataLossAnalyzer(graph, result.simulation, catalogue, inventory, facts, inputs.asOf).analyze();
    // The recovery points join the graph, with their fates in this run, beside what they restore.
    for (const auto& store : result.analysis.dataStores) {
        for (const auto& point : store.recoveryPoints) {
            result.graph->addRecoveryPoint(
                {point.id, point.kind, toString(point.fate), point.until.value_or(""), point.origin}, store.node,
                point.key);
        }
    }
    result.analysis.forgotten = std::move(forgotten);
    result.analysis.notes.insert(result.analysis.notes.end(), notes.begin(), notes.end());
    if (aborted) {
        for (auto& store : result.analysis.dataStores)
            store.explanation =
                "the destroy stops before deleting anything: " + aborted->address + " has lifecycle.prevent_destroy";
        result.analysis.aborted = std::move(aborted);
        result.analysis.verdict = Verdict::Aborted;
    }
    return result;
}

WhatIfResult WhatIfEngine::runPlan(const TerraformPlan& plan, WhatIfInputs inputs, const CatalogueRules& catalogue,
    const std::vector<Safeguard>& safeguards, ProgressSink* progress)
{
    std::optional<TerraformConfiguration> configuration = inputs.configuration;
    std::vector<RecoveryPoint> inventory = inputs.inventory;
    TerraformState state = std::move(inputs.state);
    const bool scp = applySafeguards(safeguards, catalogue, state, configuration, inventory);

    WhatIfResult result;
    result.safeguards = safeguards;
    result.graph = std::make_unique<ResourceGraph>(std::move(state), progress);
    // Apply orders deletes by the configuration as well as by what the state recorded.
    result.graph->addConfigurationDependencies(plan.configurationEdges);
    const ResourceGraph& graph = *result.graph;
    const InstanceFacts facts(graph.state(), inventory, runFacts(inputs, true));

    // The plan's deletes and replaces, found in the state it starts from; they are what is simulated.
    std::vector<NodeId> deleted;
    std::unordered_map<std::uint32_t, const ResourceChange*> changeOf;
    std::vector<std::string> warnings;
    for (const auto& change : plan.resourceChanges) {
        if (!deletesObject(change.action))
            continue;
        const std::string name = change.deposedKey.empty()
            ? change.addressText
            : change.addressText + " (deposed object " + change.deposedKey + ")";
        const auto node = graph.find(name);
        if (!node) {
            warnings.push_back(name + " is deleted by the plan but is not in the state it starts from: not simulated");
            continue;
        }
        deleted.push_back(*node);
        changeOf[node->value] = &change;
    }
    DestroyOptions options = inputs.destroyOptions;
    options.targets.clear();
    options.exactly = deleted;

    DeletionRules rules;
    rules.add(std::make_unique<CatalogueDeletionRule>(catalogue, facts));
    if (scp)
        rules.add(std::make_unique<ScpDenyDeleteRule>(catalogue));
    result.simulation = DestroySimulator(rules).run(graph, options, progress);
    result.simulation.kind = "apply";
    for (auto& op : result.simulation.operations) {
        const ResourceChange& change = *changeOf.at(op.node.value);
        op.action = toString(change.action);
        op.actionReason = change.actionReason;
        op.replacePaths = change.replacePaths;
        if (change.action == PlanAction::DeleteThenCreate)
            op.replaceOrder = "delete-before-create";
        else if (change.action == PlanAction::CreateThenDelete)
            op.replaceOrder = "create-before-destroy";
    }
    result.simulation.warnings.insert(result.simulation.warnings.end(), warnings.begin(), warnings.end());

    // prevent_destroy stops a plan that deletes or replaces a protected instance (formats.md C.4).
    std::optional<AbortReason> aborted;
    if (configuration) {
        for (const auto& op : result.simulation.operations) {
            const ResourceInstance& instance = graph.instance(op.node);
            const ConfigResource* block = configuration->findResource(instance.address.configString());
            if (!aborted && block && block->preventDestroy == true && !instance.isDeposed())
                aborted =
                    AbortReason {"prevent_destroy", instance.addressText, preventDestroyMessage(instance.addressText)};
        }
    }
    if (aborted) {
        result.simulation.operations.clear();
        result.simulation.summary = DestroySummary {};
    }
    result.analysis = DataLossAnalyzer(graph, result.simulation, catalogue, inventory, facts, inputs.asOf).analyze();
    if (aborted) {
        for (auto& store : result.analysis.dataStores)
            store.explanation = "terraform refuses the plan before changing anything: " + aborted->address
                + " has lifecycle.prevent_destroy";
        result.analysis.aborted = std::move(aborted);
        result.analysis.verdict = Verdict::Aborted;
    }
    for (const auto& store : result.analysis.dataStores) {
        for (const auto& point : store.recoveryPoints) {
            result.graph->addRecoveryPoint(
                {point.id, point.kind, toString(point.fate), point.until.value_or(""), point.origin}, store.node,
                point.key);
        }
    }

    // Everything else the plan does is listed after the simulated deletes, in plan order. A replaced
    // data store is judged above: the object that replaces it starts empty.
    for (const auto& change : plan.resourceChanges) {
        if (deletesObject(change.action))
            continue;
        Operation op;
        op.node = NodeId {std::numeric_limits<std::uint32_t>::max()}; // not a node of the graph
        op.address = change.addressText;
        op.type = change.address.type;
        op.action = toString(change.action);
        op.actionReason = change.actionReason;
        if (change.action == PlanAction::Forget || change.action == PlanAction::CreateThenForget)
            op.reason = "no longer managed by Terraform: the object stays in AWS and is not deleted";
        result.simulation.operations.push_back(std::move(op));
    }
    return result;
}

std::vector<SafeguardComparison> WhatIfEngine::compare(const WhatIfResult& baseline, ProgressSink* progress) const
{
    const auto rank = [](Verdict verdict) { return lossRank(verdict); }; // nothing lost first
    std::vector<SafeguardComparison> rows;
    for (const Safeguard safeguard : allSafeguards()) {
        const WhatIfResult alone = run({safeguard}, progress);
        SafeguardComparison row {safeguard, alone.analysis.verdict, {}, {}};
        for (const auto& before : baseline.analysis.dataStores) {
            const auto after = std::find_if(alone.analysis.dataStores.begin(), alone.analysis.dataStores.end(),
                [&](const DataStoreResult& s) { return s.address == before.address; });
            if (after == alone.analysis.dataStores.end() || after->fate == before.fate)
                continue;
            if (after->fate == DataFate::Intact)
                row.saved.push_back(before.address + ": " + toString(before.fate) + " -> intact");
            else if (before.fate == DataFate::Lost && after->fate == DataFate::Recoverable)
                row.improved.push_back(before.address + ": lost -> recoverable");
        }
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const SafeguardComparison& a, const SafeguardComparison& b) {
        if (rank(a.verdict) != rank(b.verdict))
            return rank(a.verdict) < rank(b.verdict);
        if (a.saved.size() != b.saved.size())
            return a.saved.size() > b.saved.size();
        return a.improved.size() > b.improved.size();
    });
    return rows;
}

} // namespace blastline::core
