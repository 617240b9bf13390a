// SPDX-License-Identifier: MIT
#include "blastline/importers/SecretPolicy.h"

#include "blastline/importers/StateReader.h"

#include <gtest/gtest.h>

using blastline::importers::SecretPolicy;

namespace {

struct SecretRow
{
    const char* path;
    bool secret;
};

class SecretPolicyNames : public testing::TestWithParam<SecretRow>
{ };

TEST_P(SecretPolicyNames, classifiesTheLastNamedStep)
{
    EXPECT_EQ(SecretPolicy::isSecretAttributePath(GetParam().path), GetParam().secret) << GetParam().path;
}

INSTANTIATE_TEST_SUITE_P(Paths, SecretPolicyNames,
    testing::Values(SecretRow {"password", true}, SecretRow {"master_password", true}, SecretRow {"secret", true},
        SecretRow {"secret_string", true}, SecretRow {"secret_binary", true}, SecretRow {"token", true},
        SecretRow {"private_key", true}, SecretRow {"private_key_pem", true}, SecretRow {"private_key_openssh", true},
        SecretRow {"client_secret", true}, SecretRow {"auth_token", true}, SecretRow {"api_key", true},
        SecretRow {"secret_key", true}, SecretRow {"secret_access_key", true}, SecretRow {"ses_smtp_password_v4", true},
        SecretRow {"admin_password", true}, SecretRow {"auth.0.token", true}, SecretRow {"users.3.password.0", true},
        SecretRow {"environment.0.variables.DB_PASSWORD", true}, SecretRow {"primary_access_key", true},
        SecretRow {"bootstrap_token", true},
        // Not secrets: ids, switches, request tokens and lookalikes.
        SecretRow {"access_key", false}, SecretRow {"id", false}, SecretRow {"secret_arn", false},
        SecretRow {"master_user_secret.0.secret_arn", false}, SecretRow {"kms_key_id", false},
        SecretRow {"password_length", false}, SecretRow {"creation_token", false}, SecretRow {"client_token", false},
        SecretRow {"username", false}, SecretRow {"public_key", false}, SecretRow {"tokens", false},
        SecretRow {"0", false}, SecretRow {"", false}, SecretRow {"key_fingerprint", false}));

} // namespace

struct UrlRow
{
    std::string input;
    std::string expected;
};

class UrlCredentials : public testing::TestWithParam<UrlRow>
{ };

TEST_P(UrlCredentials, passwordsInUrlsAreRedacted)
{
    std::string text = GetParam().input;
    const bool replaced = blastline::importers::SecretPolicy::redactUrlCredentials(text);
    EXPECT_EQ(text, GetParam().expected);
    EXPECT_EQ(replaced, GetParam().input != GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Rows, UrlCredentials,
    testing::Values(
        UrlRow {"postgresql://app:s3cr3t@db.example:5432/prod", "postgresql://app:(redacted)@db.example:5432/prod"},
        UrlRow {R"([{"environment":[{"name":"DATABASE_URL","value":"postgres://u:p%40ss@h/db"}]}])",
            R"([{"environment":[{"name":"DATABASE_URL","value":"postgres://u:(redacted)@h/db"}]}])"},
        UrlRow {"redis://:only-password@cache:6379 and mysql://root:pw@db/x",
            "redis://:(redacted)@cache:6379 and mysql://root:(redacted)@db/x"},
        UrlRow {"https://example.com/path?a=b@c", "https://example.com/path?a=b@c"},
        UrlRow {"https://user@example.com/", "https://user@example.com/"},
        UrlRow {"ssh://host:22/x", "ssh://host:22/x"}, UrlRow {"no url here", "no url here"}));

TEST(SecretPolicy, noSecretOfTheDataTalksSampleSurvivesImport)
{
    // The sample holds a fake password in sensitive_attributes and inside DATABASE_URLs of the ECS task
    // definitions' container_definitions (plain attributes, as the real configuration had them).
    const auto state = blastline::importers::StateReader::readFile(
        std::string(BLASTLINE_SOURCE_DIR) + "/sample-data/datatalks-2026/production.tfstate");
    std::size_t urls = 0;
    for (const auto& instance : state.instances) {
        for (const auto& [path, value] : instance.attributes.entries()) {
            EXPECT_EQ(value.text.find("FAKE-sample-password-not-real"), std::string::npos)
                << instance.addressText << " " << path;
            urls += value.text.find("postgresql://pgusr:(redacted)@") != std::string::npos ? 1 : 0;
        }
    }
    EXPECT_EQ(urls, 2U) << "both task definitions' DATABASE_URLs are kept, their passwords redacted";
}
