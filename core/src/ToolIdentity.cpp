// SPDX-License-Identifier: MIT
#include "blastline/core/ToolIdentity.h"

#include <array>
#include <cstddef>

namespace blastline::core {

namespace {

constexpr std::size_t kMaxVersionLength = 64; // longer "versions" are junk; a report line must stay short

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool endsWithIgnoreCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && equalsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

bool isTokenStart(std::string_view text, std::size_t pos)
{
    if (pos == 0)
        return true;
    const char before = text[pos - 1];
    return before == ' ' || before == '[' || before == '(' || before == ',' || before == ';' || before == '\t';
}

/** Where `token` starts as a whole token of `text` (case-insensitive); npos when it does not occur. */
std::size_t findToken(std::string_view text, std::string_view token)
{
    if (token.empty() || text.size() < token.size())
        return std::string_view::npos;
    for (std::size_t pos = 0; pos + token.size() <= text.size(); ++pos) {
        if (isTokenStart(text, pos) && equalsIgnoreCase(text.substr(pos, token.size()), token))
            return pos;
    }
    return std::string_view::npos;
}

bool isDelimiter(char c)
{
    return c == ' ' || c == '\t' || c == ';' || c == '(' || c == ')' || c == ',' || c == '[' || c == ']' || c == '"';
}

/** The run of non-delimiters from `pos`: a version after "name/", cut short by truncation or not. */
std::string wordAt(std::string_view text, std::size_t pos)
{
    std::size_t end = pos;
    while (end < text.size() && !isDelimiter(text[end]) && end - pos < kMaxVersionLength)
        ++end;
    return std::string(text.substr(pos, end - pos));
}

/** Sets `version` to the "<v>" of "<token><v>"; false when the token does not occur (an empty <v> is true). */
bool versionAfter(std::string_view text, std::string_view token, std::string& version)
{
    const std::size_t pos = findToken(text, token);
    if (pos == std::string_view::npos)
        return false;
    version = wordAt(text, pos + token.size());
    return true;
}

std::string nameWithVersion(std::string_view name, std::string_view version)
{
    std::string result(name);
    if (!version.empty()) {
        result += ' ';
        result.append(version);
    }
    return result;
}

ToolIdentity make(ToolIdentity::Kind kind, std::string name, std::string version = {})
{
    ToolIdentity identity;
    identity.kind = kind;
    identity.name = std::move(name);
    identity.version = std::move(version);
    return identity;
}

bool terraformLike(std::string_view ua, ToolIdentity& identity)
{
    std::string coreVersion;
    const bool tofu = versionAfter(ua, "OpenTofu/", coreVersion);
    const bool terraform = !tofu && versionAfter(ua, "Terraform/", coreVersion);
    // "terraform-provider-aws/5.31.0", also awscc and others: the provider's name is part of the report.
    const std::size_t provider = findToken(ua, "terraform-provider-");
    if (!tofu && !terraform && provider == std::string_view::npos)
        return false;
    identity.kind = tofu ? ToolIdentity::Kind::OpenTofu : ToolIdentity::Kind::Terraform;
    identity.name = nameWithVersion(tofu ? "OpenTofu" : "Terraform", coreVersion);
    identity.version = coreVersion;
    if (provider != std::string_view::npos) {
        const std::string providerToken = wordAt(ua, provider);
        const std::size_t slash = providerToken.find('/');
        const std::string providerName = providerToken.substr(0, slash);
        if (slash != std::string::npos)
            identity.providerVersion = providerToken.substr(slash + 1);
        identity.name += " with ";
        identity.name += nameWithVersion(providerName, identity.providerVersion);
    }
    return true;
}

bool isConsoleAgent(std::string_view ua, std::string_view invokedBy)
{
    // Agents the console's own backends send; a browser agent on an API call means the console signed it.
    return equalsIgnoreCase(ua, "console.amazonaws.com") || equalsIgnoreCase(ua, "signin.amazonaws.com")
        || equalsIgnoreCase(invokedBy, "console.amazonaws.com") || equalsIgnoreCase(invokedBy, "signin.amazonaws.com")
        || startsWithIgnoreCase(ua, "[S3Console") || startsWithIgnoreCase(ua, "S3Console")
        || startsWithIgnoreCase(ua, "AWSConsole") || findToken(ua, "EC2ConsoleBackend") != std::string_view::npos
        || startsWithIgnoreCase(ua, "Mozilla");
}

bool isServiceName(std::string_view text)
{
    return endsWithIgnoreCase(text, ".amazonaws.com") && text.find(' ') == std::string_view::npos;
}

bool sdk(std::string_view ua, ToolIdentity& identity)
{
    // Boto3 before the generic aws-sdk- token and botocore: Boto3's agent also names botocore.
    static constexpr std::array<std::string_view, 3> kPrefixes = {"Boto3/", "aws-sdk-", "botocore/"};
    for (const std::string_view prefix : kPrefixes) {
        const std::size_t pos = findToken(ua, prefix);
        if (pos == std::string_view::npos)
            continue;
        const std::string token = wordAt(ua, pos);
        const std::size_t slash = token.find('/');
        const std::string version = slash == std::string::npos ? std::string() : token.substr(slash + 1);
        identity = make(ToolIdentity::Kind::Sdk, nameWithVersion(token.substr(0, slash), version), version);
        return true;
    }
    return false;
}

ToolIdentity unknown(std::string_view ua)
{
    const std::string token = wordAt(ua, 0);
    if (token.empty())
        return make(ToolIdentity::Kind::Unknown, "unknown");
    const std::size_t slash = token.find('/');
    const std::string version = slash == std::string::npos ? std::string() : token.substr(slash + 1);
    return make(ToolIdentity::Kind::Unknown, nameWithVersion(token.substr(0, slash), version), version);
}

} // namespace

ToolIdentity ToolIdentity::fromUserAgent(
    std::string_view userAgent, std::string_view invokedBy, std::string_view sourceIp)
{
    ToolIdentity identity;
    if (terraformLike(userAgent, identity))
        return identity;
    constexpr std::string_view cloudFormation = "cloudformation.amazonaws.com";
    if (equalsIgnoreCase(userAgent, cloudFormation) || equalsIgnoreCase(invokedBy, cloudFormation)
        || equalsIgnoreCase(sourceIp, cloudFormation))
        return make(Kind::CloudFormation, "CloudFormation");
    if (isConsoleAgent(userAgent, invokedBy))
        return make(Kind::Console, "AWS console");
    std::string version;
    if (versionAfter(userAgent, "aws-cli/", version))
        return make(Kind::AwsCli, nameWithVersion("AWS CLI", version), version);
    if (versionAfter(userAgent, "ec2-api-tools ", version)) // the pre-2013 Java command-line tools
        return make(Kind::AwsCli, nameWithVersion("EC2 API tools", version), version);
    // A service acting for the caller may still send an SDK's agent: invokedBy says who really called.
    if (!invokedBy.empty())
        return make(Kind::AwsService, std::string(invokedBy));
    if (isServiceName(userAgent))
        return make(Kind::AwsService, std::string(userAgent));
    if (isServiceName(sourceIp))
        return make(Kind::AwsService, std::string(sourceIp));
    if (sdk(userAgent, identity))
        return identity;
    // E.4 lists a bare "AWS Internal" agent among the console's; with invokedBy set it was a service (above).
    if (equalsIgnoreCase(userAgent, "AWS Internal"))
        return make(Kind::Console, "AWS console");
    return unknown(userAgent);
}

const char* toString(ToolIdentity::Kind kind)
{
    static constexpr std::array<const char*, 8> kNames {
        "terraform", "opentofu", "aws-cli", "console", "sdk", "cloudformation", "aws-service", "unknown"};
    return kNames.at(static_cast<std::size_t>(kind));
}

} // namespace blastline::core
