// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/DataLossAnalysis.h"
#include "blastline/core/Scenario.h"
#include "blastline/core/TerraformPlan.h"
#include "blastline/core/TerraformState.h"
#include "blastline/core/Trail.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

class CatalogueRules;
class ResourceGraph;

/** What a replay is made of: a scenario and what its evidence held, read by the importers. */
struct ReplayInputs
{
    const Scenario* scenario = nullptr;
    /** The scenario's states by id; a state without a file (ScenarioEvidenceFile::path empty) is an empty state. */
    std::map<std::string, TerraformState> states;
    /** The scenario's plans by id (evidence.plans); a `terraform apply` command that names one applies it. */
    std::map<std::string, TerraformPlan> plans;
    const Trail* trail = nullptr; // the scenario's trails, finished; may be empty
    const CatalogueRules* catalogue = nullptr;
    std::string asOf; // YYYY-MM-DD the simulated destroys are judged on (default: the incident's first day)
};

/** One entry of the replayed timeline. */
struct ReplayEvent
{
    enum class Origin
    {
        CloudTrail, // recorded (or, in a sample, reconstructed as a record)
        Narrative, // what people said and did, from the scenario, including commands run
        Simulated, // computed by the engine: an operation of a simulated destroy
        Decision // a decision point of the scenario
    };
    std::int64_t timeMs = 0;
    Origin origin = Origin::Narrative;
    std::string text;
    std::string eventName; // CloudTrail's eventName, or the operation ("delete"), or empty
    std::vector<std::string> addresses;
    /**
     * For a simulated operation: "done", "failed", "skipped"; for CloudTrail: "failed" when it failed; for narrative
     * after the safeguards changed the operations: "superseded" (it happened in reality, maybe not in this replay).
     */
    std::string outcome;
};

/** "cloudtrail", "narrative", "simulated", "decision". */
const char* toString(ReplayEvent::Origin origin);

/** The resources of the scenario's states at one instant of the replay. */
struct ReplayWorld
{
    std::int64_t timeMs = 0;
    std::vector<std::string> alive;
    std::vector<std::string> deleted;
    std::vector<std::string> failed; // a delete was tried and failed; the resource is still there
    /** Standing at the instant (alive or failed) and deleted later in the replay: what is about to go. */
    std::vector<std::string> pending;
};

/** How the replay ends for the data: the simulated destroys' judgement (DataLossAnalysis), merged. */
struct ReplayOutcome
{
    Verdict verdict = Verdict::NoDataLoss;
    struct DataStore
    {
        std::string address;
        DataFate fate = DataFate::Intact;
        std::string explanation;
        std::vector<RecoveryPointResult> recoveryPoints; // as the simulated run judged them
    };
    std::vector<DataStore> dataStores;
    /** What the runs found worth saying (DataLossAnalysis::notes), once each: e.g. a safeguard that cannot act. */
    std::vector<std::string> notes;
};

/** Where a replay under safeguards first departs from the replay without them. */
struct ReplayDivergence
{
    std::int64_t timeMs = 0;
    std::string description;
    /**
     * False when the same operations run and only their judgement changes (a final snapshot is taken): the
     * recorded history then still happens, and the trail after the divergence stays on the timeline.
     */
    bool operationsDiffer = true;
};

struct ReplayResult
{
    std::vector<std::string> safeguards; // as assumed: core safeguard names and process safeguards
    std::vector<ReplayEvent> events; // in time order
    ReplayOutcome outcome;
    std::optional<ReplayDivergence> divergence; // null without safeguards, or when none changes anything
    /** The simulated deletion sequence checked against the trail's recorded deletes (baseline only). */
    std::vector<std::string> sequenceDifferences;
    /** The world at `timeMs`: resources of the states the commands ran with, by their simulated fates. */
    ReplayWorld worldAt(std::int64_t timeMs) const;

    // What worldAt needs: every address of the states commands ran with, and each simulated delete's end.
    std::vector<std::string> addresses;
    struct Fate
    {
        std::string address;
        std::int64_t atMs = 0;
        bool failed = false;
    };
    std::vector<Fate> fates;
    /**
     * The graph of the largest simulated run (its state with the recovery points the engine placed), for drawing the
     * world; null when no command was simulated.
     */
    std::shared_ptr<const ResourceGraph> graph;
};

/**
 * Replays a scenario: each `terraform destroy` command is simulated with the destroy engine on the state it ran
 * with (WhatIfEngine, with the deletion catalogue), and each `terraform apply` that names a plan with
 * WhatIfEngine::runPlan on the plan's prior state (or the command's state); their operations are placed on the
 * timeline from the command's time, and the trail's events and the narrative are merged in. Safeguards change
 * history where they would have acted: a core safeguard (deletion-protection, ...) changes the simulation;
 * `approval-gate` stops a destroy, or an apply, whose plan deletes or replaces a data store (a person reviewing it
 * would see the database go); `remote-state` and `separate-state` run each command against its intended state (the
 * state it should have used). Under safeguards the recorded events after a divergence of the operations are left
 * out: they are the history that no longer happens.
 */
class ReplayEngine
{
public:
    explicit ReplayEngine(const ReplayInputs& inputs);
    /**
     * Throws InputError naming an unknown safeguard, and Error when a command names a plan missing from the inputs.
     * With `haltAfterMs` the story stops there, as when a trainee stops to find out why: no command after that instant
     * runs.
     */
    ReplayResult run(
        const std::vector<std::string>& safeguards, std::optional<std::int64_t> haltAfterMs = std::nullopt) const;

private:
    const ReplayInputs& m_inputs;
};

} // namespace blastline::core
