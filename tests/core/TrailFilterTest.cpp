// SPDX-License-Identifier: MIT
#include "blastline/core/TrailFilter.h"

#include <gtest/gtest.h>

#include <optional>

using blastline::core::EventClass;
using blastline::core::TrailFilter;
using Scope = TrailFilter::Scope;

namespace {

TEST(TrailFilter, defaultsToWritesOfAnyoneAtAnyTime)
{
    const TrailFilter filter;
    EXPECT_EQ(filter.scope, Scope::Writes);
    EXPECT_TRUE(filter.acceptsTime(-5));
    EXPECT_TRUE(filter.acceptsTime(4'000'000'000'000));
    EXPECT_TRUE(filter.acceptsPrincipal("", "", "", ""));
}

TEST(TrailFilter, timeWindowIncludesItsStartAndExcludesItsEnd)
{
    TrailFilter filter;
    filter.fromMs = 1000;
    filter.toMs = 2000;
    EXPECT_FALSE(filter.acceptsTime(999));
    EXPECT_TRUE(filter.acceptsTime(1000));
    EXPECT_TRUE(filter.acceptsTime(1999));
    EXPECT_FALSE(filter.acceptsTime(2000));
}

TEST(TrailFilter, openEndedWindows)
{
    TrailFilter from;
    from.fromMs = 1000;
    EXPECT_FALSE(from.acceptsTime(999));
    EXPECT_TRUE(from.acceptsTime(1'000'000));

    TrailFilter to;
    to.toMs = 1000;
    EXPECT_TRUE(to.acceptsTime(-1'000'000));
    EXPECT_FALSE(to.acceptsTime(1000));
}

TEST(TrailFilter, destructiveScopeKeepsDeletesBackupsAndLoweredProtection)
{
    TrailFilter filter;
    filter.scope = Scope::Destructive;
    EXPECT_TRUE(filter.acceptsClass(EventClass::Delete, false));
    EXPECT_TRUE(filter.acceptsClass(EventClass::BackupDestroying, false));
    EXPECT_TRUE(filter.acceptsClass(EventClass::ProtectionLowering, false));
    EXPECT_FALSE(filter.acceptsClass(EventClass::Create, false));
    EXPECT_FALSE(filter.acceptsClass(EventClass::Modify, false));
    EXPECT_FALSE(filter.acceptsClass(EventClass::Read, true));
    EXPECT_FALSE(filter.acceptsClass(EventClass::Other, false));
}

TEST(TrailFilter, writesScopeDropsReadsAndReadOnlyCalls)
{
    TrailFilter filter;
    filter.scope = Scope::Writes;
    EXPECT_TRUE(filter.acceptsClass(EventClass::Create, false));
    EXPECT_TRUE(filter.acceptsClass(EventClass::Modify, false));
    EXPECT_TRUE(filter.acceptsClass(EventClass::Delete, false));
    EXPECT_TRUE(filter.acceptsClass(EventClass::Other, false));
    EXPECT_FALSE(filter.acceptsClass(EventClass::Read, false));
    EXPECT_FALSE(filter.acceptsClass(EventClass::Other, true));
}

TEST(TrailFilter, allScopeKeepsEverything)
{
    TrailFilter filter;
    filter.scope = Scope::All;
    EXPECT_TRUE(filter.acceptsClass(EventClass::Read, true));
    EXPECT_TRUE(filter.acceptsClass(EventClass::Other, true));
    EXPECT_TRUE(filter.acceptsClass(EventClass::Delete, false));
}

TEST(TrailFilter, principalMatchesAnyIdentityFieldIgnoringCase)
{
    TrailFilter filter;
    filter.principal = "TerraForm";
    EXPECT_TRUE(filter.acceptsPrincipal("arn:aws:sts::123456789012:assumed-role/terraform-ci/session", "", "", ""));
    EXPECT_TRUE(filter.acceptsPrincipal("", "arn:aws:iam::123456789012:role/Terraform", "", ""));
    EXPECT_TRUE(filter.acceptsPrincipal("", "", "terraform-bot", ""));
    EXPECT_FALSE(filter.acceptsPrincipal("arn:aws:iam::123456789012:user/alice", "", "alice", "AKIAEXAMPLE"));

    filter.principal = "akiaexample";
    EXPECT_TRUE(filter.acceptsPrincipal("", "", "", "AKIAEXAMPLE"));
    EXPECT_FALSE(filter.acceptsPrincipal("", "", "", "AKIAOTHER"));
}

TEST(TrailFilter, parsesScopeNames)
{
    EXPECT_EQ(TrailFilter::parseScope("destructive"), Scope::Destructive);
    EXPECT_EQ(TrailFilter::parseScope("writes"), Scope::Writes);
    EXPECT_EQ(TrailFilter::parseScope("all"), Scope::All);
    EXPECT_EQ(TrailFilter::parseScope("All"), std::nullopt);
    EXPECT_EQ(TrailFilter::parseScope(""), std::nullopt);
    EXPECT_EQ(TrailFilter::parseScope("deletes"), std::nullopt);
}

} // namespace
