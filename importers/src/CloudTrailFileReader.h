// SPDX-License-Identifier: MIT
#pragma once

#include "CloudTrailDocument.h"
#include "GzipInflater.h"

#include "blastline/core/TrailFilter.h"
#include "blastline/importers/CloudTrailReader.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace blastline::importers {

/**
 * One worker's tools for reading CloudTrail files one after another: buffers, inflater and parsers are reused
 * from file to file, so a worker's memory is that of the largest file it has read.
 */
class CloudTrailFileReader
{
public:
    struct FileResult
    {
        CloudTrailDocument::Result document;
        bool compressed = false;
        std::uint64_t bytes = 0; // as stored
        std::string error; // complete message: path, place, reason; empty when the file was read
        std::string warning; // likewise, for records skipped
    };

    /** Reads with `options`' filter, keepRecords and per-file limits; `options` must outlive the reader. */
    explicit CloudTrailFileReader(const CloudTrailReadOptions& options);

    /** Reads the file at `path`. The result's records point into this reader: take them before the next call. */
    FileResult readFile(const std::string& path);
    /** The same for content already in memory. */
    FileResult readBytes(std::string_view bytes, const std::string& name);

private:
    FileResult parse(std::string_view stored, const std::string& name);

    const CloudTrailReadOptions& m_options;
    std::string m_stored; // the file as read
    std::string m_inflated; // its content when it was gzip
    GzipInflater m_inflater;
    CloudTrailDocument m_document;
};

} // namespace blastline::importers
