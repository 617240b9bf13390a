// SPDX-License-Identifier: MIT
// Real states that nobody on this project wrote (../shared/corpus/tfstate, see its README).
#include "blastline/core/TerraformState.h"
#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using blastline::core::AttributeValue;
using blastline::core::ResourceInstance;
using blastline::core::TerraformState;
using blastline::importers::StateReader;

namespace {

fs::path corpusDir()
{
    return fs::path(BLASTLINE_TEST_CORPUS) / "tfstate";
}

// Counted independently of the importer: one instance object per element of every `instances`.
std::size_t countInstanceObjects(const fs::path& file)
{
    std::ifstream in(file);
    const nlohmann::json state = nlohmann::json::parse(in);
    std::size_t count = 0;
    for (const auto& resource : state.value("resources", nlohmann::json::array())) {
        count += resource.value("instances", nlohmann::json::array()).size();
    }
    return count;
}

const ResourceInstance* findInstance(const TerraformState& state, const std::string& address)
{
    const auto it = std::find_if(state.instances.begin(), state.instances.end(),
        [&](const ResourceInstance& instance) { return instance.addressText == address; });
    return it == state.instances.end() ? nullptr : &*it;
}

TEST(StateCorpus, everyFileImportsWithEveryInstanceObject)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(corpusDir())) {
        if (entry.path().extension() != ".tfstate") {
            continue;
        }
        ++files;
        SCOPED_TRACE(entry.path().filename().string());
        TerraformState state;
        ASSERT_NO_THROW(state = StateReader::readFile(entry.path().string()));
        EXPECT_EQ(state.instances.size(), countInstanceObjects(entry.path()));
        EXPECT_GT(state.instances.size(), 0u);
        for (const ResourceInstance& instance : state.instances) {
            EXPECT_EQ(instance.addressText, instance.address.toString());
            EXPECT_TRUE(instance.provider.starts_with("registry.terraform.io/")) << instance.provider;
        }
    }
    EXPECT_GE(files, 11u);
}

class StateCorpusFacts : public testing::Test
{
protected:
    void SetUp() override
    {
        if (!fs::is_directory(corpusDir())) {
            GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
        }
    }
    static TerraformState read(const char* name) { return StateReader::readFile((corpusDir() / name).string()); }
};

TEST_F(StateCorpusFacts, dbInstanceHasLegacyProviderAndRedactedPassword)
{
    const TerraformState state = read("driftctl_aws_db_instance.tfstate");
    EXPECT_EQ(state.terraformVersion, "0.12.28");
    EXPECT_EQ(state.serial, 125u);
    const ResourceInstance* db = findInstance(state, "aws_db_instance.default");
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->providerConfig, "provider.aws");
    EXPECT_EQ(db->provider, "registry.terraform.io/-/aws");
    EXPECT_EQ(db->schemaVersion, 1u);
    ASSERT_NE(db->attributes.find("password"), nullptr);
    EXPECT_EQ(db->attributes.find("password")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(db->attributes.getBool("skip_final_snapshot"), false);
    EXPECT_EQ(db->attributes.getString("username"), "foo");
    EXPECT_EQ(db->attributes.getString("vpc_security_group_ids.0"), "sg-a74815c8");
    for (const auto& [path, value] : db->attributes.entries()) {
        EXPECT_EQ(value.text.find("foobarbaz"), std::string::npos) << path;
    }
}

TEST_F(StateCorpusFacts, lbListenerHasTheAzureDataSourceAndDanglingDependencies)
{
    const TerraformState state = read("driftctl_aws_lb_listener.tfstate");
    const ResourceInstance* group = findInstance(state, "data.azurerm_resource_group.raphael-dev");
    ASSERT_NE(group, nullptr);
    EXPECT_FALSE(group->isManaged());
    EXPECT_EQ(group->provider, "registry.terraform.io/hashicorp/azurerm");
    const ResourceInstance* gateway = findInstance(state, "aws_internet_gateway.gw");
    ASSERT_NE(gateway, nullptr);
    EXPECT_EQ(gateway->dependencies, std::vector<std::string> {"aws_vpc.main"});
    EXPECT_EQ(findInstance(state, "aws_vpc.main"), nullptr);
}

TEST_F(StateCorpusFacts, moduleAccessKeyKeepsItsIdAndHidesItsSecrets)
{
    const TerraformState state = read("driftctl_module.iam_iam-user.tfstate");
    const ResourceInstance* key = findInstance(state, "module.iam_iam-user.aws_iam_access_key.this_no_pgp[0]");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->attributes.getString("id"), "AKIA5QYBVVD2VIEMMUIQ");
    EXPECT_EQ(key->attributes.find("secret")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(key->attributes.find("ses_smtp_password_v4")->kind, AttributeValue::Kind::Redacted);
    EXPECT_EQ(key->dependencies, std::vector<std::string> {"module.iam_iam-user.aws_iam_user.this"});
}

TEST_F(StateCorpusFacts, sensitiveOutputsAreRedacted)
{
    const TerraformState state = read("terraform-json_110_sensitive_values.tfstate");
    ASSERT_EQ(state.outputs.size(), 8u);
    const auto foo = std::find_if(state.outputs.begin(), state.outputs.end(), [](auto& o) { return o.name == "foo"; });
    ASSERT_NE(foo, state.outputs.end());
    EXPECT_TRUE(foo->sensitive);
    EXPECT_EQ(foo->valueText, blastline::core::kRedactedMarker);
    const auto list =
        std::find_if(state.outputs.begin(), state.outputs.end(), [](auto& o) { return o.name == "list"; });
    ASSERT_NE(list, state.outputs.end());
    EXPECT_EQ(list->valueText, R"(["foo","bar"])");
    EXPECT_NE(findInstance(state, "null_resource.baz[2]"), nullptr);
    EXPECT_NE(findInstance(state, "module.foo.null_resource.aliased"), nullptr);
}

} // namespace
