// SPDX-License-Identifier: MIT
// libFuzzer target: CatalogueReader::readText (deletion catalogue JSON, conditions compiled at load), then the
// compiled rules at work: for each entry, an instance of its type is asked every question the engines ask
// (delete failure, recovery points on delete, holds data) with and without facts, and every safeguard of the
// entry is applied to it. That runs Condition::evaluate and expandTemplate over the fuzzed `when`s and
// templates, which reading alone does not.
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/core/CatalogueRules.h"
#include "blastline/core/DeletionCatalogue.h"
#include "blastline/core/Error.h"
#include "blastline/importers/CatalogueReader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using blastline::core::AttributeValue;

// Attributes real data stores have, of every kind a condition compares: booleans, numbers, strings, lists
// (flattened), a redacted value, and nothing at all for whatever else a condition names.
blastline::core::ResourceInstance instanceOf(const std::string& type)
{
    blastline::core::ResourceInstance instance;
    instance.address.type = type;
    instance.address.name = "fuzz";
    instance.addressText = type + ".fuzz";
    instance.attributes.set("id", AttributeValue::string("fuzz-id"));
    instance.attributes.set("identifier", AttributeValue::string("fuzz-db"));
    instance.attributes.set("deletion_protection", AttributeValue::boolean(false));
    instance.attributes.set("skip_final_snapshot", AttributeValue::boolean(true));
    instance.attributes.set("backup_retention_period", AttributeValue::number("7"));
    instance.attributes.set("force_destroy", AttributeValue::boolean(false));
    instance.attributes.set("tags.Name", AttributeValue::string("fuzz"));
    instance.attributes.set("vpc_security_group_ids.0", AttributeValue::string("sg-1"));
    instance.attributes.set("master_password", AttributeValue::redacted());
    instance.attributes.finalize();
    return instance;
}

void exercise(const blastline::core::CatalogueRules& rules, const blastline::core::DeletionCatalogue& catalogue)
{
    const blastline::core::CatalogueRules::Facts facts {
        {"aws_provider_version", AttributeValue::string("5.41.0")},
        {"$via_terraform", AttributeValue::boolean(true)},
    };
    for (const blastline::core::CatalogueEntry& entry : catalogue.entries()) {
        blastline::core::ResourceInstance instance = instanceOf(entry.type);
        const blastline::core::CatalogueRules::Facts* const choices[] = {nullptr, &facts};
        for (const blastline::core::CatalogueRules::Facts* known : choices) {
            (void)rules.deleteFailure(instance, known);
            (void)rules.recoveryPointsOnDelete(instance, known);
            (void)rules.holdsData(instance, known);
        }
        for (const auto& [safeguard, attributes] : entry.safeguards) {
            (void)attributes;
            rules.applySafeguard(safeguard, instance);
            (void)rules.deleteFailure(instance, &facts);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        blastline::core::DeletionCatalogue catalogue;
        blastline::importers::CatalogueReader::readText(text, "fuzz-catalogue.json", catalogue);
        const blastline::core::CatalogueRules rules(catalogue);
        exercise(rules, catalogue);
    } catch (const blastline::core::InputError&) { }
    return 0;
}
