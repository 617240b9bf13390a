// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::core {

/** Three-valued logic: a condition over a fact nobody knows is Unknown, not false. */
enum class Truth
{
    False,
    True,
    Unknown
};

/**
 * A condition of the deletion catalogue, e.g.
 *   skip_final_snapshot == false && (final_snapshot_identifier == null || final_snapshot_identifier == "")
 *   backup_retention_period > 0 && !$bucket_empty
 * Grammar: literals true false null, numbers, "strings" (JSON escapes); attribute paths in flatmap form
 * (point_in_time_recovery.0.enabled); facts `$name` supplied by the caller; == != < <= > >=; ! && ||;
 * parentheses; one function, version_at_least(a, "4.16.0"), comparing dotted version numbers
 * (for provider-version-dependent behaviour). Evaluation is Kleene's: Unknown && False is False, Unknown || True is
 * True. An attribute absent from the instance takes the entry's default; absent with no default is Unknown, and so is a
 * redacted value. Flatmap strings compare equal to the bools and numbers they spell.
 */
class Condition
{
public:
    /** Throws InputError("<where>: at column N: expected ..., found ...") on a malformed condition. */
    static Condition parse(std::string_view text, const std::string& where);
    /** The always-true condition (an empty `when`). */
    Condition();

    struct Inputs
    {
        const Attributes& attributes;
        const std::map<std::string, AttributeValue>* defaults = nullptr;
        const std::map<std::string, AttributeValue>* facts = nullptr;
    };
    /** `unknowns`, when given, receives the attribute paths and $facts whose absence made the result Unknown. */
    Truth evaluate(const Inputs& inputs, std::vector<std::string>* unknowns = nullptr) const;
    const std::string& text() const { return m_text; }

    struct Node;

private:
    std::string m_text;
    std::shared_ptr<const Node> m_root; // immutable once parsed: copies share it
};

/**
 * "${attr}" placeholders in a catalogue template replaced by the instance's values ("(unknown)" when absent).
 * "${$fact}" reads a fact; "$${" writes "${". `unknowns`, when given, receives the placeholders that could not
 * be filled (absent or redacted), so that a caller can fall back to a generated text.
 */
std::string expandTemplate(
    std::string_view text, const Condition::Inputs& inputs, std::vector<std::string>* unknowns = nullptr);

} // namespace blastline::core
