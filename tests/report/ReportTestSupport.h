// SPDX-License-Identifier: MIT
// Helpers of the report tests: the sample scenarios, reports built with a fixed date, and the outside tools
// (xmllint, python3, chromium) that check the HTML, each found on PATH or reported missing.
#pragma once

#include "blastline/report/ReportModel.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace blastline::test {

inline const std::filesystem::path kSourceDir = BLASTLINE_SOURCE_DIR;
/** The date every report of the tests says it was generated on. */
inline constexpr const char* kFixedDate = "2026-03-07T12:00:00Z";

std::filesystem::path sampleScenario(const std::string& name);
/** The report of a sample scenario, with times also in Europe/Berlin. */
report::ReportModel scenarioReport(const std::string& name, const std::vector<std::string>& assumed = {});
std::string markdownOf(const report::ReportModel& model);
std::string htmlOf(const report::ReportModel& model);
std::string readText(const std::filesystem::path& path);
void writeText(const std::filesystem::path& path, const std::string& text);
/** The full path of `program` on PATH, if it is there. */
std::optional<std::filesystem::path> findProgram(const std::string& program);
/** Runs a shell command line; its exit status (-1 when it could not run). */
int runCommand(const std::string& commandLine);

} // namespace blastline::test
