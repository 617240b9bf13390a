// SPDX-License-Identifier: MIT
// What the Panther rule file tests (PantherRuleFileTest.cpp, PantherRuleFileBytesTest.cpp) share.
#pragma once

#include "PantherRuleFile.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace blastline::testing {

/** Each Tests[].Log of `yaml` (read as rule.yml), parsed. */
inline std::vector<nlohmann::json> logsOf(const std::string& yaml)
{
    std::vector<nlohmann::json> logs;
    for (const std::string& text : importers::PantherRuleFile::testLogs(yaml, "rule.yml"))
        logs.push_back(nlohmann::json::parse(text));
    return logs;
}

/** The one Log of `yaml`; a test failure when there is not exactly one. */
inline nlohmann::json onlyLog(const std::string& yaml)
{
    const std::vector<nlohmann::json> logs = logsOf(yaml);
    EXPECT_EQ(logs.size(), 1u);
    return logs.empty() ? nlohmann::json() : logs.front();
}

/** The message reading `yaml` throws, or "(no error)". */
inline std::string errorOf(const std::string& yaml)
{
    try {
        importers::PantherRuleFile::testLogs(yaml, "rule.yml");
    } catch (const core::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

inline bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace blastline::testing
