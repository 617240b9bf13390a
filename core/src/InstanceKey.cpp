// SPDX-License-Identifier: MIT
#include "blastline/core/InstanceKey.h"

#include "blastline/core/QuotedString.h"

namespace blastline::core {

std::string InstanceKey::toString() const
{
    if (isNone())
        return {};
    std::string out = "[";
    if (isIndex())
        out += std::to_string(asIndex());
    else
        appendQuoted(out, asString());
    out += ']';
    return out;
}

} // namespace blastline::core
