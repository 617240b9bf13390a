// SPDX-License-Identifier: MIT
// The record-count and path limits of docs/reliability.md ("Limits"):
// - a state with more instances, or an instance with more flattened attributes, than the limit is
//   refused at the JSON pointer of the first record past it, with the same message from the simdjson
//   fast path (which declines the file) and the nlohmann reference path (which names it); so are a
//   plan's resource changes and an inventory listing's recovery points. The limits are lowered through
//   the readers' test hooks (RecordLimits), so the files stay small; exactly the limit is read;
// - an evidence path in a scenario longer than PATH_MAX, or with a component longer than NAME_MAX,
//   is refused at its pointer before the filesystem is asked.
#include "RecordLimits.h"

#include "LimitRefusal.h"
#include "LimitedReaders.h"
#include "StateReaderPaths.h"
#include "TemporaryDirectory.h"

#include "blastline/core/Error.h"
#include "blastline/importers/InventoryReader.h"
#include "blastline/importers/ScenarioReader.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>

using namespace blastline;
using blastline::testing::TemporaryDirectory;
using importers::RecordLimits;
namespace fs = std::filesystem;

namespace {

using blastline::testing::kSeeTheDoc;
using blastline::testing::refusal;

std::string instanceJson(int index, int attributeCount)
{
    std::string attributes = R"("id": "i-)" + std::to_string(index) + '"';
    for (int i = 1; i < attributeCount; ++i)
        attributes += R"(, "a)" + std::to_string(i) + R"(": )" + std::to_string(i);
    return R"({"index_key": )" + std::to_string(index) + R"(, "schema_version": 0, "attributes": {)" + attributes
        + "}}";
}

/** A format 4 state: resources of `perResource` instances each, every instance with `attributeCount` leaves. */
std::string stateV4(int resources, int perResource, int attributeCount)
{
    std::string text = R"({"version": 4, "terraform_version": "1.5.0", "serial": 1, "lineage": "l", "resources": [)";
    for (int r = 0; r < resources; ++r) {
        text += r == 0 ? "" : ", ";
        text += R"({"mode": "managed", "type": "aws_instance", "name": "r)" + std::to_string(r)
            + R"(", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]", "instances": [)";
        for (int i = 0; i < perResource; ++i)
            text += (i == 0 ? "" : ", ") + instanceJson(i, attributeCount);
        text += "]}";
    }
    return text + "]}";
}

RecordLimits withInstances(std::size_t count)
{
    RecordLimits limits;
    limits.stateInstances = count;
    return limits;
}

RecordLimits withAttributes(std::size_t count)
{
    RecordLimits limits;
    limits.attributesPerInstance = count;
    return limits;
}

TEST(StateRecordLimits, theDefaultsAreGenerous)
{
    // Lowering them is the tests' business; production reads with these.
    const RecordLimits defaults;
    EXPECT_EQ(defaults.stateInstances, 20'000'000U);
    EXPECT_EQ(defaults.attributesPerInstance, 1'000'000U);
    EXPECT_EQ(defaults.recoveryPoints, 10'000'000U);
    EXPECT_EQ(defaults.resourceChanges, 20'000'000U);
}

TEST(StateRecordLimits, anInstancePastTheLimitIsRefusedAtItsPointerByBothPaths)
{
    const std::string text = stateV4(2, 3, 2); // 6 instances
    EXPECT_FALSE(importers::readStateV4Fast(text, "s.tfstate", nullptr, withInstances(5)).has_value())
        << "the fast path must decline a state over the limit";
    const std::string expected =
        "s.tfstate: at /resources/1/instances/2: more than the 5 resource instances a state may have" + kSeeTheDoc;
    EXPECT_EQ(refusal([&] { importers::readStateReference(text, "s.tfstate", nullptr, withInstances(5)); }), expected);
    EXPECT_EQ(refusal([&] { importers::readStateText(text, "s.tfstate", nullptr, withInstances(5)); }), expected);
}

TEST(StateRecordLimits, exactlyTheLimitIsReadByBothPaths)
{
    const std::string text = stateV4(2, 3, 2);
    const auto fast = importers::readStateV4Fast(text, "s.tfstate", nullptr, withInstances(6));
    ASSERT_TRUE(fast.has_value());
    EXPECT_EQ(fast->instances.size(), 6U);
    EXPECT_EQ(importers::readStateReference(text, "s.tfstate", nullptr, withInstances(6)).instances.size(), 6U);
}

TEST(StateRecordLimits, formatThreeAndShowJsonInstancesCountToo)
{
    const std::string v3 = R"({"version": 3, "serial": 1, "modules": [{"path": ["root"], "resources": {
        "aws_instance.a": {"type": "aws_instance", "primary": {"id": "i-1", "attributes": {"id": "i-1"}}},
        "aws_instance.b": {"type": "aws_instance", "primary": {"id": "i-2", "attributes": {"id": "i-2"}}}}}]})";
    EXPECT_EQ(refusal([&] { importers::readStateText(v3, "v3.tfstate", nullptr, withInstances(1)); }),
        "v3.tfstate: at /modules/0/resources/aws_instance.b: more than the 1 resource instances a state may have"
            + kSeeTheDoc);
    EXPECT_EQ(importers::readStateText(v3, "v3.tfstate", nullptr, withInstances(2)).instances.size(), 2U);

    const std::string show = R"({"format_version": "1.0", "values": {"root_module": {"resources": [
        {"address": "aws_instance.a", "mode": "managed", "type": "aws_instance", "name": "a",
         "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"id": "i-1"}},
        {"address": "aws_instance.b", "mode": "managed", "type": "aws_instance", "name": "b",
         "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"id": "i-2"}}]}}})";
    EXPECT_EQ(refusal([&] { importers::readStateText(show, "show.json", nullptr, withInstances(1)); }),
        "show.json: at /values/root_module/resources/1: more than the 1 resource instances a state may have"
            + kSeeTheDoc);
}

TEST(StateRecordLimits, anInstanceWithMoreAttributesThanTheLimitIsRefusedByBothPaths)
{
    const std::string text = stateV4(1, 2, 4); // four leaves each
    EXPECT_FALSE(importers::readStateV4Fast(text, "s.tfstate", nullptr, withAttributes(3)).has_value());
    const std::string expected = "s.tfstate: at /resources/0/instances/0/attributes: more than the 3 attributes "
                                 "(flattened values) an instance may have"
        + kSeeTheDoc;
    EXPECT_EQ(refusal([&] { importers::readStateReference(text, "s.tfstate", nullptr, withAttributes(3)); }), expected);
    EXPECT_EQ(refusal([&] { importers::readStateText(text, "s.tfstate", nullptr, withAttributes(3)); }), expected);
    // Exactly the limit: both paths read it.
    EXPECT_TRUE(importers::readStateV4Fast(text, "s.tfstate", nullptr, withAttributes(4)).has_value());
    EXPECT_EQ(importers::readStateReference(text, "s.tfstate", nullptr, withAttributes(4)).instances.size(), 2U);
}

TEST(StateRecordLimits, nestedLeavesAndIdentityCountAsAttributes)
{
    const std::string text = R"({"version": 4, "serial": 1, "resources": [{"mode": "managed", "type": "aws_s3_bucket",
        "name": "b", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]", "instances": [
        {"attributes": {"id": "b"}, "identity": {"account_id": "1", "region": "r", "bucket": "b"}}]}]})";
    const std::string expected = "s.tfstate: at /resources/0/instances/0/identity: more than the 2 attributes "
                                 "(flattened values) an instance may have"
        + kSeeTheDoc;
    EXPECT_FALSE(importers::readStateV4Fast(text, "s.tfstate", nullptr, withAttributes(2)).has_value());
    EXPECT_EQ(refusal([&] { importers::readStateText(text, "s.tfstate", nullptr, withAttributes(2)); }), expected);

    const std::string nested = stateV4(0, 0, 0).replace(stateV4(0, 0, 0).find("[]"), 2,
        R"([{"mode": "managed", "type": "aws_iam_policy", "name": "p", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
        "instances": [{"attributes": {"tags": {"a": "1", "b": "2"}, "list": [1, [2, 3]]}}]}])");
    EXPECT_EQ(refusal([&] { importers::readStateText(nested, "s.tfstate", nullptr, withAttributes(4)); }),
        "s.tfstate: at /resources/0/instances/0/attributes: more than the 4 attributes (flattened values) an "
        "instance may have"
            + kSeeTheDoc);
    EXPECT_NO_THROW(importers::readStateText(nested, "s.tfstate", nullptr, withAttributes(5)));
}

TEST(StateRecordLimits, theDefaultReaderStillReadsOrdinaryStates)
{
    EXPECT_EQ(importers::StateReader::readText(stateV4(3, 4, 10), "s.tfstate").instances.size(), 12U);
}

// ---------------------------------------------------------------------------------------------

std::string planWithChanges(const char* field, int count)
{
    std::string text = R"({"format_version": "1.2", ")" + std::string(field) + R"(": [)";
    for (int i = 0; i < count; ++i) {
        text += (i == 0 ? "" : ", ") + std::string(R"({"address": "aws_vpc.v[)") + std::to_string(i)
            + R"(]", "mode": "managed", "type": "aws_vpc", "name": "v", "index": )" + std::to_string(i)
            + R"(, "change": {"actions": ["delete"], "before": {}, "after": null}})";
    }
    return text + "]}";
}

TEST(PlanRecordLimits, changesPastTheLimitAreRefusedAtTheFirstOneOver)
{
    RecordLimits limits;
    limits.resourceChanges = 3;
    EXPECT_EQ(
        refusal([&] { importers::readPlanText(planWithChanges("resource_changes", 4), "p.json", nullptr, limits); }),
        "p.json: at /resource_changes/3: more than the 3 resource changes a plan may have" + kSeeTheDoc);
    EXPECT_EQ(
        refusal([&] { importers::readPlanText(planWithChanges("resource_drift", 4), "p.json", nullptr, limits); }),
        "p.json: at /resource_drift/3: more than the 3 resource changes a plan may have" + kSeeTheDoc);
    EXPECT_EQ(importers::readPlanText(planWithChanges("resource_changes", 3), "p.json", nullptr, limits)
                  .resourceChanges.size(),
        3U);
}

TEST(InventoryRecordLimits, recoveryPointsPastTheLimitAreRefusedAtTheFirstOneOver)
{
    std::string text = R"({"DBSnapshots": [)";
    for (int i = 0; i < 3; ++i) {
        text += (i == 0 ? "" : ", ") + std::string(R"({"DBSnapshotIdentifier": "s)") + std::to_string(i)
            + R"(", "DBInstanceIdentifier": "db", "SnapshotType": "manual", "SnapshotCreateTime": "2026-01-01T00:00:00Z", "Status": "available"})";
    }
    text += "]}";
    RecordLimits limits;
    limits.recoveryPoints = 2;
    EXPECT_EQ(refusal([&] { importers::readInventoryText(text, "i.json", limits); }),
        "i.json: at /DBSnapshots/2: more than the 2 recovery points an inventory listing may have" + kSeeTheDoc);
    limits.recoveryPoints = 3;
    EXPECT_EQ(importers::readInventoryText(text, "i.json", limits).recoveryPoints.size(), 3U);
}

// ---------------------------------------------------------------------------------------------

std::string scenarioWithStatePath(const std::string& path)
{
    return R"({"schema": "blastline.scenario/2",
  "metadata": {"id": "t", "title": "t", "incident": {"start": "2026-01-01", "end": "2026-01-02"},
    "summary": "s", "reconstructed": "r", "sources": [{"id": "a", "title": "A", "url": "https://example.com/a", "kind": "primary"}]},
  "evidence": {"states": [{"id": "s", "path": ")"
        + path + R"(", "role": "before"}]},
  "narrative": [{"time": "2026-01-01T10:00:00Z", "actor": "x", "text": "y", "sources": ["a"]}],
  "decisions": [], "ground_truth": {"outcome": "o"}})";
}

std::string readScenario(const fs::path& folder, const std::string& path)
{
    return refusal([&] { importers::ScenarioReader::readText(scenarioWithStatePath(path), "scenario.json", folder); });
}

TEST(ScenarioPathLimits, aPathLongerThanPathMaxIsRefusedAtItsPointer)
{
    const TemporaryDirectory folder;
    std::string path;
    while (path.size() + 101 <= 4096)
        path += std::string(100, 'd') + "/";
    path += std::string(4097 - path.size(), 'f'); // 4,097 bytes, every component short
    EXPECT_EQ(readScenario(folder.path(), path),
        "scenario.json: at /evidence/states/0/path: a path of 4,097 bytes, more than the 4096 a path may have "
        "(PATH_MAX)"
            + kSeeTheDoc);
}

TEST(ScenarioPathLimits, aComponentLongerThanNameMaxIsRefusedAtItsPointer)
{
    const TemporaryDirectory folder;
    EXPECT_EQ(readScenario(folder.path(), "states/" + std::string(256, 'n') + "/before.tfstate"),
        "scenario.json: at /evidence/states/0/path: component 2 of the path is 256 bytes, more than the 255 a "
        "file name may have (NAME_MAX)"
            + kSeeTheDoc);
}

TEST(ScenarioPathLimits, aNulCharacterInAPathIsRefused)
{
    // std::filesystem would stop at the NUL and ask about another file than the scenario names.
    const TemporaryDirectory folder;
    EXPECT_EQ(readScenario(folder.path(), "before.tfstate\\u0000.txt"),
        "scenario.json: at /evidence/states/0/path: expected a path, found a NUL character in it");
}

TEST(ScenarioPathLimits, pathsAtTheLimitsReachTheFilesystem)
{
    // At exactly NAME_MAX and PATH_MAX the reader asks the filesystem, which says the file is missing.
    const TemporaryDirectory folder;
    const std::string name = std::string(255, 'n');
    EXPECT_EQ(readScenario(folder.path(), name),
        "scenario.json: at /evidence/states/0/path: \"" + name
            + "\" does not exist (relative to the scenario's folder)");
    std::string path;
    while (path.size() + 101 <= 4096)
        path += std::string(100, 'd') + "/";
    path += std::string(4096 - path.size(), 'f');
    ASSERT_EQ(path.size(), 4096U);
    EXPECT_NE(readScenario(folder.path(), path).find("does not exist"), std::string::npos);
}

} // namespace
