// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Safeguard.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

// An incident told for replay and training: the `blastline.scenario/2` format of docs/scenario-format.md,
// as importers::ScenarioReader returns it. Plain values, already checked: every source id, state id and
// safeguard name resolves, every evidence path exists. Times are milliseconds since the epoch (UtcTime).

/** How close a source is to the events; the replay shows it so a reader can weigh each claim. */
enum class SourceKind
{
    Primary, // "primary": the people who ran the system, published
    PrimaryDraft, // "primary-draft": their unpublished drafts, voice notes, screenshot transcriptions
    PrimaryCode, // "primary-code": their own code or configuration
    Secondary // "secondary": press, blogs, forums
};

/** "primary", "primary-draft", "primary-code", "secondary": the words of the scenario format. */
const char* toString(SourceKind kind);

struct ScenarioSource
{
    std::string id; // referenced by every "sources" list of the scenario
    std::string title;
    std::string url; // or a location such as "GitHub owner/repo, path"
    SourceKind kind = SourceKind::Primary;
};

/** Where the widely shared retelling and the primary sources disagree, and which one the scenario follows. */
struct ScenarioCorrection
{
    std::string topic;
    std::string retelling; // what the secondary sources say
    std::string primary; // what the primary sources say
    bool followsPrimary = true; // "followed": "primary" | "retelling"
    std::vector<std::string> sources;
};

struct ScenarioMetadata
{
    std::string id;
    std::string title;
    std::int64_t incidentStart = 0; // "incident": {"start", "end"}: dates or times
    std::int64_t incidentEnd = 0;
    std::optional<std::int64_t> published; // when the post-mortem appeared, if one did
    std::string summary;
    std::vector<ScenarioSource> sources;
    std::string reconstructed; // what is reconstructed rather than recorded, in prose
    std::vector<ScenarioCorrection> corrections;
};

/** One evidence file, its path resolved against the scenario's folder. */
struct ScenarioEvidenceFile
{
    std::string id;
    /**
     * Absolute. Only a state may have none: a state that the story needs but that holds none of the evidence's
     * resources (the separate project's state a command should have used, see ScenarioCommand::intendedState).
     */
    std::optional<std::filesystem::path> path;
    std::string role;
};

struct ScenarioEvidence
{
    std::vector<ScenarioEvidenceFile> states;
    std::vector<ScenarioEvidenceFile> plans;
    std::vector<ScenarioEvidenceFile> trails; // a .json(.gz) file or a CloudTrail folder
    std::vector<ScenarioEvidenceFile> configurations; // a .tf file or a folder
    std::vector<ScenarioEvidenceFile> inventories;
};

/** Something that happened or was said. Not in any source means reconstructed = true. */
struct ScenarioNarrativeEntry
{
    std::int64_t time = 0;
    std::string actor;
    std::string text;
    std::vector<std::string> sources;
    bool reconstructed = false;
};

/**
 * Deletes a trail recorded, which a command stands for when nothing can simulate it (someone in a console): the
 * trail's successful deletes from the command's time until `until`, by `principal` when given (a substring of the
 * identity's ARN or user name), tied to the command's state.
 */
struct RecordedDeletes
{
    std::int64_t until = 0;
    std::optional<std::string> principal;
};

/** A command the replay engine turns into simulated operations. */
struct ScenarioCommand
{
    std::int64_t time = 0;
    std::string actor;
    std::string commandLine; // "terraform destroy -auto-approve"
    std::optional<std::string> state; // the state id in use; none = Terraform ran without a state (or not Terraform)
    /** The state that should have been in use; what `remote-state` and `separate-state` put in place of `state`. */
    std::optional<std::string> intendedState;
    /**
     * The id of the plan a `terraform apply` applies (from evidence.plans): the engine simulates that plan rather
     * than guessing what an apply without one would do.
     */
    std::optional<std::string> plan;
    /** The command is the trail's record of what was done (`blastline.scenario/2`): see RecordedDeletes. */
    std::optional<RecordedDeletes> recorded;
    std::vector<std::string> sources;
    bool reconstructed = false;
};

/** The process safeguards a decision can stand for, besides the Safeguard values (which transform inputs). */
inline constexpr std::array<std::string_view, 3> kProcessSafeguards = {
    "remote-state", "approval-gate", "separate-state"};

/** A Safeguard name or a process safeguard name. */
inline bool isScenarioSafeguard(std::string_view name)
{
    if (parseSafeguard(name))
        return true;
    for (const std::string_view process : kProcessSafeguards) {
        if (name == process)
            return true;
    }
    return false;
}

/** What choosing an option does: put a safeguard in place, or stop / carry on as history did. */
struct DecisionEffect
{
    enum class Kind
    {
        Safeguard, // name: a Safeguard name or one of kProcessSafeguards
        Action // name: "stop" or "continue"
    };
    Kind kind = Kind::Action;
    std::string name;
};

struct DecisionOption
{
    std::string id;
    std::string label;
    DecisionEffect effect;
    std::vector<std::string> sources;
};

/** A moment where the trainee chooses; `chosen` is the option taken in reality. */
struct DecisionPoint
{
    std::string id;
    std::int64_t time = 0;
    std::string question;
    std::vector<DecisionOption> options;
    std::string chosen;
    std::vector<std::string> sources;
    bool reconstructed = false;
};

enum class DataStoreFate
{
    Lost,
    Intact,
    Recoverable, // gone, but a customer-visible recovery point survives
    Restored // gone, and brought back within the scenario
};

/** What became of one way back for a data store. */
struct RecoveryPointTruth
{
    enum class Fate
    {
        Deleted, // "deleted": removed with the data store or by the run
        Skipped, // "skipped": never taken (a skipped final snapshot)
        Survived // "survived"
    };
    std::string kind; // the catalogue's vocabulary: "automated-backups", "final-snapshot", ...
    Fate fate = Fate::Deleted;
    std::string note;
    std::vector<std::string> sources;
};

struct DataStoreTruth
{
    std::string address; // resource address in the evidence's state
    DataStoreFate fate = DataStoreFate::Lost;
    std::string note;
    /** What the sources say was at stake in it ("1,943,200 rows in courses_answer"), or empty. */
    std::string atRisk;
    std::vector<RecoveryPointTruth> recoveryPoints;
    std::vector<std::string> sources;
};

struct KeyTime
{
    std::string name; // "delete-db-cluster", ...
    std::int64_t time = 0;
    std::vector<std::string> sources;
};

/** What the sources say happened; a replay of history must agree with it. */
struct GroundTruth
{
    std::vector<DataStoreTruth> dataStores;
    std::vector<KeyTime> keyTimes;
    std::string outcome;
};

struct Scenario
{
    std::filesystem::path file; // the scenario.json read (or the name given to readText)
    std::filesystem::path folder; // what evidence paths are relative to
    ScenarioMetadata metadata;
    ScenarioEvidence evidence;
    std::vector<ScenarioNarrativeEntry> narrative;
    std::vector<ScenarioCommand> commands;
    std::vector<DecisionPoint> decisions;
    GroundTruth groundTruth;
};

} // namespace blastline::core
