// SPDX-License-Identifier: MIT
#include "blastline/importers/ConfigurationReader.h"

#include "ConfigurationTestSupport.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace blastline::core {
// For readable failures; static, so no other test file's printer can clash with it.
[[maybe_unused]] static void PrintTo(const AttributeValue& value, std::ostream* out)
{
    static constexpr const char* kKinds[] = {"null", "bool", "number", "string", "redacted"};
    *out << kKinds[static_cast<int>(value.kind)] << " \"" << value.text << "\"";
}
} // namespace blastline::core

namespace blastline::importers {
namespace {

namespace fs = std::filesystem;
using core::AttributeValue;
using core::InputError;
using namespace std::string_literals;
using test::addresses;

// Every construct the reader must get through, in the shapes real configurations use.
const std::string kSample = R"HCL(# Sample configuration: resource "fake" "comment" {}
terraform {
  required_version = ">= 1.7"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" {
    bucket = "state"
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
  validation {
    condition     = can(regex("^eu-", var.region))
    error_message = "Only EU regions, got ${var.region} %{ if true }!%{ endif }"
  }
}

locals {
  name    = "app-${var.env == "x" ? "}" : "{"}"
  lookup  = { for k, v in var.map : k => upper(v) if v != "" }
  grouped = {
    for k, v in var.map :
    v => k...
  }
  ids     = [for s in aws_subnet.private : s.id]
  first   = aws_subnet.private[0].id
  legacy  = aws_subnet.private.0.id
  all     = aws_instance.web.*.id
  all2    = aws_instance.web[*].private_ip
  math    = (1 + 2) * 3 % 4 - -1 / 2 >= 1
  cond    = var.env == "prod" && !var.dev || false ? "big" : "small"
  arn     = provider::aws::arn_parse("arn:aws:s3:::b")
  merged  = merge(local.a, { b = 1 }, [for x in [] : x]...)
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/*"]
  }
}

resource "aws_security_group" "web" {
  name = "web" // trailing comment
  ingress {
    from_port = 443
  }
  dynamic "egress" {
    for_each = var.egress
    content {
      from_port = egress.value.port
    }
  }
}

/* resource "aws_s3_bucket" "in_comment" {
} */
resource "aws_db_instance" "main" {
  identifier        = "prod-db"
  allocated_storage = 20
  tags = {
    Name = "main"
    "Cost-Center": 42
  }
  user_data = <<-EOT
    resource "aws_s3_bucket" "in_heredoc" {
    }
    EOT
  lifecycle {
    prevent_destroy       = true
    create_before_destroy = false
    ignore_changes        = [tags]
  }
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

moved {
  from = aws_instance.old
  to   = aws_instance.new
}

removed {
  from = aws_db_instance.legacy
  lifecycle {
    destroy = false
  }
}

import {
  to = aws_s3_bucket.logs
  id = "logs"
}

output "endpoint" {
  value = aws_db_instance.main.endpoint
}
)HCL";

core::ConfigResource readOne(const std::string& body)
{
    const auto configuration = ConfigurationReader::readText("resource \"t\" \"n\" {\n" + body + "\n}\n", "t.tf");
    EXPECT_EQ(configuration.resources.size(), 1u);
    return configuration.resources.empty() ? core::ConfigResource {} : configuration.resources.front();
}

TEST(ConfigurationReader, readsEveryBlockKindOfTheSample)
{
    const auto configuration = ConfigurationReader::readText(kSample, "sample.tf");
    EXPECT_EQ(addresses(configuration),
        (std::vector<std::string> {"data.aws_ami.ubuntu", "aws_security_group.web", "aws_db_instance.main"}));

    const auto* ami = configuration.findResource("data.aws_ami.ubuntu");
    ASSERT_NE(ami, nullptr);
    EXPECT_TRUE(ami->isData);
    EXPECT_EQ(ami->type, "aws_ami");
    EXPECT_EQ(ami->location.file, "sample.tf");
    EXPECT_EQ(ami->location.line, 43);
    EXPECT_EQ(ami->location.column, 1);
    EXPECT_EQ(ami->literalArguments.getBool("most_recent"), true);
    EXPECT_EQ(ami->literalArguments.getString("owners.0"), "099720109477");

    const auto* db = configuration.findResource("aws_db_instance.main");
    ASSERT_NE(db, nullptr);
    EXPECT_FALSE(db->isData);
    EXPECT_EQ(db->name, "main");
    EXPECT_EQ(db->preventDestroy, true);
    EXPECT_FALSE(db->preventDestroyIsExpression);
    EXPECT_EQ(db->createBeforeDestroy, false);
    EXPECT_EQ(db->literalArguments.getString("identifier"), "prod-db");
    EXPECT_EQ(*db->literalArguments.find("allocated_storage"), AttributeValue::number("20"));
    EXPECT_EQ(db->literalArguments.getString("tags.Name"), "main");
    EXPECT_EQ(*db->literalArguments.find("tags.Cost-Center"), AttributeValue::number("42"));
    EXPECT_EQ(db->literalArguments.getString("user_data"), "resource \"aws_s3_bucket\" \"in_heredoc\" {\n}\n");
    EXPECT_TRUE(db->expressionArguments.empty());

    ASSERT_EQ(configuration.moduleCalls.size(), 1u);
    EXPECT_EQ(configuration.moduleCalls[0].address, "module.network");
    EXPECT_EQ(configuration.moduleCalls[0].source, "terraform-aws-modules/vpc/aws");
    EXPECT_FALSE(configuration.moduleCalls[0].followed);
    EXPECT_EQ(configuration.warnings,
        (std::vector<std::string> {"module.network: source terraform-aws-modules/vpc/aws "
                                   "is not a local folder; its resources are not read"}));
    ASSERT_EQ(configuration.removedBlocks.size(), 1u);
    EXPECT_EQ(configuration.removedBlocks[0].from, "aws_db_instance.legacy");
    EXPECT_FALSE(configuration.removedBlocks[0].destroy);
    EXPECT_EQ(configuration.removedBlocks[0].location.line, 95);
}

TEST(ConfigurationReader, crlfLineEndingsAndByteOrderMarkReadTheSame)
{
    std::string windows = "\xEF\xBB\xBF";
    for (const char c : kSample)
        windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const auto configuration = ConfigurationReader::readText(windows, "sample.tf");
    EXPECT_EQ(addresses(configuration), addresses(ConfigurationReader::readText(kSample, "sample.tf")));
    EXPECT_EQ(configuration.findResource("aws_db_instance.main")->literalArguments.getString("user_data"),
        "resource \"aws_s3_bucket\" \"in_heredoc\" {\n}\n");
}

TEST(ConfigurationReader, commentsHeredocsAndStringsDoNotDeclareBlocks)
{
    const auto configuration = ConfigurationReader::readText(R"(# resource "a" "hash" {}
// resource "a" "slash" {}
/* resource "a" "block" {
} */ resource "a" "real" { # resource "a" "after" {}
  policy = <<EOF
resource "a" "heredoc" {
}
  EOF
  note = "resource \"a\" \"string\" {}" /* } */
}
)",
        "c.tf");
    EXPECT_EQ(addresses(configuration), (std::vector<std::string> {"a.real"}));
    EXPECT_EQ(configuration.resources[0].location.line, 4);
    EXPECT_EQ(configuration.resources[0].location.column, 6);
    EXPECT_EQ(configuration.resources[0].literalArguments.getString("policy"), "resource \"a\" \"heredoc\" {\n}\n");
    EXPECT_EQ(configuration.resources[0].literalArguments.getString("note"), "resource \"a\" \"string\" {}");
}

TEST(ConfigurationReader, columnsCountCharactersAndBareLabelsAreAccepted)
{
    const auto configuration = ConfigurationReader::readText("/* é */ resource aws_s3_bucket logs {}\n", "u.tf");
    ASSERT_EQ(configuration.resources.size(), 1u);
    EXPECT_EQ(configuration.resources[0].address, "aws_s3_bucket.logs");
    EXPECT_EQ(configuration.resources[0].location.column, 9);
}

struct ArgumentCase
{
    const char* name;
    std::string expression;
    std::vector<std::pair<std::string, AttributeValue>> literals; // empty: an expression
};

// Failures print the row name rather than the bytes of the row.
void PrintTo(const ArgumentCase& row, std::ostream* out)
{
    *out << row.name;
}

class ArgumentClassification : public testing::TestWithParam<ArgumentCase>
{ };

TEST_P(ArgumentClassification, keepsLiteralsAndOnlyNamesExpressions)
{
    const auto& param = GetParam();
    const auto resource = readOne("  a = " + param.expression);
    const bool expression = param.literals.empty() && param.expression != "{}";
    EXPECT_EQ(resource.literalArguments.entries(), param.literals);
    EXPECT_EQ(resource.expressionArguments, expression ? std::vector<std::string> {"a"} : std::vector<std::string> {});
}

const auto S = AttributeValue::string;
const auto N = AttributeValue::number;
INSTANTIATE_TEST_SUITE_P(ConfigurationReader, ArgumentClassification,
    testing::Values(ArgumentCase {"string", R"("x")", {{"a", S("x")}}},
        ArgumentCase {"escapes", R"("t\t\"q\" \\ \u00e9 \U0001F600 $${x} %%{y}")",
            {{"a", S("t\t\"q\" \\ \xC3\xA9 \xF0\x9F\x98\x80 ${x} %{y}")}}},
        ArgumentCase {"integer", "12", {{"a", N("12")}}}, ArgumentCase {"float", "1.5e-3", {{"a", N("1.5e-3")}}},
        ArgumentCase {"negative", "-3", {{"a", N("-3")}}},
        ArgumentCase {"boolTrue", "true", {{"a", AttributeValue::boolean(true)}}},
        ArgumentCase {"boolFalse", "false", {{"a", AttributeValue::boolean(false)}}},
        ArgumentCase {"null", "null", {{"a", AttributeValue::null()}}},
        ArgumentCase {"heredoc", "<<EOF\n  one\n$${two}\nEOF", {{"a", S("  one\n${two}\n")}}},
        ArgumentCase {"flushHeredoc", "<<-EOF\n    x\n      y\n    EOF", {{"a", S("x\n  y\n")}}},
        ArgumentCase {"list", R"(["x", 1, [true]])",
            {{"a.0", S("x")}, {"a.1", N("1")}, {"a.2.0", AttributeValue::boolean(true)}}},
        ArgumentCase {"object", "{ Name = \"w\", \"k-2\": 2\n  n = { m = null } }",
            {{"a.Name", S("w")}, {"a.k-2", N("2")}, {"a.n.m", AttributeValue::null()}}},
        ArgumentCase {"parenthesizedLiteral", "(4)", {{"a", N("4")}}}, ArgumentCase {"emptyObject", "{}", {}},
        ArgumentCase {"interpolation", R"("v-${var.x}")", {}}, ArgumentCase {"directive", R"("%{if 1}x%{endif}")", {}},
        ArgumentCase {"heredocTemplate", "<<EOF\n${var.x}\nEOF", {}}, ArgumentCase {"variable", "var.x", {}},
        ArgumentCase {"resourceAttribute", "aws_vpc.main.id", {}}, ArgumentCase {"eachKey", "each.key", {}},
        ArgumentCase {"call", "length(var.list)", {}}, ArgumentCase {"listWithVariable", "[1, var.x]", {}},
        ArgumentCase {"computedKey", "{ (var.k) = 1 }", {}}, ArgumentCase {"conditional", "var.a ? 1 : 2", {}},
        ArgumentCase {"arithmetic", "1 + 2", {}}, ArgumentCase {"not", "!true", {}},
        ArgumentCase {"tupleFor", "[for s in var.l : upper(s) if s != \"\"]", {}},
        ArgumentCase {"objectFor", "{for k, v in var.m : k => v...}", {}},
        ArgumentCase {"attributeSplat", "aws_instance.web.*.id", {}},
        ArgumentCase {"fullSplat", "aws_instance.web[*].id", {}}, ArgumentCase {"index", "var.l[0]", {}},
        ArgumentCase {"literalIndexed", "[1, 2][0]", {}}),
    [](const testing::TestParamInfo<ArgumentCase>& row) { return std::string(row.param.name); });

struct LifecycleCase
{
    const char* name;
    std::string lifecycle;
    std::optional<bool> preventDestroy;
    bool isExpression;
    std::optional<bool> createBeforeDestroy;
};

// Failures print the row name rather than the bytes of the row.
void PrintTo(const LifecycleCase& row, std::ostream* out)
{
    *out << row.name;
}

class Lifecycle : public testing::TestWithParam<LifecycleCase>
{ };

TEST_P(Lifecycle, readsPreventDestroyOnlyWhenLiteral)
{
    const auto resource = readOne("  lifecycle {\n" + GetParam().lifecycle + "\n  }");
    EXPECT_EQ(resource.preventDestroy, GetParam().preventDestroy);
    EXPECT_EQ(resource.preventDestroyIsExpression, GetParam().isExpression);
    EXPECT_EQ(resource.createBeforeDestroy, GetParam().createBeforeDestroy);
}

INSTANTIATE_TEST_SUITE_P(ConfigurationReader, Lifecycle,
    testing::Values(LifecycleCase {"preventTrue", "prevent_destroy = true", true, false, std::nullopt},
        LifecycleCase {"preventFalse", "prevent_destroy = false", false, false, std::nullopt},
        LifecycleCase {"preventString", "prevent_destroy = \"true\"", true, false, std::nullopt},
        LifecycleCase {"preventVariable", "prevent_destroy = var.protect", std::nullopt, true, std::nullopt},
        LifecycleCase {
            "preventConditional", "prevent_destroy = local.p ? true : false", std::nullopt, true, std::nullopt},
        LifecycleCase {"preventNull", "prevent_destroy = null", std::nullopt, true, std::nullopt},
        LifecycleCase {"absent", "ignore_changes = all", std::nullopt, false, std::nullopt},
        LifecycleCase {"createBeforeDestroy", "create_before_destroy = true", std::nullopt, false, true},
        LifecycleCase {"both", "prevent_destroy = true\ncreate_before_destroy = var.c", true, false, std::nullopt}),
    [](const testing::TestParamInfo<LifecycleCase>& row) { return std::string(row.param.name); });

TEST(ConfigurationReader, readsRemovedBlocks)
{
    const auto configuration = ConfigurationReader::readText(R"(removed {
  from = aws_db_instance.old
  lifecycle {
    destroy = false
  }
}
removed {
  from = module.x.aws_s3_bucket.logs
}
removed {
  from = aws_instance.maybe
  lifecycle { destroy = var.d }
}
removed {
  lifecycle { destroy = false }
}
)",
        "r.tf");
    ASSERT_EQ(configuration.removedBlocks.size(), 3u);
    EXPECT_EQ(configuration.removedBlocks[0].from, "aws_db_instance.old");
    EXPECT_FALSE(configuration.removedBlocks[0].destroy);
    EXPECT_EQ(configuration.removedBlocks[0].location.line, 1);
    EXPECT_EQ(configuration.removedBlocks[1].from, "module.x.aws_s3_bucket.logs");
    EXPECT_TRUE(configuration.removedBlocks[1].destroy);
    EXPECT_TRUE(configuration.removedBlocks[2].destroy);
    EXPECT_EQ(configuration.warnings,
        (std::vector<std::string> {"r.tf:12:15: lifecycle.destroy is not a literal bool; assumed true",
            "r.tf:14:1: removed block without a \"from\" address; ignored"}));
}

struct SyntaxErrorCase
{
    const char* name;
    std::string text;
    std::string message;
};

// Failures print the row name rather than the bytes of the row.
void PrintTo(const SyntaxErrorCase& row, std::ostream* out)
{
    *out << row.name;
}

class SyntaxErrors : public testing::TestWithParam<SyntaxErrorCase>
{ };

TEST_P(SyntaxErrors, nameFileLineAndColumn)
{
    try {
        ConfigurationReader::readText(GetParam().text, "main.tf");
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()), "main.tf:" + GetParam().message);
    }
}

INSTANTIATE_TEST_SUITE_P(ConfigurationReader, SyntaxErrors,
    testing::Values(SyntaxErrorCase {"missingValue", "resource \"a\" \"b\" {\n  x = \n}\n",
                        "2:7: expected an expression, found newline"},
        SyntaxErrorCase {"unclosedBlock", "resource \"a\" \"b\" {\n  x = 1\n",
            "3:1: expected \"}\" closing the block opened at 1:18, found end of file"},
        SyntaxErrorCase {
            "unclosedString", "x = \"abc\n", "1:9: expected '\"' closing the string opened at 1:5, found newline"},
        SyntaxErrorCase {"unclosedList", "x = [1, 2\ny = 3\n",
            "2:1: expected \",\" or \"]\" closing the list opened at 1:5, found \"y\""},
        SyntaxErrorCase {
            "badCharacter", "x = 1 @ 2\n", "1:7: expected an argument, a block, a value or an operator, found '@'"},
        SyntaxErrorCase {"unclosedHeredoc", "x = <<EOF\nabc\n",
            "3:1: expected the heredoc end marker EOF (heredoc opened at 1:5), found end of file"},
        SyntaxErrorCase {
            "unclosedComment", "/* abc\n", "2:1: expected \"*/\" closing the comment opened at 1:1, found end of file"},
        SyntaxErrorCase {"missingEquals", "resource \"a\" \"b\" {\n  x 1\n}\n",
            "2:5: expected \"=\" or \"{\" after x, found number 1"},
        SyntaxErrorCase {
            "twoArgumentsOnALine", "x = 1 y = 2\n", "1:7: expected newline after the argument or block, found \"y\""},
        SyntaxErrorCase {"badEscape", "x = \"a\\qb\"\n",
            "1:7: expected an escape sequence (\\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN), found "
            "\"\\q\""},
        SyntaxErrorCase {"conditionalWithoutColon", "x = a ? b\n",
            "1:10: expected \":\" of the conditional expression, found newline"},
        SyntaxErrorCase {"objectWithoutEquals", "x = { a 1 }\n",
            "1:9: expected \"=\" or \":\" after the object key, found number 1"},
        SyntaxErrorCase {"strayBrace", "}\n", "1:1: expected an argument or a block, found \"}\""},
        SyntaxErrorCase {
            "forWithoutIn", "x = [for a b : a]\n", "1:12: expected \"in\" in the for expression, found \"b\""},
        SyntaxErrorCase {"unclosedInterpolation", "x = \"${a\n",
            "2:1: expected \"}\" closing the interpolation opened at 1:6, found end of file"},
        SyntaxErrorCase {"templateLabel", "resource \"${x}\" \"b\" {}\n",
            "1:10: expected \"=\" or \"{\" after resource, found a string with interpolation"}),
    [](const testing::TestParamInfo<SyntaxErrorCase>& row) { return std::string(row.param.name); });

// Anything but InputError escaping (or a crash, or a hang) fails the test.
void expectReadOrInputError(const std::string& text)
{
    try {
        ConfigurationReader::readText(text, "fuzz.tf");
    } catch (const InputError&) { }
}

TEST(ConfigurationReader, survivesRandomMutationsOfTheSample)
{
    std::mt19937 random(20240607);
    const std::string interesting = "{}[]()\"=<<-\n#/*$%.,:?!~\\\0\xC3\xFF "s;
    for (int round = 0; round < 600; ++round) {
        std::string text = kSample;
        const int edits = 1 + static_cast<int>(random() % 6);
        for (int edit = 0; edit < edits && !text.empty(); ++edit) {
            const std::size_t at = random() % text.size();
            const char c = random() % 2 ? interesting[random() % interesting.size()] : static_cast<char>(random());
            switch (random() % 3) {
            case 0:
                text[at] = c;
                break;
            case 1:
                text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
                break;
            default:
                text.erase(at, 1 + random() % 8);
            }
        }
        SCOPED_TRACE("round " + std::to_string(round));
        expectReadOrInputError(text);
    }
    for (std::size_t length = 0; length <= kSample.size(); length += 3)
        expectReadOrInputError(kSample.substr(0, length));
}

TEST(ConfigurationReader, deepNestingIsAnInputErrorNotACrash)
{
    const auto repeated = [](const std::string& prefix, const std::string& part) {
        std::string text = prefix;
        for (int i = 0; i < 20000; ++i)
            text += part;
        return text;
    };
    for (const std::string part : {"[", "(", "{ a = ", "\"${", "x ? "})
        EXPECT_THROW(ConfigurationReader::readText(repeated("a = ", part), "deep.tf"), InputError) << part;
    EXPECT_THROW(ConfigurationReader::readText(repeated("", "a { "), "deep.tf"), InputError);
    // Prefix operators are counted in a loop, so a long run of them is fine and still an expression.
    const auto configuration = ConfigurationReader::readText(
        "resource \"a\" \"b\" {\n" + repeated("  x = ", "!") + "true\n  y = " + repeated("", "- ") + "1\n}\n",
        "deep.tf");
    EXPECT_EQ(configuration.resources.at(0).expressionArguments, std::vector<std::string> {"x"});
    EXPECT_EQ(configuration.resources.at(0).literalArguments.getString("y"), "1");
}

} // namespace
} // namespace blastline::importers
