// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace blastline::importers {

/** Which attribute names hold secrets whatever the state says (password, master_password, token, ...). */
class SecretPolicy
{
public:
    /** True when the last step of a flattened path (e.g. "master_password", "auth.0.token") names a secret. */
    static bool isSecretAttributePath(std::string_view flatPath);
    /**
     * Replaces the password of every `scheme://user:password@host` in `text` by the redaction marker,
     * wherever it stands (a DATABASE_URL inside an ECS task definition's JSON, a connection string).
     * Returns whether anything was replaced.
     */
    static bool redactUrlCredentials(std::string& text);
};

} // namespace blastline::importers
