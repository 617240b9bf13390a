// SPDX-License-Identifier: MIT
#include "blastline/core/Sha256.h"

#include <gtest/gtest.h>

#include <string>

using blastline::core::Sha256;

namespace {

// FIPS 180-4 examples (NIST CSRC "Example Values", SHA-256) and the long-message vector of FIPS 180-2.
TEST(Sha256, fipsExampleVectors)
{
    EXPECT_EQ(Sha256::hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256::hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(Sha256::hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
                          "lmnopqrsmnopqrstnopqrstu"),
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    EXPECT_EQ(Sha256::hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, millionTimesA)
{
    Sha256 hasher;
    const std::string thousand(1000, 'a');
    for (int i = 0; i < 1000; ++i)
        hasher.update(thousand);
    EXPECT_EQ(Sha256::toHex(hasher.finish()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, piecesGiveTheDigestOfTheWhole)
{
    // Lengths around the 55/56/64-byte padding boundaries, fed in pieces of every size up to 70 bytes.
    for (const std::size_t length : {0U, 1U, 55U, 56U, 57U, 63U, 64U, 65U, 119U, 120U, 128U, 1000U}) {
        std::string message;
        for (std::size_t i = 0; i < length; ++i)
            message.push_back(static_cast<char>('a' + i % 26));
        const std::string whole = Sha256::hex(message);
        for (std::size_t piece = 1; piece <= 70; ++piece) {
            Sha256 hasher;
            for (std::size_t at = 0; at < message.size(); at += piece)
                hasher.update(std::string_view(message).substr(at, piece));
            ASSERT_EQ(Sha256::toHex(hasher.finish()), whole) << "length " << length << ", pieces of " << piece;
        }
    }
}

TEST(Sha256, finishStartsANewMessage)
{
    Sha256 hasher;
    hasher.update("something else");
    hasher.finish();
    hasher.update("abc");
    EXPECT_EQ(Sha256::toHex(hasher.finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

} // namespace
