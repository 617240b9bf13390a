// SPDX-License-Identifier: MIT
#include "InstanceFacts.h"

namespace blastline::core {

InstanceFacts::InstanceFacts(const TerraformState& state, const std::vector<RecoveryPoint>& inventory, Facts runFacts)
    : m_runFacts(std::move(runFacts))
{
    for (const auto& point : inventory) {
        if (!point.vault.empty())
            m_vaultsWithPoints.insert(point.vault);
    }
    for (const auto& instance : state.instances) {
        if (instance.type() == "aws_backup_vault_lock_configuration" && instance.isManaged()
            && instance.attributes.getNumber("changeable_for_days"))
            m_vaultsInCompliance.insert(instance.attributes.getString("backup_vault_name").value_or(""));
    }
}

Facts InstanceFacts::of(const ResourceInstance& instance) const
{
    Facts facts = m_runFacts;
    if (instance.type() != "aws_backup_vault")
        return facts;
    const std::string name = instance.attributes.getString("name").value_or("");
    if (m_vaultsWithPoints.contains(name))
        facts["vault_empty"] = AttributeValue::boolean(false);
    facts["vault_locked_compliance"] = AttributeValue::boolean(m_vaultsInCompliance.contains(name));
    return facts;
}

} // namespace blastline::core
