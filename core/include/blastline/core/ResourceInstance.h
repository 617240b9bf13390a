// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/Attributes.h"
#include "blastline/core/ResourceAddress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace blastline::core {

/** One object of a Terraform state: the current object of an instance, or one of its deposed objects. */
struct ResourceInstance
{
    ResourceAddress address;
    std::string addressText; // address.toString(), cached: used as the display name and in every output
    std::string deposedKey; // 8 characters when this is a deposed object, else empty
    bool tainted = false;
    std::string provider; // normalised source address, e.g. "registry.terraform.io/hashicorp/aws"
    std::string providerConfig; // as written in the state, e.g. `provider["registry.terraform.io/hashicorp/aws"]`
    std::uint64_t schemaVersion = 0;
    Attributes attributes; // secrets already replaced by kRedactedMarker
    Attributes identity; // Terraform >= 1.12 resource identity, flattened the same way
    std::vector<std::string> dependencies; // configuration addresses as recorded (no instance keys)
    bool createBeforeDestroy = false;

    bool isManaged() const { return address.mode == ResourceMode::Managed; }
    bool isDeposed() const { return !deposedKey.empty(); }
    const std::string& type() const { return address.type; }
    /** "aws_x.y[0]" or "aws_x.y[0] (deposed object 1a2b3c4d)", as Terraform prints it. */
    std::string displayName() const
    {
        return isDeposed() ? addressText + " (deposed object " + deposedKey + ")" : addressText;
    }
};

} // namespace blastline::core
