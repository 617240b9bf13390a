// SPDX-License-Identifier: MIT
#pragma once

#include "StateRecord.h"

#include <vector>

namespace blastline::importers {

/**
 * Converts the resources of `terraform show -json` for a state (terraform/internal/command/jsonstate):
 * each resource object is self-contained (full `address`, `provider_name`, `values`,
 * `sensitive_values` mask, `depends_on`, `tainted`, `deposed_key`), so child modules need no
 * context of their own.
 */
class ShowJsonReader
{
public:
    void resource(StateRecord&& record);
    std::vector<core::ResourceInstance> takeInstances() { return std::move(m_instances); }

private:
    std::vector<core::ResourceInstance> m_instances;
    SeenObjects m_seen;
};

} // namespace blastline::importers
