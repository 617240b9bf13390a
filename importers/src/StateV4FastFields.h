// SPDX-License-Identifier: MIT
// Typed readers of format 4 fields for the fast path, each mirroring how the reference path
// (JsonLocation's stringField & co., StateV4Handler) reads the same field; Bail where it differs.
#pragma once

#include "FastJsonValue.h"

#include "blastline/core/ResourceInstance.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blastline::importers::fastjson {

bool isNull(ondemand::value& value);
// Every reader of strings takes the string limit (RecordLimits::stringBytes) and is Bail past it.
std::string_view optionalString(ondemand::value value, std::size_t maxStringBytes);
std::string_view requiredString(ondemand::value value, std::size_t maxStringBytes);
std::uint64_t unsignedValue(ondemand::value value);
bool boolValue(ondemand::value value);
core::InstanceKey instanceKey(ondemand::value value, std::size_t maxStringBytes);
std::vector<std::string> stringList(ondemand::value value, std::size_t maxStringBytes);
nlohmann::json referenceDom(ondemand::value value, std::size_t maxStringBytes);
bool emptyArray(ondemand::value& value);
bool hasRepeatedObjects(const std::vector<core::ResourceInstance>& instances);
void once(std::uint32_t& seen, std::uint32_t bit);

} // namespace blastline::importers::fastjson
