// SPDX-License-Identifier: MIT
#include "StateV4FastFields.h"

#include <charconv>
#include <unordered_set>
#include <utility>

namespace blastline::importers::fastjson {

using core::ResourceInstance;
using ondemand::json_type;

bool isNull(ondemand::value& value)
{
    if (take(value.type()) != json_type::null) {
        return false;
    }
    if (trimmedToken(value) != "null") {
        bail();
    }
    return true;
}

// stringField's reading of an optional string: absent or null is "".
std::string_view optionalString(ondemand::value value, std::size_t maxStringBytes)
{
    if (isNull(value)) {
        return {};
    }
    if (take(value.type()) != json_type::string) {
        bail();
    }
    return stringText(value, maxStringBytes);
}

// A required string (mode, type, name, provider): null is the reference's "missing" error.
std::string_view requiredString(ondemand::value value, std::size_t maxStringBytes)
{
    if (take(value.type()) != json_type::string) {
        bail();
    }
    return stringText(value, maxStringBytes);
}

// unsignedField: nlohmann's number_unsigned only, i.e. an integer token without a sign.
std::uint64_t unsignedValue(ondemand::value value)
{
    if (isNull(value)) {
        return 0;
    }
    if (take(value.type()) != json_type::number) {
        bail();
    }
    const std::string_view token = trimmedToken(value);
    if (token.find_first_of("-.eE") != std::string_view::npos) {
        bail();
    }
    numberText(token); // the grammar
    std::uint64_t result = 0;
    std::from_chars(token.data(), token.data() + token.size(), result);
    return result;
}

bool boolValue(ondemand::value value)
{
    if (isNull(value)) {
        return false;
    }
    if (take(value.type()) != json_type::boolean) {
        bail();
    }
    const std::string_view token = trimmedToken(value);
    if (token != "true" && token != "false") {
        bail();
    }
    return token == "true";
}

// index_key: null, a string, or an integer that fits the int64 the reference stores. Whole floats
// (accepted by the reference) are left to it.
core::InstanceKey instanceKey(ondemand::value value, std::size_t maxStringBytes)
{
    if (isNull(value)) {
        return {};
    }
    const json_type type = take(value.type());
    if (type == json_type::string) {
        return core::InstanceKey::string(std::string(stringText(value, maxStringBytes)));
    }
    if (type != json_type::number) {
        bail();
    }
    const std::string_view token = trimmedToken(value);
    if (token.find_first_of(".eE") != std::string_view::npos) {
        bail();
    }
    numberText(token);
    std::int64_t index = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
    if (error != std::errc() || end != token.data() + token.size()) {
        bail();
    }
    return core::InstanceKey::index(index);
}

std::vector<std::string> stringList(ondemand::value value, std::size_t maxStringBytes)
{
    std::vector<std::string> result;
    if (isNull(value)) {
        return result;
    }
    if (take(value.type()) != json_type::array) {
        bail();
    }
    for (auto itemResult : take(value.get_array())) {
        result.emplace_back(requiredString(take(std::move(itemResult)), maxStringBytes));
    }
    return result;
}

// Small, rare values (outputs, check_results, non-empty sensitive_attributes) go through the
// reference's own converters: their raw text is parsed by nlohmann, which also validates it
// (simdjson only skipped over it).
nlohmann::json referenceDom(ondemand::value value, std::size_t maxStringBytes)
{
    std::string_view raw;
    switch (take(value.type())) {
    case json_type::object:
        raw = take(take(value.get_object()).raw_json());
        break;
    case json_type::array:
        raw = take(take(value.get_array()).raw_json());
        break;
    default:
        bail();
    }
    // No string in it can be longer than the whole text; a longer text is rare enough to leave to the reference.
    if (raw.size() > maxStringBytes) {
        bail();
    }
    nlohmann::json dom = nlohmann::json::parse(raw.begin(), raw.end(), nullptr, false);
    if (dom.is_discarded()) {
        bail();
    }
    return dom;
}

// The reference's "appears multiple times" check (SeenObjects), done once at the end on views into
// the final vector rather than on a concatenated key per object. Equivalent to SeenObjects' key
// (address + '\n' + deposed key) as long as no address holds a newline; those go to the reference.
bool hasRepeatedObjects(const std::vector<ResourceInstance>& instances)
{
    using Key = std::pair<std::string_view, std::string_view>;
    struct KeyHash
    {
        std::size_t operator()(const Key& key) const
        {
            const std::hash<std::string_view> hash;
            return hash(key.first) * 31 + hash(key.second);
        }
    };
    std::unordered_set<Key, KeyHash> seen;
    seen.reserve(instances.size());
    for (const ResourceInstance& instance : instances) {
        if (instance.addressText.find('\n') != std::string::npos
            || !seen.emplace(instance.addressText, instance.deposedKey).second) {
            return true;
        }
    }
    return false;
}

// `[]` (nearly every sensitive_attributes) without a trip through nlohmann. Reads past the token
// (which ends before the next structural character): the input is padded with zeros, which stop
// the scan. The value is left unconsumed, for the iteration to skip.
bool emptyArray(ondemand::value& value)
{
    const char* position = value.raw_json_token().data();
    if (*position != '[') {
        return false;
    }
    do {
        ++position;
    } while (*position == ' ' || *position == '\t' || *position == '\n' || *position == '\r');
    return *position == ']';
}

// Sets one of a record's seen-field bits; a repeated field is left to the reference path.
void once(std::uint32_t& seen, std::uint32_t bit)
{
    if ((seen & bit) != 0) {
        bail();
    }
    seen |= bit;
}

} // namespace blastline::importers::fastjson
