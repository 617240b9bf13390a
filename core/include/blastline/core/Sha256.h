// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace blastline::core {

/**
 * SHA-256 (FIPS 180-4), fed in pieces: what a case file records of each piece of evidence, and what
 * `case verify` recomputes. Implemented here so that core needs no crypto library for one hash.
 */
class Sha256
{
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    void update(std::span<const std::byte> bytes);
    void update(std::string_view bytes) { update(std::as_bytes(std::span(bytes.data(), bytes.size()))); }
    /** The digest of everything fed so far; the hasher is then empty again, ready for a new message. */
    Digest finish();

    /** 64 lowercase hex digits. */
    static std::string toHex(const Digest& digest);
    /** The hex digest of `bytes` in one call. */
    static std::string hex(std::string_view bytes);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state {};
    std::array<std::uint8_t, 64> m_buffer {};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0; // bytes fed so far
};

} // namespace blastline::core
