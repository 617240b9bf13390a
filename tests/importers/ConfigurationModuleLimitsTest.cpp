// SPDX-License-Identifier: MIT
// The module-tree limits of docs/reliability.md ("Limits"): a configuration folder whose local modules nest
// deeper than moduleLimits::kMaxDepth, or whose calls (each followed once per module block, as Terraform
// instantiates them) number more than moduleLimits::kMaxFollowedCalls, is refused with the call that goes past;
// a tree at the limits is read.
#include "RecordLimits.h"
#include "TemporaryDirectory.h"

#include "blastline/core/Error.h"
#include "blastline/importers/ConfigurationReader.h"

#include <gtest/gtest.h>

#include <string>

namespace blastline::importers {
namespace {

using blastline::testing::TemporaryDirectory;

std::string refusal(const std::string& folder)
{
    try {
        ConfigurationReader::readDirectory(folder);
    } catch (const core::InputError& error) {
        return error.what();
    }
    return "(read)";
}

/** Folders m0 (the root) .. m`levels`, each but the last calling the next `callsPerLevel` times. */
void writeChain(const TemporaryDirectory& dir, std::size_t levels, std::size_t callsPerLevel)
{
    for (std::size_t level = 0; level <= levels; ++level) {
        std::string text = "resource \"aws_s3_bucket\" \"b\" {}\n";
        for (std::size_t call = 0; level < levels && call < callsPerLevel; ++call)
            text += "module \"c" + std::to_string(call) + "\" { source = \"../m" + std::to_string(level + 1) + "\" }\n";
        dir.write("m" + std::to_string(level) + "/main.tf", text);
    }
}

TEST(ConfigurationModuleLimits, modulesNestedDeeperThanTheLimitAreRefused)
{
    const TemporaryDirectory dir;
    writeChain(dir, moduleLimits::kMaxDepth + 1, 1);
    const std::string message = refusal((dir.path() / "m0").string());
    EXPECT_NE(message.find(": source ../m101: modules nested more than 100 deep (Blastline's limit; see "
                           "docs/reliability.md)"),
        std::string::npos)
        << message;
}

TEST(ConfigurationModuleLimits, modulesNestedAtTheLimitAreRead)
{
    const TemporaryDirectory dir;
    writeChain(dir, moduleLimits::kMaxDepth, 1);
    const auto configuration = ConfigurationReader::readDirectory((dir.path() / "m0").string());
    EXPECT_EQ(configuration.resources.size(), moduleLimits::kMaxDepth + 1);
}

TEST(ConfigurationModuleLimits, aTreeThatDoublesAtEachLevelIsRefusedAtTheCountNotExpanded)
{
    // 14 levels of two calls each would be 32,766 module instances; the count stops it at 10,001.
    const TemporaryDirectory dir;
    writeChain(dir, 14, 2);
    EXPECT_NE(refusal((dir.path() / "m0").string())
                  .find(": more than 10,000 module calls to follow in one configuration (Blastline's limit"),
        std::string::npos);
    // Ten levels (2,046 calls) are read, every instance with its own address.
    const TemporaryDirectory smaller;
    writeChain(smaller, 10, 2);
    const auto configuration = ConfigurationReader::readDirectory((smaller.path() / "m0").string());
    EXPECT_EQ(configuration.resources.size(), 2047U);
}

} // namespace
} // namespace blastline::importers
