// SPDX-License-Identifier: MIT
#include "blastline/core/ToolIdentity.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

using blastline::core::ToolIdentity;
using Kind = ToolIdentity::Kind;

namespace {

struct AgentCase
{
    const char* label;
    std::string userAgent;
    std::string invokedBy;
    std::string sourceIp;
    Kind kind;
    std::string name;
    std::string version;
    std::string providerVersion;
};

// Real strings from formats.md E.4 and from the records in shared/corpus/cloudtrail, plus current shapes.
// Failures name the row, not its bytes.
void PrintTo(const AgentCase& row, std::ostream* os)
{
    *os << row.label;
}

const AgentCase kAgentCases[] = {
    {"terraformV5SdkV2",
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.31.0 "
        "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.24.1 os/linux lang/go#1.21.5 "
        "md/GOOS#linux md/GOARCH#amd64 api/rds#1.66.0",
        "", "203.0.113.7", Kind::Terraform, "Terraform 1.7.5 with terraform-provider-aws 5.31.0", "1.7.5", "5.31.0"},
    {"terraformSqs2017", "aws-sdk-go/1.12.8 (go1.9; darwin; amd64) APN/1.0 HashiCorp/1.0 Terraform/0.10.0-dev", "", "",
        Kind::Terraform, "Terraform 0.10.0-dev", "0.10.0-dev", ""},
    {"terraformOpenShiftCi", "aws-sdk-go/1.17.11 (go1.10.8; linux; amd64) APN/1.0 HashiCorp/1.0 Terraform/0.11.10", "",
        "", Kind::Terraform, "Terraform 0.11.10", "0.11.10", ""},
    {"terraformStratusWarmUp",
        "APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) terraform-provider-aws/3.76.1 "
        "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.44.157 (go1.19.3; linux; amd64)",
        "", "", Kind::Terraform, "Terraform 1.1.2 with terraform-provider-aws 3.76.1", "1.1.2", "3.76.1"},
    {"terraformAwscc",
        "APN/1.0 HashiCorp/1.0 Terraform/1.8.0 (+https://www.terraform.io) terraform-provider-awscc/0.70.0 "
        "(+https://registry.terraform.io/providers/hashicorp/awscc) aws-sdk-go-v2/1.26.1",
        "", "", Kind::Terraform, "Terraform 1.8.0 with terraform-provider-awscc 0.70.0", "1.8.0", "0.70.0"},
    {"terraformWinsOverInvokedBy",
        "APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) terraform-provider-aws/5.20.0",
        "cloudformation.amazonaws.com", "", Kind::Terraform, "Terraform 1.5.7 with terraform-provider-aws 5.20.0",
        "1.5.7", "5.20.0"},
    {"terraformTruncatedInProviderVersion",
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.3", "", "",
        Kind::Terraform, "Terraform 1.7.5 with terraform-provider-aws 5.3", "1.7.5", "5.3"},
    {"terraformTruncatedInProviderName",
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-a", "", "",
        Kind::Terraform, "Terraform 1.7.5 with terraform-provider-a", "1.7.5", ""},
    {"terraformTruncatedAfterSlash", "APN/1.0 HashiCorp/1.0 Terraform/", "", "", Kind::Terraform, "Terraform", "", ""},
    {"openTofu",
        "APN/1.0 HashiCorp/1.0 OpenTofu/1.6.2 (+https://opentofu.org) terraform-provider-aws/5.40.0 "
        "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2",
        "", "", Kind::OpenTofu, "OpenTofu 1.6.2 with terraform-provider-aws 5.40.0", "1.6.2", "5.40.0"},
    {"awsCliV2",
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off "
        "command/rds.delete-db-instance",
        "", "", Kind::AwsCli, "AWS CLI 2.15.30", "2.15.30", ""},
    {"awsCliV1WithBotocore", "aws-cli/1.10.32 Python/2.7.9 Windows/7 botocore/1.4.22", "", "205.251.233.182",
        Kind::AwsCli, "AWS CLI 1.10.32", "1.10.32", ""},
    {"awsCliAwsdocsCreateUser", "aws-cli/1.3.2 Python/2.7.5 Windows/7", "", "127.0.0.1", Kind::AwsCli, "AWS CLI 1.3.2",
        "1.3.2", ""},
    {"awsCliPantherBare", "aws-cli/2.13.0", "", "10.0.1.100", Kind::AwsCli, "AWS CLI 2.13.0", "2.13.0", ""},
    {"ec2ApiTools", "ec2-api-tools 1.6.12.2", "", "205.251.233.176", Kind::AwsCli, "EC2 API tools 1.6.12.2", "1.6.12.2",
        ""},
    {"consoleHost", "console.amazonaws.com", "", "10.0.1.50", Kind::Console, "AWS console", "", ""},
    {"signinHost", "signin.amazonaws.com", "", "", Kind::Console, "AWS console", "", ""},
    {"awsInternalAlone", "AWS Internal", "", "AWS Internal", Kind::Console, "AWS console", "", ""},
    {"browser",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
        "Safari/537.36",
        "", "198.51.100.1", Kind::Console, "AWS console", "", ""},
    {"pantherBareMozilla", "Mozilla", "", "111.111.111.111", Kind::Console, "AWS console", "", ""},
    {"s3Console",
        "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.666 Linux/4.9.184-0.1.ac.235.83.329.metal1.x86_64 "
        "OpenJDK_64-Bit_Server_VM/25.232-b09 java/1.8.0_232 vendor/Oracle_Corporation]",
        "", "157.130.196.214", Kind::Console, "AWS console", "", ""},
    {"awsdocsAwsConsole", "AWSConsole", "", "127.0.0.1", Kind::Console, "AWS console", "", ""},
    {"ec2ConsoleBackend", "EC2ConsoleBackend, aws-sdk-java/Linux/x.xx.fleetxen Java_HotSpot(TM)_64-Bit_Server_VM/xx",
        "", "72.21.198.64", Kind::Console, "AWS console", "", ""},
    {"goSdkInLambda", "aws-sdk-go/1.40.21 (go1.17; linux; amd64) exec-env/AWS_Lambda_go1.x", "", "54.90.94.136",
        Kind::Sdk, "aws-sdk-go 1.40.21", "1.40.21", ""},
    {"goSdkV2", "aws-sdk-go-v2/1.24.1 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.141.0", "", "",
        Kind::Sdk, "aws-sdk-go-v2 1.24.1", "1.24.1", ""},
    {"boto3Bare", "Boto3/1.26.0", "", "203.0.113.45", Kind::Sdk, "Boto3 1.26.0", "1.26.0", ""},
    {"boto3Full",
        "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.12.1 "
        "md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.0",
        "", "", Kind::Sdk, "Boto3 1.34.0", "1.34.0", ""},
    {"botocore", "botocore/1.29.0 Python/3.9.16 Linux/5.10", "", "", Kind::Sdk, "botocore 1.29.0", "1.29.0", ""},
    {"javaSdk", "aws-sdk-java/1.12.500 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.8 java/17.0.8 vendor/Amazon.com_Inc.",
        "", "", Kind::Sdk, "aws-sdk-java 1.12.500", "1.12.500", ""},
    {"jsSdkV3", "aws-sdk-js/3.450.0 ua/2.0 os/linux#5.10 lang/js md/nodejs#18.18.2 api/s3#3.450.0", "", "", Kind::Sdk,
        "aws-sdk-js 3.450.0", "3.450.0", ""},
    {"dotnetSdk", "aws-sdk-dotnet-coreclr/3.7.300.4 aws-sdk-dotnet-core/3.7.300.4 .NET_Core/6.0.25 OS/Linux", "", "",
        Kind::Sdk, "aws-sdk-dotnet-coreclr 3.7.300.4", "3.7.300.4", ""},
    {"cloudFormation", "cloudformation.amazonaws.com", "cloudformation.amazonaws.com", "cloudformation.amazonaws.com",
        Kind::CloudFormation, "CloudFormation", "", ""},
    {"cloudFormationBehindSdk", "aws-sdk-java/1.12.500", "cloudformation.amazonaws.com", "", Kind::CloudFormation,
        "CloudFormation", "", ""},
    {"autoscalingPanther", "autoscaling.amazonaws.com", "autoscaling.amazonaws.com", "autoscaling.amazonaws.com",
        Kind::AwsService, "autoscaling.amazonaws.com", "", ""},
    {"backupInvokedBySdk", "aws-sdk-java/1.12.500 Linux/5.10", "backup.amazonaws.com", "backup.amazonaws.com",
        Kind::AwsService, "backup.amazonaws.com", "", ""},
    {"awsInternalInvokedBy", "AWS Internal", "AWS Internal", "AWS Internal", Kind::AwsService, "AWS Internal", "", ""},
    {"serviceSourceIpOnly", "", "", "lambda.amazonaws.com", Kind::AwsService, "lambda.amazonaws.com", "", ""},
    {"stratus", "stratus-red-team_1004a4ff-b486-4981-a84b-6322905f37cc", "", "06.237.252.245", Kind::Unknown,
        "stratus-red-team_1004a4ff-b486-4981-a84b-6322905f37cc", "", ""},
    {"pythonRequests", "python-requests/2.28.0", "", "185.220.101.50", Kind::Unknown, "python-requests 2.28.0",
        "2.28.0", ""},
    {"empty", "", "", "", Kind::Unknown, "unknown", "", ""},
};

class ToolIdentityAgents : public testing::TestWithParam<AgentCase>
{ };

TEST_P(ToolIdentityAgents, recognisesTheTool)
{
    const AgentCase& c = GetParam();
    const ToolIdentity identity = ToolIdentity::fromUserAgent(c.userAgent, c.invokedBy, c.sourceIp);
    EXPECT_EQ(identity.kind, c.kind);
    EXPECT_EQ(identity.name, c.name);
    EXPECT_EQ(identity.version, c.version);
    EXPECT_EQ(identity.providerVersion, c.providerVersion);
}

INSTANTIATE_TEST_SUITE_P(ToolIdentity, ToolIdentityAgents, testing::ValuesIn(kAgentCases),
    [](const auto& row) { return std::string(row.param.label); });

TEST(ToolIdentity, everyTruncationOfATerraformAgentParses)
{
    // CloudTrail cuts user agents at 1 KB, anywhere. Pad a real agent past that and try every cut.
    std::string agent =
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.31.0 "
        "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.24.1 os/linux";
    while (agent.size() < 1100)
        agent.append(" md/padding#x");
    for (std::size_t length = 0; length <= agent.size(); ++length) {
        const std::string cut = agent.substr(0, length);
        const ToolIdentity identity = ToolIdentity::fromUserAgent(cut);
        const bool namesTerraform = cut.find("Terraform/") != std::string::npos;
        EXPECT_EQ(identity.kind == ToolIdentity::Kind::Terraform, namesTerraform) << cut;
        EXPECT_LE(identity.version.size(), 64U);
        EXPECT_LE(identity.providerVersion.size(), 64U);
    }
}

TEST(ToolIdentity, longVersionTokensAreCapped)
{
    std::string agent = "aws-cli/";
    agent.append(2000, '9');
    const ToolIdentity identity = ToolIdentity::fromUserAgent(agent);
    EXPECT_EQ(identity.kind, ToolIdentity::Kind::AwsCli);
    EXPECT_EQ(identity.version.size(), 64U);
}

} // namespace
