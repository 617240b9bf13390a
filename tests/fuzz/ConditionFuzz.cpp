// SPDX-License-Identifier: MIT
// libFuzzer target: core::Condition::parse (catalogue `when` expressions), then Condition::evaluate and
// expandTemplate on what parses, against a fixed instance holding every kind of value.
// Only core::InputError is the reader's contract for bad input; anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding. See docs/reliability.md and scripts/fuzz.sh.
#include "blastline/core/Attributes.h"
#include "blastline/core/Condition.h"
#include "blastline/core/Error.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

using blastline::core::Attributes;
using blastline::core::AttributeValue;

// Short names so that the fuzzer finds them; one of each kind of leaf, including flatmap strings that spell
// bools and numbers, versions and a redacted secret, as the catalogue's conditions meet them.
Attributes makeAttributes()
{
    Attributes attributes;
    attributes.set("a", AttributeValue::boolean(true));
    attributes.set("b", AttributeValue::boolean(false));
    attributes.set("n", AttributeValue::number("7"));
    attributes.set("f", AttributeValue::number("-1.5e3"));
    attributes.set("z", AttributeValue::null());
    attributes.set("s", AttributeValue::string("postgres"));
    attributes.set("e", AttributeValue::string(""));
    attributes.set("t", AttributeValue::string("true"));
    attributes.set("u", AttributeValue::string("7"));
    attributes.set("v", AttributeValue::string("4.16.0-beta1"));
    attributes.set("p", AttributeValue::redacted());
    attributes.set("x.0.y", AttributeValue::boolean(true));
    attributes.finalize();
    return attributes;
}

const Attributes kAttributes = makeAttributes();

const std::map<std::string, AttributeValue> kDefaults {
    {"d", AttributeValue::boolean(true)},
    {"a", AttributeValue::boolean(false)}, // present in the instance: must not apply
    {"dn", AttributeValue::null()},
};

const std::map<std::string, AttributeValue> kFacts {
    {"q", AttributeValue::boolean(false)},
    {"$r", AttributeValue::boolean(true)},
    {"w", AttributeValue::string("5.1.0")},
    {"k", AttributeValue::redacted()},
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using blastline::core::Condition;
    using blastline::core::Truth;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Condition condition = Condition::parse(text, "fuzz.when");
        for (const Condition::Inputs& inputs :
            {Condition::Inputs {kAttributes, &kDefaults, &kFacts}, Condition::Inputs {kAttributes}}) {
            std::vector<std::string> unknowns;
            const Truth truth = condition.evaluate(inputs, &unknowns);
            // The documented contract: names are reported only when they made the result Unknown.
            if (truth != Truth::Unknown && !unknowns.empty())
                std::abort();
        }
    } catch (const blastline::core::InputError&) { }
    // Catalogue messages are templates over the same instance; expanding never throws.
    (void)blastline::core::expandTemplate(text, {kAttributes, &kDefaults, &kFacts});
    return 0;
}
