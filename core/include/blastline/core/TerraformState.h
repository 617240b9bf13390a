// SPDX-License-Identifier: MIT
#pragma once

#include "blastline/core/ResourceInstance.h"

#include <cstdint>
#include <string>
#include <vector>

namespace blastline::core {

/** A `check_results` entry (Terraform >= 1.3). */
struct CheckResult
{
    struct Object
    {
        std::string objectAddress;
        std::string status;
        std::vector<std::string> failureMessages;
    };
    std::string objectKind; // "resource" | "output" | "check" | "var"
    std::string configAddress;
    std::string status; // "pass" | "fail" | "error" | "unknown"
    std::vector<Object> objects;
};

struct RootOutput
{
    std::string name;
    bool sensitive = false;
    std::string valueText; // JSON text of the value, kRedactedMarker when sensitive
};

/** Where a state came from and how it was read; reported by the CLI and kept by a case. */
enum class StateSource
{
    StateV4, // terraform.tfstate, format 4
    StateV3, // terraform.tfstate, format 3 (Terraform <= 0.11), upgraded on read
    ShowJson // `terraform show -json` of a state (values.root_module)
};

/** A Terraform state as Blastline sees it: plain data, secrets already redacted. */
struct TerraformState
{
    std::string path; // the file it was read from, for messages
    StateSource source = StateSource::StateV4;
    int formatVersion = 4; // the file's `version` (3 or 4); 0 for show -json
    std::string terraformVersion;
    std::uint64_t serial = 0;
    std::string lineage;
    std::vector<ResourceInstance> instances; // in file order; deposed objects are their own entries
    std::vector<CheckResult> checkResults;
    std::vector<RootOutput> outputs;
    std::vector<std::string> warnings; // things read but worth saying (e.g. an upgraded format)
};

} // namespace blastline::core
