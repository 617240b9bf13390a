// SPDX-License-Identifier: MIT
// The record-count limits of docs/reliability.md ("Limits") beyond those of RecordLimitsTest.cpp:
// format 3 attributes and deposed objects, a plan's prior state, the entries of a deletion catalogue
// and the records of one CloudTrail file. Each is met one record over (refused, with its place) and
// at exactly the limit (read).
#include "CloudTrailTestSupport.h"
#include "LimitRefusal.h"
#include "LimitedReaders.h"
#include "RecordLimits.h"
#include "StateReaderPaths.h"

#include "blastline/core/DeletionCatalogue.h"
#include "blastline/core/Error.h"
#include "blastline/importers/CatalogueReader.h"
#include "blastline/importers/CloudTrailReader.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace blastline;
using importers::RecordLimits;

namespace {

using blastline::testing::kSeeTheDoc;
using blastline::testing::refusal;

TEST(FormatThreeRecordLimits, primaryAttributesPastTheLimitAreRefusedAtTheirObject)
{
    const std::string v3 = R"({"version": 3, "serial": 1, "modules": [{"path": ["root"], "resources": {
        "aws_instance.a": {"type": "aws_instance", "primary": {"id": "i-1",
            "attributes": {"id": "i-1", "ami": "ami-1", "tags.%": "1", "tags.Name": "a"}}}}}]})";
    RecordLimits limits;
    limits.attributesPerInstance = 3;
    EXPECT_EQ(refusal([&] { importers::readStateText(v3, "v3.tfstate", nullptr, limits); }),
        "v3.tfstate: at /modules/0/resources/aws_instance.a/primary/attributes: more than the 3 attributes "
        "(flattened values) an instance may have"
            + kSeeTheDoc);
    limits.attributesPerInstance = 4;
    EXPECT_EQ(importers::readStateText(v3, "v3.tfstate", nullptr, limits).instances.size(), 1U);
}

TEST(FormatThreeRecordLimits, deposedObjectsAreInstancesToo)
{
    // One resource, so the handler's count of resources is 1; its two deposed objects make three instances.
    const std::string v3 = R"({"version": 3, "serial": 1, "modules": [{"path": ["root"], "resources": {
        "aws_instance.a": {"type": "aws_instance", "primary": {"id": "i-1", "attributes": {"id": "i-1"}},
            "deposed": [{"id": "i-0", "attributes": {"id": "i-0"}}, {"id": "i-9", "attributes": {"id": "i-9"}}]}}}]})";
    RecordLimits limits;
    limits.stateInstances = 2;
    EXPECT_EQ(refusal([&] { importers::readStateText(v3, "v3.tfstate", nullptr, limits); }),
        "v3.tfstate: at /modules/0/resources/aws_instance.a: more than the 2 resource instances a state may have"
            + kSeeTheDoc);
    limits.stateInstances = 3;
    EXPECT_EQ(importers::readStateText(v3, "v3.tfstate", nullptr, limits).instances.size(), 3U);
}

std::string planWithPriorState(int resources, const std::string& values)
{
    std::string list;
    for (int i = 0; i < resources; ++i) {
        list += (i == 0 ? "" : ", ") + std::string(R"({"address": "aws_vpc.v)") + std::to_string(i)
            + R"(", "mode": "managed", "type": "aws_vpc", "name": "v)" + std::to_string(i)
            + R"(", "provider_name": "registry.terraform.io/hashicorp/aws", "values": )" + values + "}";
    }
    return R"({"format_version": "1.2", "resource_changes": [], "prior_state": {"format_version": "1.0",
        "values": {"root_module": {"child_modules": [{"address": "module.m", "resources": [)"
        + list + "]}]}}}}";
}

TEST(PlanRecordLimits, priorStateResourcesCountAsAStatesInstances)
{
    RecordLimits limits;
    limits.stateInstances = 2;
    EXPECT_EQ(refusal([&] {
        importers::readPlanText(planWithPriorState(3, R"({"id": "vpc-1"})"), "p.json", nullptr, limits);
    }),
        "p.json: at /prior_state/values/root_module/child_modules/0/resources/2: more than the 2 resource instances "
        "a state may have"
            + kSeeTheDoc);
    limits.stateInstances = 3;
    EXPECT_EQ(importers::readPlanText(planWithPriorState(3, R"({"id": "vpc-1"})"), "p.json", nullptr, limits)
                  .priorState->instances.size(),
        3U);
}

TEST(PlanRecordLimits, priorStateAttributesAreCountedPerResource)
{
    const std::string plan = planWithPriorState(1, R"({"id": "vpc-1", "tags": {"a": "1", "b": "2"}})");
    RecordLimits limits;
    limits.attributesPerInstance = 2;
    EXPECT_EQ(refusal([&] { importers::readPlanText(plan, "p.json", nullptr, limits); }),
        "p.json: at /prior_state/values/root_module/child_modules/0/resources/0/values: more than the 2 attributes "
        "(flattened values) an instance may have"
            + kSeeTheDoc);
    limits.attributesPerInstance = 3;
    EXPECT_NO_THROW(importers::readPlanText(plan, "p.json", nullptr, limits));
}

std::string catalogueOf(std::size_t entries)
{
    // The count is checked before any entry is read, so empty objects stand for entries here.
    std::string text = R"({"schema": "blastline.deletion-catalogue/1", "entries": [)";
    for (std::size_t i = 0; i < entries; ++i)
        text += i == 0 ? "{}" : ",{}";
    return text + "]}";
}

TEST(CatalogueRecordLimits, moreEntriesThanTheLimitAreRefusedBeforeAnyIsRead)
{
    const std::size_t limit = RecordLimits {}.catalogueEntries;
    ASSERT_EQ(limit, 10'000U);
    core::DeletionCatalogue catalogue;
    EXPECT_EQ(refusal([&] { importers::CatalogueReader::readText(catalogueOf(limit + 1), "c.json", catalogue); }),
        "c.json: at /entries/10000: more than the 10,000 entries a deletion catalogue may have" + kSeeTheDoc);
    // At the limit the entries are read, and the first one's problem is what is reported.
    const std::string atLimit =
        refusal([&] { importers::CatalogueReader::readText(catalogueOf(limit), "c.json", catalogue); });
    EXPECT_EQ(atLimit.find("more than the"), std::string::npos) << atLimit;
    EXPECT_NE(atLimit.find("c.json: at /entries/0"), std::string::npos) << atLimit;
}

core::Trail readTrail(const std::string& bytes, std::uint64_t maxRecords)
{
    importers::CloudTrailReadOptions options;
    options.filter.scope = core::TrailFilter::Scope::All;
    options.maxRecordsPerFile = maxRecords;
    return importers::CloudTrailReader::readBytes(bytes, "trail.json", options);
}

TEST(CloudTrailRecordLimits, aFileWithMoreRecordsThanTheLimitIsRefusedWhole)
{
    std::string file = R"({"Records":[)";
    for (int i = 0; i < 4; ++i)
        file += (i == 0 ? "" : ",")
            + blastline::testing::cloudTrailRecord(
                "DeleteSubnet", "2026-02-26T22:03:0" + std::to_string(i) + "Z", "e-" + std::to_string(i));
    file += "]}";
    const core::Trail over = readTrail(file, 3);
    const core::TrailInput& refused = over.inputs().at(0);
    EXPECT_EQ(refused.error,
        "trail.json: at /Records/3: more than the 3 records one CloudTrail file may have (Blastline's limit; see "
        "docs/reliability.md); the file is not read");
    EXPECT_EQ(refused.kept, 0U);
    EXPECT_TRUE(over.events().empty()) << "nothing of a refused file is kept";

    const core::Trail at = readTrail(file, 4);
    EXPECT_EQ(at.inputs().at(0).error, "");
    EXPECT_EQ(at.events().size(), 4U);
    EXPECT_EQ(importers::CloudTrailReadOptions {}.maxRecordsPerFile, 10'000'000U);
}

TEST(CloudTrailRecordLimits, lookupEventsAndJsonLinesAreCountedToo)
{
    const std::string one = blastline::testing::cloudTrailRecord("DeleteVpc", "2026-02-26T22:03:00Z", "e-1");
    const std::string lines = one + "\n" + one + "\n";
    EXPECT_NE(readTrail(lines, 1).inputs().at(0).error.find("at line 2: more than the 1 records"), std::string::npos);
    std::string escaped;
    for (const char c : one)
        escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
    const std::string lookup =
        R"({"Events": [{"CloudTrailEvent": ")" + escaped + R"("}, {"CloudTrailEvent": ")" + escaped + R"("}]})";
    const core::Trail trail = readTrail(lookup, 1);
    EXPECT_NE(
        trail.inputs().at(0).error.find("at /Events/1/CloudTrailEvent: more than the 1 records"), std::string::npos)
        << trail.inputs().at(0).error;
    EXPECT_TRUE(trail.events().empty());
}

} // namespace
