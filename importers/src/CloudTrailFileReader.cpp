// SPDX-License-Identifier: MIT
#include "CloudTrailFileReader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <simdjson.h>

namespace blastline::importers {

namespace {

std::string errorText(
    const std::string& name, std::optional<std::uint64_t> offset, bool inflated, const std::string& message)
{
    std::string text = name;
    if (offset)
        text += ": byte " + std::to_string(*offset) + (inflated ? " of the inflated content" : "");
    return text + ": " + message;
}

/** Reads a whole file into `out`, leaving simdjson's padding after it. Returns an error message or "". */
std::string readWholeFile(const std::string& path, std::string& out, std::uint64_t limit)
{
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file)
        return std::string("cannot open: ") + std::strerror(errno);
    const std::streamoff size = file.tellg();
    if (size < 0)
        return "cannot read its size";
    if (static_cast<std::uint64_t>(size) > limit)
        return "the file is " + std::to_string(size / (1024 * 1024)) + " MiB, more than the per-file limit of "
            + std::to_string(limit / (1024 * 1024)) + " MiB (see --max-file-size)";
    out.resize(static_cast<std::size_t>(size) + simdjson::SIMDJSON_PADDING);
    file.seekg(0);
    if (!file.read(out.data(), size))
        return std::string("cannot read: ") + std::strerror(errno);
    out.resize(static_cast<std::size_t>(size));
    return {};
}

} // namespace

CloudTrailFileReader::CloudTrailFileReader(const CloudTrailReadOptions& options)
    : m_options(options)
{ }

CloudTrailFileReader::FileResult CloudTrailFileReader::readFile(const std::string& path)
{
    if (std::string problem = readWholeFile(path, m_stored, m_options.maxFileBytes); !problem.empty()) {
        FileResult result;
        result.error = path + ": " + problem;
        return result;
    }
    return parse(m_stored, path);
}

CloudTrailFileReader::FileResult CloudTrailFileReader::readBytes(std::string_view bytes, const std::string& name)
{
    m_stored.reserve(bytes.size() + simdjson::SIMDJSON_PADDING);
    m_stored.assign(bytes);
    return parse(m_stored, name);
}

CloudTrailFileReader::FileResult CloudTrailFileReader::parse(std::string_view stored, const std::string& name)
{
    FileResult result;
    result.bytes = stored.size();
    result.compressed = GzipInflater::isGzip(stored);
    std::string_view content = stored;
    if (result.compressed) {
        try {
            m_inflater.inflate(
                stored, m_inflated, m_options.maxFileBytes, simdjson::SIMDJSON_PADDING, m_options.maxInflationRatio);
        } catch (const InflateError& error) {
            result.error = errorText(name, error.offset, false, error.what());
            return result;
        }
        content = m_inflated;
    }
    result.document = m_document.read(content, m_options.filter, m_options.keepRecords, m_options.maxRecordsPerFile);
    if (!result.document.error.empty())
        result.error = errorText(name, result.document.errorOffset, result.compressed, result.document.error);
    if (!result.document.warning.empty())
        result.warning = name + ": " + result.document.warning;
    return result;
}

} // namespace blastline::importers
