// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace blastline::testing {

/** gzip-compresses `text` as CloudTrail delivers its files. */
std::string gzipped(std::string_view text);

/** One CloudTrail record as JSON text; `extra` is spliced in as more members (",\"errorCode\":\"X\""). */
std::string cloudTrailRecord(std::string_view eventName, std::string_view eventTime, std::string_view eventId,
    std::string_view requestParameters = "null", std::string_view extra = "",
    std::string_view responseElements = "null");

/** A fresh empty directory under the system's temporary folder, removed by the destructor. */
class TemporaryDirectory
{
public:
    TemporaryDirectory();
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    /** Writes `bytes` to `relative` (creating folders) and returns the full path. */
    std::filesystem::path write(const std::string& relative, std::string_view bytes) const;

private:
    std::filesystem::path m_path;
};

} // namespace blastline::testing
