// SPDX-License-Identifier: MIT
#include "cli/WhatIfOutput.h"

#include "cli/JsonOutput.h"
#include "cli/JsonWriter.h"
#include "cli/TextOutput.h"

#include <ostream>
#include <set>

namespace blastline::cli {

namespace {

void writeRecoveryPoint(JsonWriter& json, const core::RecoveryPointResult& point)
{
    json.beginObject();
    json.field("id", point.id);
    json.field("kind", point.kind);
    json.field("fate", core::toString(point.fate));
    json.key("until");
    point.until ? json.value(*point.until) : json.null();
    json.field("origin", point.origin);
    json.key("created_at");
    point.createdAt ? json.value(*point.createdAt) : json.null();
    json.field("explanation", point.explanation);
    json.endObject();
}

void writeDataStore(JsonWriter& json, const core::DataStoreResult& store)
{
    json.beginObject();
    json.field("address", store.address);
    json.field("type", store.type);
    json.field("fate", core::toString(store.fate));
    json.key("recovery_points").beginArray();
    for (const auto& point : store.recoveryPoints)
        writeRecoveryPoint(json, point);
    json.endArray();
    json.field("explanation", store.explanation);
    json.key("unknown_facts").stringArray(store.unknownFacts);
    json.key("newest_recovery_point");
    store.newestRecoveryPoint ? json.value(*store.newestRecoveryPoint) : json.null();
    json.key("recovery_point_age_days");
    store.recoveryPointAgeDays ? json.value(static_cast<std::int64_t>(*store.recoveryPointAgeDays)) : json.null();
    json.key("deadline");
    store.deadline ? json.value(*store.deadline) : json.null();
    json.endObject();
}

std::string upper(std::string text)
{
    for (char& c : text)
        c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : (c == '-' ? ' ' : c);
    return text;
}

std::string styledFate(core::DataFate fate, const OutputStyle& style)
{
    std::string text = core::toString(fate);
    text.resize(12, ' ');
    switch (fate) {
    case core::DataFate::Intact:
        return style.green(text);
    case core::DataFate::Recoverable:
        return style.yellow(text);
    case core::DataFate::Lost:
        return style.red(text);
    case core::DataFate::Unknown:
        return style.yellow(text);
    }
    return text;
}

} // namespace

void WhatIfOutput::writeJson(std::ostream& out, const core::WhatIfResult& result, const std::string& asOf,
    const std::vector<core::SafeguardComparison>* comparison)
{
    JsonWriter json(out);
    json.beginObject();
    writeJsonFields(json, result, asOf, comparison);
    json.endObject();
}

void WhatIfOutput::writeJsonFields(JsonWriter& json, const core::WhatIfResult& result, const std::string& asOf,
    const std::vector<core::SafeguardComparison>* comparison)
{
    const auto& analysis = result.analysis;
    JsonOutput::writeSimulationFields(json, *result.graph, result.simulation);
    json.field("as_of", asOf);
    json.key("assumed").beginArray();
    for (const auto safeguard : result.safeguards)
        json.value(core::toString(safeguard));
    json.endArray();
    json.field("verdict", core::toString(analysis.verdict));
    json.key("aborted");
    if (analysis.aborted) {
        json.beginObject();
        json.field("reason", analysis.aborted->reason);
        json.field("address", analysis.aborted->address);
        json.field("message", analysis.aborted->message);
        json.endObject();
    } else {
        json.null();
    }
    json.key("data_stores").beginArray();
    for (const auto& store : analysis.dataStores)
        writeDataStore(json, store);
    json.endArray();
    json.key("unmodelled_types").stringArray(analysis.unmodelledTypes);
    json.key("forgotten").stringArray(analysis.forgotten);
    json.key("notes").stringArray(analysis.notes);
    json.key("caveats").beginArray();
    for (const auto& caveat : analysis.caveats) {
        json.beginObject();
        json.field("type", caveat.type);
        json.field("text", caveat.text);
        json.endObject();
    }
    json.endArray();
    if (comparison) {
        json.key("comparison").beginArray();
        for (const auto& row : *comparison) {
            json.beginObject();
            json.field("safeguard", core::toString(row.safeguard));
            json.field("verdict", core::toString(row.verdict));
            json.key("saves").stringArray(row.saved);
            json.key("improves").stringArray(row.improved);
            json.endObject();
        }
        json.endArray();
    }
}

void WhatIfOutput::writeText(std::ostream& out, const core::WhatIfResult& result,
    const std::vector<core::SafeguardComparison>* comparison, const OutputStyle& style, bool showCaveats)
{
    const auto& analysis = result.analysis;
    std::size_t counts[4] = {};
    for (const auto& store : analysis.dataStores)
        ++counts[static_cast<int>(store.fate)];
    const std::string verdict = upper(core::toString(analysis.verdict));
    const bool bad = analysis.verdict == core::Verdict::DataLoss || analysis.verdict == core::Verdict::Unknown;
    out << style.bold("Verdict: ") << (bad ? style.red(style.bold(verdict)) : style.green(style.bold(verdict)));
    out << " - " << analysis.dataStores.size() << " data store" << (analysis.dataStores.size() == 1 ? "" : "s") << ": "
        << counts[static_cast<int>(core::DataFate::Lost)] << " lost, "
        << counts[static_cast<int>(core::DataFate::Recoverable)] << " recoverable, "
        << counts[static_cast<int>(core::DataFate::Unknown)] << " unknown, "
        << counts[static_cast<int>(core::DataFate::Intact)] << " intact\n";
    if (!result.safeguards.empty()) {
        out << "Assuming:";
        for (const auto safeguard : result.safeguards)
            out << ' ' << core::toString(safeguard);
        out << '\n';
    }
    if (analysis.aborted)
        out << style.bold("Aborted: ") << analysis.aborted->message << '\n';
    for (const auto& store : analysis.dataStores) {
        out << "  " << styledFate(store.fate, style) << store.address << '\n'
            << "               " << store.explanation << '\n';
        if (store.recoveryPointAgeDays)
            out << "               newest recovery point: " << *store.newestRecoveryPoint << " ("
                << *store.recoveryPointAgeDays << " days of data lost at most)\n";
        if (store.deadline)
            out << "               restore before " << *store.deadline << '\n';
    }
    for (const auto& note : analysis.notes)
        out << style.dim("Note: " + note) << '\n';
    // The catalogue's caveats are many; the terminal shows those of the types whose data is at stake
    // (the JSON has them all).
    std::set<std::string> atStake;
    for (const auto& store : analysis.dataStores) {
        if (store.fate != core::DataFate::Intact)
            atStake.insert(store.type);
    }
    std::size_t caveats = 0;
    for (const auto& caveat : analysis.caveats) {
        if (!atStake.contains(caveat.type))
            continue;
        if (showCaveats)
            out << style.dim("Caveat (" + caveat.type + "): " + caveat.text) << '\n';
        ++caveats;
    }
    if (caveats > 0 && !showCaveats)
        out << style.dim(std::to_string(caveats)
            + " caveats of the catalogue apply to these data stores (what it "
              "cannot know or is unsure of): --caveats lists them, and so does --format json")
            << '\n';
    if (!analysis.unmodelledTypes.empty()) {
        out << style.dim("Types not in the catalogue (treated as holding no data):");
        for (const auto& type : analysis.unmodelledTypes)
            out << ' ' << style.dim(type);
        out << '\n';
    }
    if (comparison) {
        out << '\n' << style.bold("Each safeguard alone, best first:") << '\n';
        for (const auto& row : *comparison) {
            std::string name = core::toString(row.safeguard);
            name.resize(26, ' ');
            std::string verdictText = core::toString(row.verdict);
            verdictText.resize(14, ' ');
            out << "  " << name << verdictText;
            if (row.saved.empty() && row.improved.empty())
                out << "changes nothing";
            else
                out << "saves " << row.saved.size() << ", makes " << row.improved.size() << " recoverable";
            for (const auto& item : row.saved)
                out << "\n      saves " << item;
            for (const auto& item : row.improved)
                out << "\n      " << item;
            out << '\n';
        }
    }
    if (!analysis.aborted) {
        out << '\n';
        TextOutput::writeSimulation(out, *result.graph, result.simulation, style);
    }
}

} // namespace blastline::cli
