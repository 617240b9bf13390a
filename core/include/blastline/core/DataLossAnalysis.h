// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/NodeId.h"

#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

enum class DataFate
{
    Intact, // not deleted
    Recoverable, // deleted, and at least one recovery point survives
    Lost, // deleted, and no recovery point survives
    Unknown // a fact is missing; the result says which
};

enum class RecoveryPointFate
{
    Survives,
    Deleted,
    Created,
    Expires // survives only until a date (its KMS key is scheduled for deletion, a bounded retention)
};

/** Worst first: a run's verdict is the worst of its data stores'. */
enum class Verdict
{
    Aborted, // nothing was deleted (prevent_destroy)
    DataLoss,
    Unknown,
    Recoverable,
    NoDataLoss
};

const char* toString(DataFate fate);
/** How much a verdict loses, for ranking runs: 0 nothing (an aborted run loses nothing either), 1 recoverable, 2
 *  unknown, 3 data loss. */
int lossRank(Verdict verdict);
const char* toString(RecoveryPointFate fate);
const char* toString(Verdict verdict);

struct RecoveryPointResult
{
    std::string id;
    std::string kind;
    std::string origin; // "rule", "state", "inventory", "assumed"
    RecoveryPointFate fate = RecoveryPointFate::Survives;
    std::optional<std::string> until; // ISO date after which it is gone, when bounded
    std::optional<std::string> createdAt; // when known
    std::string explanation;
    std::optional<NodeId> key; // the aws_kms_key of the state that encrypts it, when known
};

struct DataStoreResult
{
    NodeId node;
    std::string address;
    std::string type;
    DataFate fate = DataFate::Intact;
    std::vector<RecoveryPointResult> recoveryPoints;
    std::string explanation; // plain words
    std::vector<std::string> unknownFacts; // what would decide an Unknown
    std::optional<std::string> newestRecoveryPoint; // creation time of the newest survivor, when known
    std::optional<long> recoveryPointAgeDays; // its age on the run's date: the recovery point objective
    std::optional<std::string> deadline; // the earliest date a surviving recovery point expires, when bounded
};

struct AbortReason
{
    std::string reason; // "prevent_destroy"
    std::string address;
    std::string message; // Terraform's own error text
};

/** Something the catalogue cannot know about a type present in the run, said wherever it matters. */
struct Caveat
{
    std::string type;
    std::string text;
};

struct DataLossAnalysis
{
    Verdict verdict = Verdict::NoDataLoss;
    std::optional<AbortReason> aborted;
    std::vector<DataStoreResult> dataStores;
    std::vector<std::string> unmodelledTypes;
    std::vector<std::string> forgotten; // instances a `removed { destroy = false }` block forgets
    std::vector<Caveat> caveats; // of the catalogue entries of the types in the run
    std::vector<std::string> notes; // findings about the inputs, e.g. a data store with no resource block
};

} // namespace blastline::core
