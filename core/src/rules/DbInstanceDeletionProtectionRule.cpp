// SPDX-License-Identifier: MIT
#include "DbInstanceDeletionProtectionRule.h"

namespace blastline::core {

namespace {
constexpr const char* kName = "aws_db_instance.deletion_protection";
// Verbatim from the DeleteDBInstance API: users grep their logs for it.
constexpr const char* kErrorText = "InvalidParameterCombination: Cannot delete protected DB Instance, please disable "
                                   "deletion protection and try again.";
constexpr const char* kSource = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html";
} // namespace

std::string DbInstanceDeletionProtectionRule::name() const
{
    return kName;
}

std::optional<DeleteFailure> DbInstanceDeletionProtectionRule::deleteFailure(const ResourceInstance& instance) const
{
    if (!instance.isManaged() || instance.type() != "aws_db_instance")
        return std::nullopt;
    // getBool also accepts "true" as a string: flatmap (format 3) states store every leaf as one.
    if (instance.attributes.getBool("deletion_protection") != true)
        return std::nullopt;
    return DeleteFailure {kErrorText, kName, kSource};
}

} // namespace blastline::core
