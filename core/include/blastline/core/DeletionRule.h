// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ResourceInstance.h"

#include <optional>
#include <string>
#include <vector>

namespace blastline::core {

/** Why the delete call of one instance fails, in the words AWS or the provider would use. */
struct DeleteFailure
{
    std::string errorText; // the exact error text, e.g. "InvalidParameterCombination: Cannot delete protected DB ..."
    std::string rule; // which rule decided it, e.g. "aws_db_instance.deletion_protection"
    std::string source; // the documentation the rule follows (URL or provider source path)
    /**
     * Facts the failure depends on that nobody knows (e.g. "$bucket_empty"). Empty: the delete fails.
     * Not empty: it fails only if those facts are as feared; the engine lets it proceed and says so.
     */
    std::vector<std::string> unknownFacts;
    bool isCertain() const { return unknownFacts.empty(); }
};

/**
 * One piece of knowledge about how a delete behaves. The destroy engine asks each rule in turn;
 * the first that returns a failure decides. Rules read the instance's *state* values (formats.md C.7).
 */
class DeletionRule
{
public:
    virtual ~DeletionRule() = default;
    /** A stable name, used in outputs and when a user file overrides a rule. */
    virtual std::string name() const = 0;
    /** Whether the delete of `instance` fails, and why; nullopt when it goes through. */
    virtual std::optional<DeleteFailure> deleteFailure(const ResourceInstance& instance) const = 0;
};

} // namespace blastline::core
