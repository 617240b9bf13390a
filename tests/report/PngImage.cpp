// SPDX-License-Identifier: MIT
#include "PngImage.h"

#include <cstdlib>
#include <stdexcept>
#include <zlib.h>

namespace blastline::test {

namespace {

std::uint32_t bigEndian(const std::string& bytes, std::size_t at)
{
    if (at + 4 > bytes.size())
        throw std::runtime_error("PNG ends early");
    return (std::uint32_t(std::uint8_t(bytes[at])) << 24) | (std::uint32_t(std::uint8_t(bytes[at + 1])) << 16)
        | (std::uint32_t(std::uint8_t(bytes[at + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[at + 3]));
}

std::vector<std::uint8_t> inflateAll(const std::string& compressed, std::size_t expected)
{
    std::vector<std::uint8_t> out(expected);
    z_stream stream {};
    if (inflateInit(&stream) != Z_OK)
        throw std::runtime_error("zlib init failed");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
    if (result != Z_STREAM_END || stream.total_out != expected)
        throw std::runtime_error("PNG image data does not inflate to its size");
    return out;
}

std::uint8_t paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a);
    const int pb = std::abs(p - b);
    const int pc = std::abs(p - c);
    if (pa <= pb && pa <= pc)
        return static_cast<std::uint8_t>(a);
    return static_cast<std::uint8_t>(pb <= pc ? b : c);
}

} // namespace

PngImage PngImage::decode(const std::string& bytes)
{
    if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
        throw std::runtime_error("not a PNG");
    PngImage image;
    int channels = 0;
    std::string idat;
    for (std::size_t at = 8; at + 8 <= bytes.size();) {
        const std::uint32_t length = bigEndian(bytes, at);
        const std::string type = bytes.substr(at + 4, 4);
        if (at + 12 + length > bytes.size())
            throw std::runtime_error("PNG chunk ends early");
        if (type == "IHDR") {
            image.width = bigEndian(bytes, at + 8);
            image.height = bigEndian(bytes, at + 12);
            const int depth = std::uint8_t(bytes[at + 16]);
            const int colour = std::uint8_t(bytes[at + 17]);
            const int interlace = std::uint8_t(bytes[at + 20]);
            if (depth != 8 || (colour != 2 && colour != 6) || interlace != 0)
                throw std::runtime_error("unsupported PNG (depth, colour type or interlace)");
            channels = colour == 6 ? 4 : 3;
        } else if (type == "IDAT") {
            idat.append(bytes, at + 8, length);
        } else if (type == "IEND") {
            break;
        }
        at += 12 + length;
    }
    if (channels == 0 || image.width == 0 || image.height == 0)
        throw std::runtime_error("PNG without a usable header");
    const std::size_t stride = std::size_t(image.width) * std::size_t(channels);
    const std::vector<std::uint8_t> raw = inflateAll(idat, (stride + 1) * image.height);

    std::vector<std::uint8_t> previous(stride, 0);
    std::vector<std::uint8_t> current(stride);
    image.rgba.resize(std::size_t(image.width) * image.height * 4);
    for (std::uint32_t y = 0; y < image.height; ++y) {
        const std::uint8_t* line = &raw[y * (stride + 1)];
        const int filter = line[0];
        for (std::size_t i = 0; i < stride; ++i) {
            const int left = i >= std::size_t(channels) ? current[i - std::size_t(channels)] : 0;
            const int up = previous[i];
            const int upLeft = i >= std::size_t(channels) ? previous[i - std::size_t(channels)] : 0;
            int value = line[1 + i];
            switch (filter) {
            case 0:
                break;
            case 1:
                value += left;
                break;
            case 2:
                value += up;
                break;
            case 3:
                value += (left + up) / 2;
                break;
            case 4:
                value += paeth(left, up, upLeft);
                break;
            default:
                throw std::runtime_error("unknown PNG filter");
            }
            current[i] = static_cast<std::uint8_t>(value & 0xff);
        }
        for (std::uint32_t x = 0; x < image.width; ++x) {
            std::uint8_t* pixel = &image.rgba[(std::size_t(y) * image.width + x) * 4];
            const std::uint8_t* source = &current[std::size_t(x) * std::size_t(channels)];
            pixel[0] = source[0];
            pixel[1] = source[1];
            pixel[2] = source[2];
            pixel[3] = channels == 4 ? source[3] : 255;
        }
        std::swap(previous, current);
    }
    return image;
}

bool PngImage::isInk(std::uint32_t x, std::uint32_t y, int tolerance) const
{
    const std::uint8_t* pixel = &rgba[(std::size_t(y) * width + x) * 4];
    return 255 - pixel[0] > tolerance || 255 - pixel[1] > tolerance || 255 - pixel[2] > tolerance;
}

} // namespace blastline::test
