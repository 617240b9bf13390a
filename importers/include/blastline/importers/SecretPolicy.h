// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace blastline::importers {

/** Which attribute names hold secrets whatever the state says (password, master_password, token, ...). */
class SecretPolicy
{
public:
    /** True when the last step of a flattened path (e.g. "master_password", "auth.0.token") names a secret. */
    static bool isSecretAttributePath(std::string_view flatPath);
};

} // namespace blastline::importers
