// SPDX-License-Identifier: MIT
#include "blastline/core/DeletionCatalogue.h"

#include <gtest/gtest.h>

using blastline::core::CatalogueEntry;
using blastline::core::DeletionCatalogue;

namespace {

CatalogueEntry entry(std::string type, std::vector<std::string> aliases = {}, std::string description = {})
{
    CatalogueEntry result;
    result.type = std::move(type);
    result.aliases = std::move(aliases);
    result.description = std::move(description);
    return result;
}

TEST(DeletionCatalogue, findsEntriesByTypeAndAlias)
{
    DeletionCatalogue catalogue;
    catalogue.add(entry("aws_lb", {"aws_alb"}, "load balancer"));
    catalogue.add(entry("aws_kms_key"));
    ASSERT_NE(catalogue.find("aws_lb"), nullptr);
    EXPECT_EQ(catalogue.find("aws_lb")->description, "load balancer");
    EXPECT_EQ(catalogue.find("aws_alb"), catalogue.find("aws_lb"));
    EXPECT_EQ(catalogue.find("aws_kms_key")->type, "aws_kms_key");
    EXPECT_EQ(catalogue.find("aws_vpc"), nullptr);
    EXPECT_EQ(catalogue.entries().size(), 2U);
}

TEST(DeletionCatalogue, laterEntryReplacesTheEarlierOne)
{
    DeletionCatalogue catalogue;
    catalogue.add(entry("aws_lb", {"aws_alb"}, "built-in"));
    catalogue.add(entry("aws_kms_key"));
    catalogue.add(entry("aws_lb", {"aws_elb_v2"}, "user file"));

    ASSERT_EQ(catalogue.entries().size(), 2U);
    EXPECT_EQ(catalogue.entries()[0].type, "aws_lb"); // keeps its place
    EXPECT_EQ(catalogue.entries()[0].description, "user file");
    EXPECT_EQ(catalogue.find("aws_alb"), nullptr); // the old entry's alias went with it
    ASSERT_NE(catalogue.find("aws_elb_v2"), nullptr);
    EXPECT_EQ(catalogue.find("aws_elb_v2")->description, "user file");
    EXPECT_EQ(catalogue.find("aws_lb")->description, "user file");
}

TEST(DeletionCatalogue, anEntrysOwnTypeWinsOverAnotherEntrysAlias)
{
    DeletionCatalogue catalogue;
    catalogue.add(entry("aws_kms_key"));
    catalogue.add(entry("aws_lb", {"aws_alb", "aws_kms_key"}));
    ASSERT_NE(catalogue.find("aws_kms_key"), nullptr);
    EXPECT_EQ(catalogue.find("aws_kms_key")->type, "aws_kms_key");
    EXPECT_EQ(catalogue.find("aws_alb")->type, "aws_lb");
}

TEST(DeletionCatalogue, laterAliasWins)
{
    DeletionCatalogue catalogue;
    catalogue.add(entry("aws_lb", {"aws_alb"}));
    catalogue.add(entry("aws_lb_v2", {"aws_alb"}));
    EXPECT_EQ(catalogue.find("aws_alb")->type, "aws_lb_v2");
}

} // namespace
