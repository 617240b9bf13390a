// SPDX-License-Identifier: MIT
#include "blastline/core/CatalogueRules.h"

#include "blastline/core/Error.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace blastline::core {

struct CatalogueRules::Compiled
{
    struct Entry
    {
        Condition holdsData;
        std::vector<Condition> failures; // parallel to CatalogueEntry::failures
        std::vector<Condition> recoveryPoints; // parallel to CatalogueEntry::recoveryPoints
    };
    DeletionCatalogue catalogue;
    std::vector<Entry> entries; // parallel to catalogue.entries()

    const Entry& compiledFor(const CatalogueEntry& entry) const
    {
        return entries[static_cast<std::size_t>(&entry - catalogue.entries().data())];
    }
};

namespace {

std::string where(const CatalogueEntry& entry, const std::string& rule, const std::string& field)
{
    return "catalogue entry " + entry.type + ", rule " + rule + ", " + field;
}

/** Templates are expanded late, at report time; an unclosed placeholder is caught here, at load time. */
void checkTemplate(const std::string& text, const std::string& location)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "$${") == 0) {
            i += 2;
            continue;
        }
        if (text.compare(i, 2, "${") != 0)
            continue;
        const std::size_t close = text.find('}', i + 2);
        if (close == std::string::npos)
            throw InputError(location + ": at column " + std::to_string(i + 1)
                + ": expected '}' to close '${', found end of template");
        if (text.find_first_not_of(" \t", i + 2) == close)
            throw InputError(
                location + ": at column " + std::to_string(i + 3) + ": expected an attribute path or $fact, found '}'");
        i = close;
    }
}

std::optional<double> parseNumber(const std::string& text)
{
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

/** A retention of "7" days, or of the days an attribute (with the entry's default) or a $fact holds. */
std::optional<double> retentionDays(
    const std::string& spec, const Condition::Inputs& inputs, std::vector<std::string>& unknowns)
{
    if (spec.empty())
        return std::nullopt;
    if (const auto days = parseNumber(spec))
        return days;
    const AttributeValue* leaf = nullptr;
    if (spec.front() == '$') {
        if (inputs.facts) {
            auto it = inputs.facts->find(spec.substr(1));
            if (it == inputs.facts->end())
                it = inputs.facts->find(spec);
            leaf = it == inputs.facts->end() ? nullptr : &it->second;
        }
    } else if (!(leaf = inputs.attributes.find(spec)) && inputs.defaults) {
        const auto it = inputs.defaults->find(spec);
        leaf = it == inputs.defaults->end() ? nullptr : &it->second;
    }
    const bool readable =
        leaf && (leaf->kind == AttributeValue::Kind::Number || leaf->kind == AttributeValue::Kind::String);
    const auto days = readable ? parseNumber(leaf->text) : std::nullopt;
    // Unbounded would be the optimistic reading of a retention nobody can read: name it instead.
    if (!days && std::find(unknowns.begin(), unknowns.end(), spec) == unknowns.end())
        unknowns.push_back(spec);
    return days;
}

/** The catalogue's failures as one DeletionRule; holds the compiled catalogue and its own copy of the facts. */
class CatalogueFailuresRule final : public DeletionRule
{
public:
    CatalogueFailuresRule(CatalogueRules rules, std::optional<CatalogueRules::Facts> facts)
        : m_rules(std::move(rules))
        , m_facts(std::move(facts))
    { }
    std::string name() const override { return "catalogue"; }
    std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const override
    {
        return m_rules.deleteFailure(instance, m_facts ? &*m_facts : nullptr);
    }

private:
    CatalogueRules m_rules;
    std::optional<CatalogueRules::Facts> m_facts;
};

} // namespace

CatalogueRules::CatalogueRules(DeletionCatalogue catalogue)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->catalogue = std::move(catalogue);
    for (const CatalogueEntry& entry : compiled->catalogue.entries()) {
        Compiled::Entry& out = compiled->entries.emplace_back();
        out.holdsData = Condition::parse(entry.holdsDataWhen, "catalogue entry " + entry.type + ", holdsDataWhen");
        for (const CatalogueFailure& failure : entry.failures)
            out.failures.push_back(Condition::parse(failure.when, where(entry, failure.id, "when")));
        for (const CatalogueRecoveryPoint& point : entry.recoveryPoints) {
            out.recoveryPoints.push_back(Condition::parse(point.when, where(entry, point.id, "when")));
            checkTemplate(point.identifier, where(entry, point.id, "identifier"));
            checkTemplate(point.explanation, where(entry, point.id, "explanation"));
        }
        for (const auto& [safeguard, attributes] : entry.safeguards) {
            for (const auto& [path, value] : attributes) {
                if (value.kind == AttributeValue::Kind::String)
                    checkTemplate(
                        value.text, "catalogue entry " + entry.type + ", safeguard " + safeguard + ", " + path);
            }
        }
    }
    m_compiled = std::move(compiled);
}

const DeletionCatalogue& CatalogueRules::catalogue() const
{
    return m_compiled->catalogue;
}

const CatalogueEntry* CatalogueRules::entryFor(const std::string& type) const
{
    return m_compiled->catalogue.find(type);
}

std::unique_ptr<DeletionRule> CatalogueRules::deletionRule(const Facts* facts) const
{
    return std::make_unique<CatalogueFailuresRule>(*this, facts ? std::optional<Facts>(*facts) : std::nullopt);
}

std::optional<DeleteFailure> CatalogueRules::deleteFailure(const ResourceInstance& instance, const Facts* facts) const
{
    const CatalogueEntry* entry = instance.isManaged() ? entryFor(instance.type()) : nullptr;
    if (!entry)
        return std::nullopt;
    const Compiled::Entry& compiled = m_compiled->compiledFor(*entry);
    const Condition::Inputs inputs {instance.attributes, &entry->defaults, facts};
    // A certain failure wins over a possible one listed earlier: the delete is refused whatever the facts.
    std::optional<DeleteFailure> possible;
    for (std::size_t i = 0; i < entry->failures.size(); ++i) {
        const CatalogueFailure& failure = entry->failures[i];
        std::vector<std::string> unknowns;
        const Truth truth = compiled.failures[i].evaluate(inputs, &unknowns);
        // AWS names the resource in its messages ("Load balancer 'arn:...' cannot be deleted"): fill it in.
        if (truth == Truth::True)
            return DeleteFailure {
                expandTemplate(failure.error, inputs), entry->type + "." + failure.id, failure.source, {}};
        if (truth == Truth::Unknown && !possible) {
            if (unknowns.empty()) // never left empty: an empty list would read as a certain failure
                unknowns.push_back(failure.when);
            possible = DeleteFailure {
                expandTemplate(failure.error, inputs), entry->type + "." + failure.id, failure.source, unknowns};
        }
    }
    return possible;
}

std::vector<RecoveryPointOutcome> CatalogueRules::recoveryPointsOnDelete(
    const ResourceInstance& instance, const Facts* facts) const
{
    std::vector<RecoveryPointOutcome> outcomes;
    const CatalogueEntry* entry = instance.isManaged() ? entryFor(instance.type()) : nullptr;
    if (!entry)
        return outcomes;
    const Compiled::Entry& compiled = m_compiled->compiledFor(*entry);
    const Condition::Inputs inputs {instance.attributes, &entry->defaults, facts};
    for (std::size_t i = 0; i < entry->recoveryPoints.size(); ++i) {
        const CatalogueRecoveryPoint& point = entry->recoveryPoints[i];
        RecoveryPointOutcome outcome;
        const Truth truth = compiled.recoveryPoints[i].evaluate(inputs, &outcome.unknowns);
        if (truth == Truth::False)
            continue;
        if (truth == Truth::Unknown && outcome.unknowns.empty())
            outcome.unknowns.push_back(point.when);
        outcome.ruleId = point.id;
        outcome.kind = point.kind;
        outcome.effect = point.effect;
        outcome.source = point.source;
        outcome.certain = truth == Truth::True;
        outcome.retentionDays = retentionDays(point.retentionDays, inputs, outcome.unknowns);
        std::vector<std::string> unfilled;
        outcome.identifier = expandTemplate(point.identifier, inputs, &unfilled);
        // "(unknown)" is no snapshot name anybody could restore from: use the generated id instead.
        if (outcome.identifier.empty() || !unfilled.empty())
            outcome.identifier = instance.addressText + ":" + point.kind;
        outcome.explanation = expandTemplate(point.explanation, inputs);
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

Truth CatalogueRules::holdsData(
    const ResourceInstance& instance, const Facts* facts, std::vector<std::string>* unknowns) const
{
    const CatalogueEntry* entry = instance.isManaged() ? entryFor(instance.type()) : nullptr;
    if (!entry || !entry->dataStore)
        return Truth::False;
    const Condition::Inputs inputs {instance.attributes, &entry->defaults, facts};
    return m_compiled->compiledFor(*entry).holdsData.evaluate(inputs, unknowns);
}

std::vector<std::string> CatalogueRules::unmodelledTypes(const std::vector<ResourceInstance>& instances) const
{
    std::set<std::string> types;
    for (const ResourceInstance& instance : instances) {
        if (instance.isManaged() && !entryFor(instance.type()))
            types.insert(instance.type());
    }
    return {types.begin(), types.end()};
}

void CatalogueRules::applySafeguard(const std::string& safeguard, ResourceInstance& instance) const
{
    const CatalogueEntry* entry = entryFor(instance.type());
    if (!entry)
        return;
    const auto it = entry->safeguards.find(safeguard);
    if (it == entry->safeguards.end())
        return;
    // Every template reads the attributes as they were, so the order of the listed changes does not matter.
    const Condition::Inputs inputs {instance.attributes, &entry->defaults, nullptr};
    std::vector<std::pair<std::string, AttributeValue>> changes;
    for (const auto& [path, value] : it->second) {
        changes.emplace_back(path,
            value.kind == AttributeValue::Kind::String ? AttributeValue::string(expandTemplate(value.text, inputs))
                                                       : value);
    }
    for (auto& [path, value] : changes)
        instance.attributes.set(path, std::move(value));
    instance.attributes.finalize();
}

} // namespace blastline::core
