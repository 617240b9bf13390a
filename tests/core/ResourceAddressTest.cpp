// SPDX-License-Identifier: MIT
#include "blastline/core/ResourceAddress.h"

#include <gtest/gtest.h>

using blastline::core::InstanceKey;
using blastline::core::ResourceAddress;
using blastline::core::ResourceMode;

namespace {

struct AddressRow
{
    const char* text;
    const char* moduleInstance;
    const char* moduleConfig;
    bool data;
    const char* type;
    const char* name;
    const char* key; // as printed
    const char* config;
};

class ResourceAddressGrammar : public testing::TestWithParam<AddressRow>
{ };

TEST_P(ResourceAddressGrammar, parsesAndPrintsBack)
{
    const AddressRow& row = GetParam();
    std::string error;
    const auto address = ResourceAddress::parse(row.text, &error);
    ASSERT_TRUE(address.has_value()) << error;
    EXPECT_EQ(address->moduleInstanceString(), row.moduleInstance);
    EXPECT_EQ(address->moduleConfigString(), row.moduleConfig);
    EXPECT_EQ(address->mode == ResourceMode::Data, row.data);
    EXPECT_EQ(address->type, row.type);
    EXPECT_EQ(address->name, row.name);
    EXPECT_EQ(address->key.toString(), row.key);
    EXPECT_EQ(address->configString(), row.config);
    EXPECT_EQ(address->toString(), row.text);
}

INSTANTIATE_TEST_SUITE_P(Rows, ResourceAddressGrammar,
    testing::Values(AddressRow {"aws_vpc.main", "", "", false, "aws_vpc", "main", "", "aws_vpc.main"},
        AddressRow {"aws_subnet.private[0]", "", "", false, "aws_subnet", "private", "[0]", "aws_subnet.private"},
        AddressRow {"aws_s3_bucket.b[\"logs\"]", "", "", false, "aws_s3_bucket", "b", "[\"logs\"]", "aws_s3_bucket.b"},
        AddressRow {"data.aws_ami.ubuntu", "", "", true, "aws_ami", "ubuntu", "", "data.aws_ami.ubuntu"},
        AddressRow {"module.vpc.aws_subnet.public[1]", "module.vpc", "module.vpc", false, "aws_subnet", "public", "[1]",
            "module.vpc.aws_subnet.public"},
        AddressRow {"module.a[\"k\"].module.b[0].aws_db_instance.main", "module.a[\"k\"].module.b[0]",
            "module.a.module.b", false, "aws_db_instance", "main", "", "module.a.module.b.aws_db_instance.main"},
        AddressRow {"module.env[\"prod\"].data.aws_caller_identity.me", "module.env[\"prod\"]", "module.env", true,
            "aws_caller_identity", "me", "", "module.env.data.aws_caller_identity.me"},
        AddressRow {
            "aws_x.with-dash_and_1[-1]", "", "", false, "aws_x", "with-dash_and_1", "[-1]", "aws_x.with-dash_and_1"},
        AddressRow {"aws_x.y[\"a \\\"quoted\\\" key\"]", "", "", false, "aws_x", "y", "[\"a \\\"quoted\\\" key\"]",
            "aws_x.y"}));

struct BadAddressRow
{
    const char* text;
    const char* expectedMessagePart;
};

class ResourceAddressErrors : public testing::TestWithParam<BadAddressRow>
{ };

TEST_P(ResourceAddressErrors, sayWhatWasExpected)
{
    std::string error;
    EXPECT_FALSE(ResourceAddress::parse(GetParam().text, &error).has_value());
    EXPECT_NE(error.find(GetParam().expectedMessagePart), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(Rows, ResourceAddressErrors,
    testing::Values(BadAddressRow {"", "expected an address"},
        BadAddressRow {"aws_vpc", "expected '.' between resource type and name"},
        BadAddressRow {"aws_vpc.", "expected a resource name"},
        BadAddressRow {"aws_vpc.main[", "expected a number or a quoted string"},
        BadAddressRow {"aws_vpc.main[0", "expected ']'"},
        BadAddressRow {"aws_vpc.main[\"k]", "unterminated quoted key"},
        BadAddressRow {"aws_vpc.main.extra", "unexpected text after the address"},
        BadAddressRow {"module.", "expected a module name"}, BadAddressRow {"module.m.", "expected a resource type"}));

TEST(ResourceAddress, moduleAloneIsATargetAddress)
{
    const auto address = ResourceAddress::parse("module.app[\"blue\"]");
    ASSERT_TRUE(address.has_value());
    EXPECT_TRUE(address->type.empty());
    ASSERT_EQ(address->modules.size(), 1U);
    EXPECT_EQ(address->modules[0].key, InstanceKey::string("blue"));
    EXPECT_EQ(address->toString(), "module.app[\"blue\"]");
}

TEST(ResourceAddress, modulePathParsesStateModuleField)
{
    const auto steps = ResourceAddress::parseModulePath("module.a[\"k\"].module.b[0]");
    ASSERT_TRUE(steps.has_value());
    ASSERT_EQ(steps->size(), 2U);
    EXPECT_EQ((*steps)[0].name, "a");
    EXPECT_EQ((*steps)[1].key, InstanceKey::index(0));
    EXPECT_TRUE(ResourceAddress::parseModulePath("")->empty());
    std::string error;
    EXPECT_FALSE(ResourceAddress::parseModulePath("aws_vpc.main", &error).has_value());
    EXPECT_FALSE(error.empty());
}

TEST(InstanceKey, ordersLikeTerraform)
{
    // No key first, then numbers ascending, then strings ascending (statefile normalize()).
    EXPECT_LT(InstanceKey(), InstanceKey::index(0));
    EXPECT_LT(InstanceKey::index(2), InstanceKey::index(10));
    EXPECT_LT(InstanceKey::index(99), InstanceKey::string("a"));
    EXPECT_LT(InstanceKey::string("a"), InstanceKey::string("b"));
}

TEST(InstanceKey, escapesControlCharactersInStringKeys)
{
    EXPECT_EQ(InstanceKey::string("a\nb").toString(), "[\"a\\nb\"]");
    EXPECT_EQ(InstanceKey::string(std::string("\x01", 1)).toString(), "[\"\\u0001\"]");
}

} // namespace
