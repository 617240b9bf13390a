// SPDX-License-Identifier: MIT
#include "GzipInflater.h"

#include <algorithm>
#include <array>
#include <libdeflate.h>
#include <limits>
#include <new>
#include <zlib.h>

namespace blastline::importers {

namespace {

/** The ISIZE trailer of the last member: the inflated size modulo 2^32, a starting guess only. */
std::uint64_t trailerSize(std::string_view compressed)
{
    if (compressed.size() < 18)
        return 0;
    const auto* tail = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
    return std::uint64_t {tail[0]} | std::uint64_t {tail[1]} << 8 | std::uint64_t {tail[2]} << 16
        | std::uint64_t {tail[3]} << 24;
}

std::string sizeText(std::uint64_t bytes)
{
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

} // namespace

GzipInflater::GzipInflater()
    : m_decompressor(libdeflate_alloc_decompressor())
{
    if (m_decompressor == nullptr)
        throw std::bad_alloc();
}

GzipInflater::~GzipInflater()
{
    libdeflate_free_decompressor(m_decompressor);
}

bool GzipInflater::isGzip(std::string_view bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

void GzipInflater::inflate(
    std::string_view compressed, std::string& out, std::uint64_t sizeLimit, std::size_t padding, std::uint64_t maxRatio)
{
    std::size_t written = 0;
    std::size_t consumed = 0;
    // libdeflate inflates a member whole, into a buffer of a given size, so both limits bound that buffer: the
    // ratio's from the size of the whole file, known before a byte is inflated.
    const std::uint64_t ratioLimit =
        maxRatio == 0 || compressed.size() > std::numeric_limits<std::uint64_t>::max() / maxRatio
        ? std::numeric_limits<std::uint64_t>::max()
        : std::max(kRatioFloor, compressed.size() * maxRatio);
    const std::uint64_t limit = std::min(sizeLimit, ratioLimit);
    const auto refusal = [&] {
        if (limit < sizeLimit)
            return "inflates to more than " + std::to_string(maxRatio)
                + " times its compressed size (real CloudTrail files inflate 5 to 20 times; a decompression bomb "
                  "is refused, see --max-inflation-ratio)";
        return "inflates to more than " + sizeText(sizeLimit)
            + " (the per-file limit; a decompression bomb is refused, see --max-file-size)";
    };
    // Deflate cannot expand more than ~1032:1, so the trailer's claim is checked against that bound.
    std::uint64_t capacity = std::clamp<std::uint64_t>(
        std::min<std::uint64_t>(trailerSize(compressed), compressed.size() * 1032ULL), 4096, limit);
    while (consumed < compressed.size()) {
        const std::string_view member = compressed.substr(consumed);
        if (!isGzip(member))
            throw InflateError("bytes after the gzip data are not another gzip member", consumed);
        for (;;) {
            out.resize(static_cast<std::size_t>(capacity) + padding);
            std::size_t memberIn = 0;
            std::size_t memberOut = 0;
            const libdeflate_result result = libdeflate_gzip_decompress_ex(m_decompressor, member.data(), member.size(),
                out.data() + written, static_cast<std::size_t>(capacity) - written, &memberIn, &memberOut);
            if (result == LIBDEFLATE_SUCCESS) {
                consumed += memberIn;
                written += memberOut;
                break;
            }
            if (result != LIBDEFLATE_INSUFFICIENT_SPACE)
                throw InflateError(member.size() < 18 ? "truncated gzip data" : "corrupt or truncated gzip data",
                    consumed + failureOffset(member));
            if (capacity >= limit)
                throw InflateError(refusal(), consumed);
            capacity = std::min(limit, capacity * 2);
        }
        if (written >= limit && consumed < compressed.size())
            throw InflateError(refusal(), consumed);
    }
    out.resize(written + padding);
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(written), out.end(), '\0');
    out.resize(written);
}

std::uint64_t GzipInflater::failureOffset(std::string_view compressed)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return 0;
    std::array<unsigned char, 65536> sink {};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), std::numeric_limits<uInt>::max()));
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = sink.data();
        stream.avail_out = static_cast<uInt>(sink.size());
        status = ::inflate(&stream, Z_NO_FLUSH);
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            break; // ran out of input: truncated here
    }
    const std::uint64_t offset = stream.total_in;
    inflateEnd(&stream);
    return offset;
}

} // namespace blastline::importers
