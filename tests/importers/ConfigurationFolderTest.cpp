// SPDX-License-Identifier: MIT
// The configuration reader on folders: local modules, the lock file, errors in files on disk.
#include "ConfigurationTestSupport.h"

#include "blastline/core/Error.h"
#include "blastline/importers/ConfigurationReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace blastline::importers {
namespace {

namespace fs = std::filesystem;
using core::InputError;
using test::addresses;
using test::TempDir;

TEST(ConfigurationReader, followsLocalModulesAndWarnsAboutTheRest)
{
    TempDir dir;
    dir.write("main.tf", R"(module "app" { source = "./modules/app" }
module "remote" { source = "git::https://example.com/vpc.git" }
module "missing" { source = "./nope" }
module "self" { source = "./" }
resource "aws_s3_bucket" "root" {}
)");
    dir.write("b.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
    dir.write("a.tf", "resource \"aws_s3_bucket\" \"a\" {}\n");
    dir.write("override.tf", "resource \"aws_s3_bucket\" \"root\" {\n  lifecycle { prevent_destroy = true }\n}\n");
    dir.write("main.tf~", "this backup is not HCL {");
    dir.write("extra.tf.json", "{}");
    dir.write("modules/app/main.tf", R"(resource "aws_instance" "web" {}
module "db" { source = "../db" }
removed { from = aws_instance.old }
)");
    dir.write(
        "modules/db/db.tf", "resource \"aws_db_instance\" \"main\" {}\nmodule \"loop\" { source = \"../app\" }\n");

    const auto configuration = ConfigurationReader::readDirectory(dir.path().string());
    EXPECT_EQ(configuration.rootDirectory, dir.path().string());
    EXPECT_EQ(addresses(configuration),
        (std::vector<std::string> {"aws_s3_bucket.a", "aws_s3_bucket.b", "aws_s3_bucket.root",
            "module.app.aws_instance.web", "module.app.module.db.aws_db_instance.main"}));
    EXPECT_EQ(configuration.findResource("aws_s3_bucket.root")->preventDestroy, true);
    EXPECT_EQ(configuration.findResource("module.app.aws_instance.web")->location.file,
        (dir.path() / "modules" / "app" / "main.tf").string());
    ASSERT_EQ(configuration.removedBlocks.size(), 1u);
    EXPECT_EQ(configuration.removedBlocks[0].from, "module.app.aws_instance.old");

    std::vector<std::pair<std::string, bool>> calls;
    for (const auto& call : configuration.moduleCalls)
        calls.emplace_back(call.address, call.followed);
    EXPECT_EQ(calls,
        (std::vector<std::pair<std::string, bool>> {{"module.app", true}, {"module.remote", false},
            {"module.missing", false}, {"module.self", false}, {"module.app.module.db", true},
            {"module.app.module.db.module.loop", false}}));
    const auto& warnings = configuration.warnings;
    // Depth first: the cycle found inside module.app is reported before the root's later calls.
    ASSERT_EQ(warnings.size(), 5u);
    EXPECT_EQ(warnings[0], (dir.path() / "extra.tf.json").string() + ": JSON configuration not read");
    EXPECT_NE(warnings[1].find("module.app.module.db.module.loop: source ../app"), std::string::npos);
    EXPECT_NE(warnings[1].find("module cycle"), std::string::npos);
    EXPECT_EQ(warnings[2],
        "module.remote: source git::https://example.com/vpc.git is not a local folder; its "
        "resources are not read");
    EXPECT_EQ(warnings[3],
        "module.missing: source ./nope (" + (dir.path() / "nope").string()
            + ") is not a folder; its resources are not read");
    EXPECT_NE(warnings[4].find("module.self: source ./ "), std::string::npos);
    EXPECT_NE(warnings[4].find("module cycle"), std::string::npos);
}

TEST(ConfigurationReader, missingFolderAndSyntaxErrorsInModulesAreInputErrors)
{
    TempDir dir;
    const std::string missing = (dir.path() / "absent").string();
    try {
        ConfigurationReader::readDirectory(missing);
        FAIL() << "no error for a missing folder";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()), "configuration folder " + missing + " does not exist");
    }
    dir.write("main.tf", "module \"a\" {\n  source = \"./a\"\n}\n");
    dir.write("a/bad.tf", "resource \"x\" \"y\" {\n  a = [1,\n}\n");
    try {
        ConfigurationReader::readDirectory(dir.path().string());
        FAIL() << "no error for a syntax error in a module";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
            (dir.path() / "a" / "bad.tf").string() + ":3:1: expected an expression, found \"}\"");
    }
}

TEST(ConfigurationReader, readsProviderVersionsFromTheLockFile)
{
    TempDir dir;
    dir.write("main.tf", "resource \"aws_instance\" \"bastion\" {}\n");
    // As `terraform init` writes it.
    dir.write(".terraform.lock.hcl", R"(# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "4.15.1"
  constraints = "~> 4.0"
  hashes = [
    "h1:abc=",
    "zh:def",
  ]
}
)");
    const auto configuration = ConfigurationReader::readDirectory(dir.path().string());
    ASSERT_EQ(configuration.providerVersions.size(), 1U);
    EXPECT_EQ(configuration.providerVersions.at("registry.terraform.io/hashicorp/aws"), "4.15.1");
    EXPECT_EQ(addresses(configuration), std::vector<std::string> {"aws_instance.bastion"});
}

} // namespace
} // namespace blastline::importers
