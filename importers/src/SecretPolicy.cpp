// SPDX-License-Identifier: MIT
#include "blastline/importers/SecretPolicy.h"

#include "blastline/core/AttributeValue.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace blastline::importers {

namespace {

// Names that hold a secret whatever the provider's schema says. Older states (before Terraform 0.15
// and every state written by providers that forget `Sensitive: true`) carry these in clear text with
// no `sensitive_attributes`, so the name is the only signal we have.
constexpr std::array kSecretNames = {
    "password",
    "passwd",
    "secret",
    "token",
    "private_key",
    "api_key",
    "apikey",
    "client_secret",
    "auth_token",
    "access_token",
    "refresh_token",
    "secret_string",
    "secret_binary",
    "secret_key",
    "secret_access_key",
    "ses_smtp_password_v4",
    "encrypted_secret",
    "encrypted_ses_smtp_password_v4",
    "connection_string",
    "primary_key",
    "secondary_key",
    "sas_token",
    "kubeconfig_raw",
    "kube_config_raw",
    "master_password",
};

// Any step ending like this names a secret: `admin_password`, `client_secret`, `bootstrap_token`,
// Azure's `primary_access_key`. A bare `access_key` is deliberately absent: for AWS it is the key *id*
// (e.g. aws_iam_access_key.id), which is what an investigator needs to see.
constexpr std::array kSecretSuffixes = {
    "_password",
    "_secret",
    "_token",
    "_private_key",
    "_secret_key",
    "_api_key",
    "_access_key",
    "_connection_string",
    "_sas_token",
};

// Everything starting like this: private_key_pem, private_key_openssh, private_key_pem_pkcs8, password_hash.
constexpr std::array kSecretPrefixes = {"private_key", "password"};

// Look like secrets by suffix but are request ids or switches, needed to reason about the resource.
constexpr std::array kNotSecret = {
    "creation_token",
    "client_token",
    "idempotency_token",
    "pagination_token",
    "next_token",
    "password_length",
    "password_reset_required",
    "password_policy",
};

bool isNumber(std::string_view step)
{
    return !step.empty() && std::all_of(step.begin(), step.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Every listed name contains one of these; checked first because this runs once per attribute leaf
// of the state (hundreds of thousands) and nearly all of them contain none.
char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool mentionsSecret(std::string_view step)
{
    static constexpr std::array<std::string_view, 6> kFragments = {"pass", "secret", "token", "key", "conn", "kube"};
    for (std::size_t i = 0; i < step.size(); ++i) {
        const char first = lowerAscii(step[i]);
        for (const std::string_view fragment : kFragments) {
            if (first != fragment[0] || step.size() - i < fragment.size()) {
                continue;
            }
            std::size_t j = 1;
            while (j < fragment.size() && lowerAscii(step[i + j]) == fragment[j]) {
                ++j;
            }
            if (j == fragment.size()) {
                return true;
            }
        }
    }
    return false;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

bool SecretPolicy::isSecretAttributePath(std::string_view flatPath)
{
    // The last step that is not a list index: "auth.0.token" -> "token", "passwords.1" -> "passwords".
    std::string_view step;
    while (!flatPath.empty()) {
        const auto dot = flatPath.rfind('.');
        step = dot == std::string_view::npos ? flatPath : flatPath.substr(dot + 1);
        if (!isNumber(step)) {
            break;
        }
        flatPath = dot == std::string_view::npos ? std::string_view() : flatPath.substr(0, dot);
        step = {};
    }
    if (step.empty() || !mentionsSecret(step)) {
        return false;
    }
    // Map keys keep the user's spelling (environment variables like DB_PASSWORD), so compare lower case.
    std::string name(step);
    std::transform(
        name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto equals = [&name](const char* candidate) { return name == candidate; };
    if (std::any_of(kNotSecret.begin(), kNotSecret.end(), equals)) {
        return false;
    }
    if (std::any_of(kSecretNames.begin(), kSecretNames.end(), equals)) {
        return true;
    }
    const auto hasSuffix = [&name](const char* suffix) { return endsWith(name, suffix); };
    if (std::any_of(kSecretSuffixes.begin(), kSecretSuffixes.end(), hasSuffix)) {
        return true;
    }
    return std::any_of(kSecretPrefixes.begin(), kSecretPrefixes.end(),
        [&name](const char* prefix) { return std::string_view(name).starts_with(prefix); });
}

bool SecretPolicy::redactUrlCredentials(std::string& text)
{
    bool replaced = false;
    for (std::size_t scheme = text.find("://"); scheme != std::string::npos; scheme = text.find("://", scheme + 3)) {
        // userinfo ends at the first '@' before any character that ends an authority or a string.
        const std::size_t start = scheme + 3;
        const std::size_t end = text.find_first_of("@/?#\" \t\n\\", start);
        if (end == std::string::npos || text[end] != '@')
            continue;
        const std::size_t colon = text.find(':', start);
        if (colon == std::string::npos || colon >= end || colon + 1 == end)
            continue;
        if (text.compare(colon + 1, end - colon - 1, core::kRedactedMarker) == 0)
            continue;
        text.replace(colon + 1, end - colon - 1, core::kRedactedMarker);
        replaced = true;
    }
    return replaced;
}

} // namespace blastline::importers
