// SPDX-License-Identifier: MIT
#pragma once

#include "CaseTestSupport.h"

#include "blastline/core/CaseFile.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace blastline::core::test {

inline constexpr const char* kDbArn = "arn:aws:rds:us-east-1:123456789012:db:orders";
inline constexpr const char* kStateBytes =
    R"({"version":4,"note":"the state file's bytes, secret-looking: SQUEAMISH-OSSIFRAGE"})";
inline constexpr std::int64_t kT0 = 1772748000000; // 2026-03-05T22:00:00Z

/**
 * A case in a temporary folder, with a small state (a VPC and a database whose attributes cover every kind of
 * leaf, a redacted password among them), its evidence file, and a trail file for events to come from.
 */
class CaseFileFixture : public ::testing::Test
{
protected:
    CaseFileFixture();

    /** Imports `state` from its file. */
    CaseImport stateImport() const;
    /** `count` rds events naming the database, one minute apart, added newest first so the import must order
     *  them; the last one deletes it, the one at index 1 failed. */
    void fillTrail(int count);
    /** Imports `trail` from its file, linked to the state the case gave `stateId`. */
    CaseImport trailImport(const TrailCorrelator& correlator, std::int64_t stateId) const;

    TemporaryDirectory folder;
    std::string statePath;
    std::string trailPath;
    std::filesystem::path casePath;
    TerraformState state;
    Trail trail;
};

} // namespace blastline::core::test
