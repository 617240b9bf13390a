// SPDX-License-Identifier: MIT
// Panther rule files hold text: YAML 1.2 allows raw only tab, line breaks and printable characters (5.1,
// c-printable), and the stream must be UTF-8 here. Each refusal names the place and the byte or code point,
// never the text around it; what YAML allows is still read.
#include "PantherRuleFileTestSupport.h"

#include "blastline/core/Trail.h"
#include "blastline/importers/CloudTrailReader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

using blastline::testing::errorOf;
using blastline::testing::onlyLog;
using blastline::testing::startsWith;
using nlohmann::json;

namespace {

struct ByteRow
{
    const char* name;
    std::string yaml;
    std::string message; // the whole expected message
};

void PrintTo(const ByteRow& row, std::ostream* out)
{
    *out << row.name;
}

class PantherRuleFileBytes : public testing::TestWithParam<ByteRow>
{ };

TEST_P(PantherRuleFileBytes, areRefusedWithThePlaceAndTheByte)
{
    const ByteRow& row = GetParam();
    EXPECT_EQ(errorOf(row.yaml), row.message);
}

INSTANTIATE_TEST_SUITE_P(PantherRuleFile, PantherRuleFileBytes,
    testing::Values(
        // YAML streams are UTF-8 here and only tab and line breaks may appear raw among the control characters (YAML
        // 1.2, 5.1 c-printable); each is refused wherever it is, naming the byte and never the text around it.
        ByteRow {"badContinuationByte", "Tests:\n  - Log:\n      a: \"\xC3(\"\n",
            "rule.yml:3:11: expected UTF-8 text (YAML files are Unicode), found byte 0xC3"},
        ByteRow {"byteFF", "Tests:\n  - Log:\n      a: x\xFFy\n",
            "rule.yml:3:11: expected UTF-8 text (YAML files are Unicode), found byte 0xFF"},
        ByteRow {"overlongSlash", "Tests:\n  - Log:\n      a: \xC0\xAF\n",
            "rule.yml:3:10: expected UTF-8 text (YAML files are Unicode), found byte 0xC0"},
        ByteRow {"overlongThreeBytes", "Tests:\n  - Log:\n      a: \xE0\x80\xAF\n",
            "rule.yml:3:10: expected UTF-8 text (YAML files are Unicode), found byte 0xE0"},
        ByteRow {"encodedSurrogate", "Tests:\n  - Log:\n      a: \xED\xA0\x80\n",
            "rule.yml:3:10: expected UTF-8 text (YAML files are Unicode), found byte 0xED"},
        ByteRow {"invalidInAKeyOutsideTheLogs", "Rule\xFFId: x\nTests: []\n",
            "rule.yml:1:5: expected UTF-8 text (YAML files are Unicode), found byte 0xFF"},
        ByteRow {"controlCharacterInAValue", "Tests:\n  - Log:\n      a: x\x01y\n",
            "rule.yml:3:11: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found byte 0x01"},
        ByteRow {"controlCharacterInAQuotedValue", "Tests:\n  - Log:\n      a: \"x\x1By\"\n",
            "rule.yml:3:12: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found byte 0x1B"},
        ByteRow {"controlCharacterInAComment", "# owner \x01\nTests:\n  - Log: {}\n",
            "rule.yml:1:9: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found byte 0x01"},
        ByteRow {"controlCharacterColumnCountsCharacters", "Tests:\n  - Log:\n      a: \xC3\xA9\x02\n",
            "rule.yml:3:11: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found byte 0x02"},
        ByteRow {"delete", "Tests:\n  - Log:\n      a: x\x7F\n",
            "rule.yml:3:11: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found byte 0x7F"},
        ByteRow {"c1Control", "Tests:\n  - Log:\n      a: x\xC2\x9B\n",
            "rule.yml:3:11: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found U+009B"},
        ByteRow {"nonCharacter", "Tests:\n  - Log:\n      a: x\xEF\xBF\xBF\n",
            "rule.yml:3:11: expected a printable character (YAML allows tabs and line breaks; other control "
            "characters only as escapes in double quotes), found U+FFFF"},
        ByteRow {"nulByte", std::string("Tests:\n  - Log:\n      a: x") + '\0' + "y\n",
            "rule.yml:3:11: expected YAML text, found a NUL byte (is this a binary file?)"}),
    [](const testing::TestParamInfo<ByteRow>& row) { return std::string(row.param.name); });

TEST(PantherRuleFile, refusalsOfBytesNeverQuoteTheTextAroundThem)
{
    // A Log may hold credentials: the message names the place and the byte, not the value.
    for (const std::string& bad : {std::string("\xFF"), std::string("\x01"), std::string("\xC2\x80")}) {
        const std::string message = errorOf("Tests:\n  - Log:\n      password: hunter2" + bad + "tail\n");
        EXPECT_TRUE(startsWith(message, "rule.yml:3:24: expected ")) << message;
        EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
        EXPECT_EQ(message.find("tail"), std::string::npos) << message;
    }
}

TEST(PantherRuleFile, acceptsTabsLineBreaksAndMultiByteCharacters)
{
    const json log = onlyLog("# r\xC3\xA8gle\tsans fin\r\n"
                             "Tests:\r\n"
                             "  - Log:\r\n"
                             "      plain: a\tb\r\n"
                             "      quoted: \"c\td\"\r\n"
                             "      accented: caf\xC3\xA9\r"
                             "      cjk: \xE6\x97\xA5\xE6\x9C\xAC\n"
                             "      emoji: \"\xF0\x9F\x98\x80\"\n"
                             "      nextLine: \"x\xC2\x85y\"\n"
                             "      escaped: \"\\x01\\x7F\"\n");
    EXPECT_EQ(log["plain"], "a\tb");
    EXPECT_EQ(log["quoted"], "c\td");
    EXPECT_EQ(log["accented"], "caf\xC3\xA9");
    EXPECT_EQ(log["cjk"], "\xE6\x97\xA5\xE6\x9C\xAC");
    EXPECT_EQ(log["emoji"], "\xF0\x9F\x98\x80");
    EXPECT_EQ(log["nextLine"], "x\xC2\x85y"); // NEL is printable in YAML 1.2
    EXPECT_EQ(log["escaped"], "\x01\x7F"); // control characters written as escapes are fine
}

TEST(PantherRuleFile, cloudTrailReaderRecordsARefusedRuleFileInItsInput)
{
    // The reader's contract: a bad file is reported in its TrailInput, the trail is still returned.
    const blastline::core::Trail trail = blastline::importers::CloudTrailReader::readBytes(
        "AnalysisType: rule\nTests:\n  - Log:\n      eventName: Delete\xFF\n", "rule.yml", {});
    ASSERT_EQ(trail.inputs().size(), 1u);
    EXPECT_EQ(trail.inputs()[0].format, "panther-rule");
    EXPECT_EQ(trail.inputs()[0].records, 0u);
    EXPECT_NE(trail.inputs()[0].error.find("line 4:24: expected UTF-8 text (YAML files are Unicode), found byte 0xFF"),
        std::string::npos)
        << trail.inputs()[0].error;
}

} // namespace
