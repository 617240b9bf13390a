// SPDX-License-Identifier: MIT
#include "CloudTrailRecordJson.h"

#include "blastline/core/AttributeValue.h"
#include "blastline/core/QuotedString.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace blastline::importers {

namespace dom = simdjson::dom;

namespace {

// Lower-cased fragments; CloudTrail members are lowerCamel ("sessionToken", "secretAccessKey").
constexpr std::array<std::string_view, 8> kSecretFragments {"password", "secretaccesskey", "sessiontoken",
    "secretstring", "secretbinary", "privatekey", "passphrase", "authtoken"};

void append(std::string& out, dom::element element)
{
    switch (element.type()) {
    case dom::element_type::OBJECT: {
        out.push_back('{');
        bool first = true;
        for (const dom::key_value_pair field : dom::object(element)) {
            if (!first)
                out.push_back(',');
            first = false;
            core::appendQuoted(out, field.key);
            out.push_back(':');
            if (isSecretRecordKey(field.key)) // the whole value, whatever its shape
                core::appendQuoted(out, core::kRedactedMarker);
            else
                append(out, field.value);
        }
        out.push_back('}');
        break;
    }
    case dom::element_type::ARRAY: {
        out.push_back('[');
        bool first = true;
        for (const dom::element item : dom::array(element)) {
            if (!first)
                out.push_back(',');
            first = false;
            append(out, item);
        }
        out.push_back(']');
        break;
    }
    default:
        out += simdjson::minify(element);
        break;
    }
}

} // namespace

bool isSecretRecordKey(std::string_view key)
{
    std::string lower(key);
    std::transform(lower.begin(), lower.end(), lower.begin(),
        [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return std::any_of(kSecretFragments.begin(), kSecretFragments.end(),
        [&](std::string_view fragment) { return lower.find(fragment) != std::string::npos; });
}

std::string redactedCompactJson(dom::element record)
{
    std::string out;
    append(out, record);
    return out;
}

} // namespace blastline::importers
