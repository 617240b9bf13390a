// SPDX-License-Identifier: MIT
#include "blastline/core/OutcomeDiff.h"

#include <algorithm>

namespace blastline::core {

namespace {

using Fates = std::vector<std::pair<std::string, DataFate>>; // in first-seen order, last judgement kept

Fates lastFates(const ReplayOutcome& outcome)
{
    Fates fates;
    for (const ReplayOutcome::DataStore& store : outcome.dataStores) {
        const auto found = std::find_if(
            fates.begin(), fates.end(), [&](const auto& entry) { return entry.first == store.address; });
        if (found == fates.end())
            fates.emplace_back(store.address, store.fate);
        else
            found->second = store.fate;
    }
    return fates;
}

std::optional<DataFate> fateIn(const Fates& fates, const std::string& address)
{
    const auto found =
        std::find_if(fates.begin(), fates.end(), [&](const auto& entry) { return entry.first == address; });
    return found == fates.end() ? std::nullopt : std::optional<DataFate>(found->second);
}

} // namespace

std::string FateChange::describe() const
{
    const auto name = [](const std::optional<DataFate>& fate) { return fate ? toString(*fate) : "untouched"; };
    return address + ": " + name(before) + " \u2192 " + name(after);
}

std::vector<FateChange> diffOutcomes(const ReplayOutcome& before, const ReplayOutcome& after)
{
    const Fates first = lastFates(before);
    const Fates second = lastFates(after);
    std::vector<FateChange> changes;
    // A store no run judged was not deleted: for the data that is the same as intact, and not a change.
    const auto same = [](const std::optional<DataFate>& a, const std::optional<DataFate>& b) {
        return a.value_or(DataFate::Intact) == b.value_or(DataFate::Intact);
    };
    for (const auto& [address, fate] : first) {
        const std::optional<DataFate> then = fateIn(second, address);
        if (!same(fate, then))
            changes.push_back({address, fate, then});
    }
    for (const auto& [address, fate] : second) {
        if (!fateIn(first, address) && !same(std::nullopt, fate))
            changes.push_back({address, std::nullopt, fate});
    }
    return changes;
}

} // namespace blastline::core
