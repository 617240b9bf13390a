// SPDX-License-Identifier: MIT
#include "blastline/importers/SecretPolicy.h"

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
