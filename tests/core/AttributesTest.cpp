// SPDX-License-Identifier: MIT
#include "blastline/core/Attributes.h"

#include <gtest/gtest.h>

using blastline::core::Attributes;
using blastline::core::AttributeValue;

TEST(Attributes, findsLeavesByFlatPath)
{
    Attributes attributes;
    attributes.set("tags.Name", AttributeValue::string("web"));
    attributes.set("deletion_protection", AttributeValue::boolean(true));
    attributes.set("allocated_storage", AttributeValue::number("20"));
    attributes.set("final_snapshot_identifier", AttributeValue::null());
    attributes.finalize();

    EXPECT_EQ(attributes.getString("tags.Name"), "web");
    EXPECT_EQ(attributes.getBool("deletion_protection"), true);
    EXPECT_EQ(attributes.getNumber("allocated_storage"), 20.0);
    EXPECT_TRUE(attributes.contains("final_snapshot_identifier"));
    EXPECT_FALSE(attributes.getString("final_snapshot_identifier").has_value());
    EXPECT_EQ(attributes.find("missing"), nullptr);
    EXPECT_EQ(attributes.entries().front().first, "allocated_storage"); // sorted
}

TEST(Attributes, flatmapStringsReadAsBoolsAndNumbers)
{
    // Format 3 and attributes_flat store every leaf as a string.
    Attributes attributes;
    attributes.set("skip_final_snapshot", AttributeValue::string("false"));
    attributes.set("backup_retention_period", AttributeValue::string("7"));
    attributes.set("engine", AttributeValue::string("postgres"));
    attributes.finalize();
    EXPECT_EQ(attributes.getBool("skip_final_snapshot"), false);
    EXPECT_EQ(attributes.getNumber("backup_retention_period"), 7.0);
    EXPECT_FALSE(attributes.getBool("engine").has_value());
    EXPECT_FALSE(attributes.getNumber("engine").has_value());
}

TEST(Attributes, lastSetWinsAndRedactedIsNotAString)
{
    Attributes attributes;
    attributes.set("password", AttributeValue::string("hunter2"));
    attributes.set("password", AttributeValue::redacted());
    attributes.finalize();
    ASSERT_EQ(attributes.size(), 1U);
    EXPECT_EQ(attributes.find("password")->kind, AttributeValue::Kind::Redacted);
    EXPECT_FALSE(attributes.getString("password").has_value());
}
