// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct libdeflate_decompressor;

namespace blastline::importers {

/** Why a gzip stream could not be inflated, and where in the compressed bytes. */
struct InflateError : std::runtime_error
{
    InflateError(const std::string& what, std::uint64_t compressedOffset)
        : std::runtime_error(what)
        , offset(compressedOffset)
    { }
    std::uint64_t offset;
};

/**
 * Whole-buffer gzip inflation with libdeflate (several times zlib's speed: CloudTrail is gigabytes of gzip, see
 * docs/benchmarks.md). Handles concatenated members. One per thread; reuses its decompressor.
 */
class GzipInflater
{
public:
    GzipInflater();
    ~GzipInflater();
    GzipInflater(const GzipInflater&) = delete;
    GzipInflater& operator=(const GzipInflater&) = delete;

    static bool isGzip(std::string_view bytes);
    /**
     * Inflates `compressed` into `out` (resized to the inflated size, with `padding` spare bytes after it that
     * the caller may use: simdjson reads past the end). Throws InflateError, naming the compressed byte offset,
     * on corrupt or truncated data, or when the output would exceed `limit` bytes, or `maxRatio` times the size
     * of `compressed` (once past kRatioFloor; 0: no ratio limit): a decompression bomb is refused before it is
     * expanded past either.
     */
    void inflate(std::string_view compressed, std::string& out, std::uint64_t limit, std::size_t padding,
        std::uint64_t maxRatio);

    /** Output up to this size is never refused for its ratio: small files compress unevenly. */
    static constexpr std::uint64_t kRatioFloor = std::uint64_t {1} << 20;

private:
    /** Where zlib, reading the same bytes as a stream, first fails: libdeflate says only that it failed. */
    static std::uint64_t failureOffset(std::string_view compressed);

    libdeflate_decompressor* m_decompressor;
};

} // namespace blastline::importers
