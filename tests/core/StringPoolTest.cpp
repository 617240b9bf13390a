// SPDX-License-Identifier: MIT
#include "blastline/core/StringPool.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

using blastline::core::StringId;
using blastline::core::StringPool;

namespace {

TEST(StringPool, emptyStringIsIdZero)
{
    StringPool pool;
    EXPECT_EQ(pool.size(), 1U);
    EXPECT_EQ(pool.view(0), "");
    EXPECT_EQ(pool.intern(""), 0U);
    EXPECT_EQ(pool.size(), 1U);
}

TEST(StringPool, sameTextGivesSameId)
{
    StringPool pool;
    const StringId first = pool.intern("DeleteDBInstance");
    const StringId second = pool.intern("TerminateInstances");
    EXPECT_EQ(first, 1U);
    EXPECT_EQ(second, 2U);
    EXPECT_EQ(pool.intern(std::string("DeleteDBInstance")), first);
    EXPECT_EQ(pool.size(), 3U);
    EXPECT_EQ(pool.view(first), "DeleteDBInstance");
    EXPECT_EQ(pool.view(second), "TerminateInstances");
}

TEST(StringPool, distinguishesCase)
{
    StringPool pool;
    EXPECT_NE(pool.intern("web"), pool.intern("Web"));
}

TEST(StringPool, viewsStayValidAsThePoolGrows)
{
    StringPool pool;
    const StringId id = pool.intern("arn:aws:iam::123456789012:role/terraform");
    const std::string_view early = pool.view(id);
    for (int i = 0; i < 10'000; ++i)
        pool.intern("principal-" + std::to_string(i));
    EXPECT_EQ(early.data(), pool.view(id).data());
    EXPECT_EQ(early, "arn:aws:iam::123456789012:role/terraform");
    EXPECT_EQ(pool.intern("principal-9999"), 10'001U);
    EXPECT_EQ(pool.intern("arn:aws:iam::123456789012:role/terraform"), id);
}

TEST(StringPool, keepsItsIndexWhenMoved)
{
    StringPool pool;
    const StringId id = pool.intern("us-east-1");
    StringPool moved = std::move(pool);
    EXPECT_EQ(moved.intern("us-east-1"), id);
    EXPECT_EQ(moved.view(id), "us-east-1");
    EXPECT_EQ(moved.intern("eu-west-1"), 2U);
}

} // namespace
