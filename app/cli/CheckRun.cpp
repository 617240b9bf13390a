// SPDX-License-Identifier: MIT
#include "cli/CheckRun.h"

#include <algorithm>
#include <set>

namespace blastline::cli {

namespace {

FindingKind kindOf(core::DataFate fate)
{
    switch (fate) {
    case core::DataFate::Lost:
        return FindingKind::DataLoss;
    case core::DataFate::Unknown:
        return FindingKind::Unknown;
    case core::DataFate::Recoverable:
        return FindingKind::Recoverable;
    case core::DataFate::Intact:
        break;
    }
    return FindingKind::Delete;
}

// Mirrors the thresholds of core::failsGate per finding, so that a report can mark which findings
// made the gate fail; the pass or fail itself is always core's answer.
bool reaches(FindingKind kind, core::FailOn failOn)
{
    switch (kind) {
    case FindingKind::DataLoss:
        return true;
    case FindingKind::Unknown:
        return failOn != core::FailOn::DataLoss;
    case FindingKind::Recoverable:
        return failOn == core::FailOn::Recoverable || failOn == core::FailOn::AnyDelete;
    case FindingKind::Delete:
        return failOn == core::FailOn::AnyDelete;
    }
    return false;
}

void copyChange(Finding& finding, const core::Operation& op)
{
    finding.action = op.action;
    finding.replaceOrder = op.replaceOrder;
    finding.actionReason = op.actionReason;
    finding.replacePaths = op.replacePaths;
}

} // namespace

std::vector<Finding> CheckRun::findings(const std::map<std::string, std::vector<Prevention>>* preventions) const
{
    const auto& simulation = result->simulation;
    const auto nodeCount = result->graph->nodeCount();
    std::map<std::uint32_t, const core::Operation*> deleteOf;
    for (const auto& op : simulation.operations) {
        if (op.deletes() && op.node.value < nodeCount)
            deleteOf[op.node.value] = &op;
    }

    std::vector<Finding> found;
    std::set<std::uint32_t> covered;
    for (const auto& store : result->analysis.dataStores) {
        if (store.fate == core::DataFate::Intact)
            continue;
        Finding finding;
        finding.kind = kindOf(store.fate);
        finding.address = store.address;
        finding.type = store.type;
        finding.explanation = store.explanation;
        finding.store = &store;
        if (const auto op = deleteOf.find(store.node.value); op != deleteOf.end())
            copyChange(finding, *op->second);
        finding.failsGate = failed && reaches(finding.kind, failOn);
        if (preventions) {
            if (const auto it = preventions->find(store.address); it != preventions->end())
                finding.preventions = it->second;
        }
        covered.insert(store.node.value);
        found.push_back(std::move(finding));
    }
    std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) { return a.kind < b.kind; });

    for (const auto& op : simulation.operations) {
        if (!op.deletes() || covered.contains(op.node.value))
            continue;
        Finding finding;
        finding.address = op.address;
        finding.type = op.type;
        copyChange(finding, op);
        if (op.outcome == core::OperationOutcome::Done) {
            finding.failsGate = failed && reaches(FindingKind::Delete, failOn);
        } else {
            // A delete that fails (or waits on one that does) deletes nothing; it still says why.
            finding.explanation = std::string(core::toString(op.outcome)).append(": ").append(op.reason);
        }
        found.push_back(std::move(finding));
    }
    return found;
}

const char* toString(FindingKind kind)
{
    switch (kind) {
    case FindingKind::DataLoss:
        return "data-loss";
    case FindingKind::Unknown:
        return "unknown";
    case FindingKind::Recoverable:
        return "recoverable";
    case FindingKind::Delete:
        return "delete";
    }
    return "delete";
}

const char* describeThreshold(core::FailOn failOn)
{
    switch (failOn) {
    case core::FailOn::DataLoss:
        return "fails when a data store is lost";
    case core::FailOn::Unknown:
        return "fails when a data store is lost or its fate is unknown";
    case core::FailOn::Recoverable:
        return "fails when a data store is deleted, even if a recovery point survives";
    case core::FailOn::AnyDelete:
        return "fails when any object is deleted";
    }
    return "";
}

std::string describeChange(const Finding& finding)
{
    if (finding.action.empty())
        return "not deleted by the plan";
    std::string text = finding.action;
    std::string details = finding.replaceOrder;
    if (!finding.replacePaths.empty()) {
        details.append(details.empty() ? "" : ", ").append("forced by ");
        for (std::size_t i = 0; i < finding.replacePaths.size(); ++i)
            details.append(i == 0 ? "" : ", ").append(finding.replacePaths[i]);
    }
    if (!details.empty())
        text.append(" (").append(details).append(")");
    return text;
}

} // namespace blastline::cli
