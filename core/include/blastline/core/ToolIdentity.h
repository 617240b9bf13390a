// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace blastline::core {

/**
 * Which tool made an AWS API call, as far as a CloudTrail record's userAgent (with userIdentity.invokedBy and
 * sourceIPAddress as tie-breakers) tells. Pure and allocation-light: meant to run once per record.
 */
struct ToolIdentity
{
    enum class Kind
    {
        Terraform,
        OpenTofu,
        AwsCli,
        Console,
        Sdk,
        CloudFormation,
        AwsService,
        Unknown
    };
    Kind kind = Kind::Unknown;
    /** For a report: "Terraform 1.7.5 with terraform-provider-aws 5.31.0", "AWS CLI 2.15.30", "AWS console",
     *  "aws-sdk-go-v2 1.24.1", "CloudFormation", "backup.amazonaws.com"; for Unknown the user agent's first token. */
    std::string name;
    std::string version; // the tool's own version (Terraform core, CLI, SDK); empty when the agent has none
    std::string providerVersion; // Terraform/OpenTofu only: the terraform-provider-* version

    /**
     * Recognises, in this order (first match wins, because agents nest: Terraform's contains aws-sdk-go, the
     * CLI's contains botocore): Terraform / OpenTofu tokens; CloudFormation; the console's agents; the AWS CLI;
     * a calling AWS service (invokedBy, or an agent or source IP that is a "*.amazonaws.com" name); SDK tokens;
     * a bare "AWS Internal" agent (console); otherwise Unknown. Never throws; agents truncated at CloudTrail's
     * 1 KB limit give whatever versions survived.
     */
    static ToolIdentity fromUserAgent(
        std::string_view userAgent, std::string_view invokedBy = {}, std::string_view sourceIp = {});
};

/** "terraform", "opentofu", "aws-cli", "console", "sdk", "cloudformation", "aws-service", "unknown". */
const char* toString(ToolIdentity::Kind kind);

} // namespace blastline::core
