// SPDX-License-Identifier: MIT
#include "blastline/core/InstanceKey.h"

#include <cstdio>

namespace blastline::core {

namespace {

// Terraform prints string keys with Go's strconv.Quote-like escaping; JSON escaping is the
// documented grammar (formats.md A.5) and agrees for every key a configuration can produce.
void appendQuoted(std::string& out, const std::string& text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace

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
