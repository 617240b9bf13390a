// SPDX-License-Identifier: MIT
#include "blastline/report/XmlText.h"

#include <gtest/gtest.h>

namespace blastline::report {
namespace {

TEST(XmlText, escapesMarkup)
{
    EXPECT_EQ(XmlText::escape("<a href=\"x\">Tom & 'Jerry'</a>"),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
}

TEST(XmlText, replacesWhatXmlForbids)
{
    EXPECT_EQ(XmlText::escape(std::string("a\x01"
                                          "b\x7f"
                                          "c",
                  5)),
        "a\uFFFDb\uFFFDc");
    EXPECT_EQ(XmlText::escape("\xff\xfe"), "\uFFFD\uFFFD");
    EXPECT_EQ(XmlText::escape("\xc0\xaf"), "\uFFFD\uFFFD") << "an overlong encoding of '/'";
    EXPECT_EQ(XmlText::escape("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD") << "a surrogate";
    EXPECT_EQ(XmlText::escape("tab\tnewline\n"), "tab\tnewline\n");
    EXPECT_EQ(XmlText::escape("caf\xc3\xa9 \xe2\x86\x92"), "caf\xc3\xa9 \xe2\x86\x92");
}

TEST(XmlText, shortensByCharacters)
{
    EXPECT_EQ(XmlText::escapeShortened("aws_rds_cluster.main", 7), "aws_rds\u2026");
    EXPECT_EQ(XmlText::escapeShortened("\xc3\xa9\xc3\xa9\xc3\xa9", 2), "\xc3\xa9\xc3\xa9\u2026");
    EXPECT_EQ(XmlText::escapeShortened("short", 7), "short");
    EXPECT_EQ(XmlText::escapeShortened("a<b", 2), "a&lt;\u2026");
}

TEST(XmlText, numbersWithoutLocale)
{
    EXPECT_EQ(XmlText::number(12), "12");
    EXPECT_EQ(XmlText::number(12.25), "12.3");
    EXPECT_EQ(XmlText::number(-3.04), "-3");
}

} // namespace
} // namespace blastline::report
