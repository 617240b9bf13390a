// SPDX-License-Identifier: MIT
#include "blastline/core/Condition.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

using blastline::core::Attributes;
using blastline::core::AttributeValue;
using blastline::core::Condition;
using blastline::core::expandTemplate;
using blastline::core::InputError;
using blastline::core::Truth;

namespace {

// One instance's attributes, the entry's defaults and the caller's facts, shared by every row below.
Attributes sampleAttributes()
{
    Attributes attributes;
    attributes.set("deletion_protection", AttributeValue::boolean(true));
    attributes.set("skip_final_snapshot", AttributeValue::boolean(false));
    attributes.set("final_snapshot_identifier", AttributeValue::null());
    attributes.set("backup_retention_period", AttributeValue::number("7"));
    attributes.set("count_float", AttributeValue::number("7.0"));
    attributes.set("engine", AttributeValue::string("postgres"));
    attributes.set("empty_string", AttributeValue::string(""));
    attributes.set("flat_true", AttributeValue::string("true"));
    attributes.set("flat_false", AttributeValue::string("false"));
    attributes.set("flat_seven", AttributeValue::string("7"));
    attributes.set("password", AttributeValue::redacted());
    attributes.set("point_in_time_recovery.0.enabled", AttributeValue::boolean(true));
    attributes.set("tags.cost-centre", AttributeValue::string("ops"));
    attributes.set("provider_version", AttributeValue::string("4.16.2"));
    attributes.set("old_version", AttributeValue::string("3.76.0"));
    attributes.set("beta_version", AttributeValue::string("4.16.0-beta1"));
    attributes.finalize();
    return attributes;
}

const std::map<std::string, AttributeValue> kDefaults {
    {"delete_automated_backups", AttributeValue::boolean(true)},
    {"deletion_protection", AttributeValue::boolean(false)}, // present in the state: the default must not apply
    {"retention_default", AttributeValue::number("35")},
    {"absent_null_default", AttributeValue::null()},
};

const std::map<std::string, AttributeValue> kFacts {
    {"bucket_empty", AttributeValue::boolean(false)},
    {"$has_objects", AttributeValue::boolean(true)}, // keys may be spelled with the '$'
    {"secret_fact", AttributeValue::redacted()},
    {"aws_provider_version", AttributeValue::string("5.1.0")},
};

struct EvaluationRow
{
    const char* condition;
    Truth expected;
    std::vector<std::string> unknowns;
};

std::ostream& operator<<(std::ostream& out, const EvaluationRow& row)
{
    return out << row.condition;
}

class ConditionEvaluation : public testing::TestWithParam<EvaluationRow>
{ };

TEST_P(ConditionEvaluation, evaluatesToExpectedTruthAndUnknowns)
{
    const EvaluationRow& row = GetParam();
    const Attributes attributes = sampleAttributes();
    const Condition condition = Condition::parse(row.condition, "test");
    std::vector<std::string> unknowns;
    EXPECT_EQ(condition.evaluate({attributes, &kDefaults, &kFacts}, &unknowns), row.expected);
    EXPECT_EQ(unknowns, row.unknowns);
    EXPECT_EQ(condition.text(), row.condition);
}

const EvaluationRow kEvaluationRows[] = {
    // literals and negation
    {"true", Truth::True, {}},
    {"false", Truth::False, {}},
    {"!true", Truth::False, {}},
    {"!!true", Truth::True, {}},
    // every comparison operator
    {"deletion_protection", Truth::True, {}},
    {"deletion_protection == true", Truth::True, {}},
    {"deletion_protection != true", Truth::False, {}},
    {"backup_retention_period > 0", Truth::True, {}},
    {"backup_retention_period > 7", Truth::False, {}},
    {"backup_retention_period >= 7", Truth::True, {}},
    {"backup_retention_period < 7", Truth::False, {}},
    {"backup_retention_period < 7.5", Truth::True, {}},
    {"backup_retention_period <= 7", Truth::True, {}},
    {"backup_retention_period == 7.0", Truth::True, {}},
    {"count_float == 7", Truth::True, {}},
    {"backup_retention_period == -1", Truth::False, {}},
    {"backup_retention_period > -1e2", Truth::True, {}},
    {"engine == \"postgres\"", Truth::True, {}},
    {"engine == \"Postgres\"", Truth::False, {}},
    {"engine != \"mysql\"", Truth::True, {}},
    {"engine == \"post\\u0067res\"", Truth::True, {}},
    {"empty_string == \"\"", Truth::True, {}},
    {"engine == 7", Truth::False, {}},
    {"deletion_protection == 1", Truth::False, {}},
    {"deletion_protection == \"true\"", Truth::True, {}},
    {"point_in_time_recovery.0.enabled", Truth::True, {}},
    {"tags.cost-centre == \"ops\"", Truth::True, {}},
    {"  deletion_protection\n&&\ttrue ", Truth::True, {}},
    // flatmap strings compare equal to the bools and numbers they spell
    {"flat_true", Truth::True, {}},
    {"!flat_false", Truth::True, {}},
    {"flat_true == true", Truth::True, {}},
    {"flat_true == false", Truth::False, {}},
    {"flat_false == false", Truth::True, {}},
    {"flat_seven == 7", Truth::True, {}},
    {"flat_seven == 7.0", Truth::True, {}},
    {"flat_seven > 6", Truth::True, {}},
    {"flat_seven == \"7\"", Truth::True, {}},
    // precedence: ! over && over ||, parentheses override
    {"true || false && false", Truth::True, {}},
    {"(true || false) && false", Truth::False, {}},
    {"!false && false", Truth::False, {}},
    {"!(false && false)", Truth::True, {}},
    {"false && false || true", Truth::True, {}},
    {"backup_retention_period > 0 && engine == \"postgres\"", Truth::True, {}},
    {"(deletion_protection == true) == false", Truth::False, {}},
    // Kleene: Unknown && False is False, Unknown || True is True
    {"missing", Truth::Unknown, {"missing"}},
    {"!missing", Truth::Unknown, {"missing"}},
    {"missing && false", Truth::False, {}},
    {"false && missing", Truth::False, {}},
    {"missing && true", Truth::Unknown, {"missing"}},
    {"true && missing", Truth::Unknown, {"missing"}},
    {"missing || true", Truth::True, {}},
    {"true || missing", Truth::True, {}},
    {"missing || false", Truth::Unknown, {"missing"}},
    {"missing && other", Truth::Unknown, {"missing", "other"}},
    {"missing || other", Truth::Unknown, {"missing", "other"}},
    {"missing || missing", Truth::Unknown, {"missing"}},
    {"(missing || true) && other", Truth::Unknown, {"other"}},
    {"missing == true", Truth::Unknown, {"missing"}},
    {"missing != 3", Truth::Unknown, {"missing"}},
    {"missing > 3", Truth::Unknown, {"missing"}},
    // defaults apply only when the state lacks the attribute
    {"delete_automated_backups", Truth::True, {}},
    {"delete_automated_backups == true", Truth::True, {}},
    {"retention_default > 30", Truth::True, {}},
    {"deletion_protection == false", Truth::False, {}},
    // null
    {"final_snapshot_identifier == null", Truth::True, {}},
    {"final_snapshot_identifier != null", Truth::False, {}},
    {"null == final_snapshot_identifier", Truth::True, {}},
    {"absent_null_default == null", Truth::True, {}},
    {"missing == null", Truth::Unknown, {"missing"}},
    {"final_snapshot_identifier == \"\"", Truth::False, {}},
    {"engine == null", Truth::False, {}},
    {"final_snapshot_identifier > 0", Truth::Unknown, {"final_snapshot_identifier"}},
    {"final_snapshot_identifier", Truth::Unknown, {"final_snapshot_identifier"}},
    {"engine", Truth::Unknown, {"engine"}},
    {"engine > 3", Truth::Unknown, {"engine"}},
    {"skip_final_snapshot == false && (final_snapshot_identifier == null || final_snapshot_identifier == \"\")",
        Truth::True, {}},
    // facts
    {"$bucket_empty", Truth::False, {}},
    {"!$bucket_empty", Truth::True, {}},
    {"$bucket_empty == false", Truth::True, {}},
    {"$has_objects", Truth::True, {}},
    {"$not_given", Truth::Unknown, {"$not_given"}},
    {"backup_retention_period > 0 && !$not_given", Truth::Unknown, {"$not_given"}},
    {"$not_given && missing", Truth::Unknown, {"$not_given", "missing"}},
    // redacted values are unknown
    {"$secret_fact", Truth::Unknown, {"$secret_fact"}},
    {"password == \"hunter2\"", Truth::Unknown, {"password"}},
    {"password == null", Truth::Unknown, {"password"}},
    {"password != null || true", Truth::True, {}},
    // version_at_least compares dotted numbers, not text
    {"version_at_least(provider_version, \"4.16.0\")", Truth::True, {}},
    {"version_at_least(provider_version, \"4.16\")", Truth::True, {}},
    {"version_at_least(provider_version, \"4.16.3\")", Truth::False, {}},
    {"version_at_least(provider_version, \"4.17\")", Truth::False, {}},
    {"version_at_least(old_version, \"4.16.0\")", Truth::False, {}},
    {"version_at_least(beta_version, \"4.16.0\")", Truth::False, {}},
    {"version_at_least(beta_version, \"4.15\")", Truth::True, {}},
    {"version_at_least(\"10.0.0\", \"9.9.9\")", Truth::True, {}},
    {"version_at_least($aws_provider_version, \"4.16.0\")", Truth::True, {}},
    {"!version_at_least($aws_provider_version, \"6\")", Truth::True, {}},
    {"version_at_least(missing_version, \"4.16.0\")", Truth::Unknown, {"missing_version"}},
    {"version_at_least($not_given, \"4.16.0\")", Truth::Unknown, {"$not_given"}},
    {"version_at_least(engine, \"1.0\")", Truth::Unknown, {"engine"}},
    {"version_at_least(final_snapshot_identifier, \"1.0\")", Truth::Unknown, {"final_snapshot_identifier"}},
    {"deletion_protection && !version_at_least(provider_version, \"4.16.0\")", Truth::False, {}},
};

INSTANTIATE_TEST_SUITE_P(Condition, ConditionEvaluation, testing::ValuesIn(kEvaluationRows));

struct ParseErrorRow
{
    const char* condition;
    const char* message;
};

std::ostream& operator<<(std::ostream& out, const ParseErrorRow& row)
{
    return out << row.condition;
}

class ConditionParseError : public testing::TestWithParam<ParseErrorRow>
{ };

TEST_P(ConditionParseError, namesColumnExpectationAndFinding)
{
    const ParseErrorRow& row = GetParam();
    try {
        Condition::parse(row.condition, "catalogue aws_x.rule");
        FAIL() << "parsed without error";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()), std::string("catalogue aws_x.rule: ") + row.message);
    }
}

const ParseErrorRow kParseErrorRows[] = {
    {"deletion_protection = true", "at column 21: expected '==', found '='"},
    {"a & b", "at column 3: expected '&&', found '&'"},
    {"a | b", "at column 3: expected '||', found '|'"},
    {"a && ",
        "at column 6: expected a value (attribute path, $fact, literal, function call or '('), "
        "found end of condition"},
    {"!",
        "at column 2: expected a value (attribute path, $fact, literal, function call or '('), "
        "found end of condition"},
    {"a == == b",
        "at column 6: expected a value (attribute path, $fact, literal, function call or '('), "
        "found '=='"},
    {"(a == b", "at column 8: expected an operator or ')' to close the '(' at column 1, found end of condition"},
    {"a == b)", "at column 7: expected an operator or end of condition, found ')'"},
    {"a == b == c", "at column 8: expected an operator or end of condition, found '=='"},
    {"a # b", "at column 3: expected an operator or end of condition, found '#'"},
    {"a b", "at column 3: expected an operator or end of condition, found 'b'"},
    {"\"abc", "at column 5: expected '\"' to close the string at column 1, found end of condition"},
    {"a == \"x\\q\"", "at column 8: expected a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found '\\q'"},
    {"a == \"\\ud800\"", "at column 7: expected a valid Unicode escape, found '\\ud800'"},
    {"$ == 1", "at column 2: expected a fact name after '$', found ' '"},
    {"a. == 1", "at column 3: expected a path segment after '.', found ' '"},
    {"a == 1.", "at column 8: expected a digit after '.', found end of condition"},
    {"7", "at column 1: expected a condition, found number 7"},
    {"(null)", "at column 2: expected a condition, found 'null'"},
    {"a && \"x\"", "at column 6: expected a condition, found string \"x\""},
    {"7 && a ==", "at column 1: expected a condition, found number 7"},
    {"a < \"x\"", "at column 5: expected a number to compare with '<', found string \"x\""},
    {"null > 1", "at column 1: expected a number to compare with '>', found 'null'"},
    {"(a == b) >= 1", "at column 2: expected a number to compare with '>=', found a condition"},
    {"foo(a, \"1.0\")", "at column 1: expected a known function (version_at_least), found 'foo'"},
    {"version_at_least(a, \"x\")", "at column 21: expected a version string like \"4.16.0\", found string \"x\""},
    {"version_at_least(a, 4)", "at column 21: expected a version string like \"4.16.0\", found number 4"},
    {"version_at_least(a \"1\")",
        "at column 20: expected ',' after the first argument of version_at_least, found string \"1\""},
    {"version_at_least(a, \"1.0\"", "at column 26: expected ')' to close version_at_least(, found end of condition"},
    {"version_at_least(true, \"1.0\")",
        "at column 18: expected an attribute, $fact or string holding a version, found 'true'"},
};

INSTANTIATE_TEST_SUITE_P(Condition, ConditionParseError, testing::ValuesIn(kParseErrorRows));

TEST(Condition, emptyConditionIsAlwaysTrue)
{
    const Attributes attributes;
    std::vector<std::string> unknowns;
    EXPECT_EQ(Condition().evaluate({attributes}, &unknowns), Truth::True);
    EXPECT_EQ(Condition::parse("", "test").evaluate({attributes}), Truth::True);
    EXPECT_EQ(Condition::parse("  \n", "test").evaluate({attributes}), Truth::True);
    EXPECT_TRUE(unknowns.empty());
}

TEST(Condition, withoutDefaultsOrFactsTheyAreUnknown)
{
    const Attributes attributes = sampleAttributes();
    const Condition condition = Condition::parse("delete_automated_backups || $bucket_empty", "test");
    std::vector<std::string> unknowns;
    EXPECT_EQ(condition.evaluate({attributes}, &unknowns), Truth::Unknown);
    EXPECT_EQ(unknowns, (std::vector<std::string> {"delete_automated_backups", "$bucket_empty"}));
}

TEST(Condition, copiesShareTheParsedTree)
{
    const Attributes attributes = sampleAttributes();
    Condition copy;
    {
        const Condition original = Condition::parse("backup_retention_period > 5", "test");
        copy = original;
    }
    EXPECT_EQ(copy.evaluate({attributes}), Truth::True);
    EXPECT_EQ(copy.text(), "backup_retention_period > 5");
}

TEST(ExpandTemplate, replacesPlaceholdersAndKeepsEscapes)
{
    const Attributes attributes = sampleAttributes();
    std::vector<std::string> unknowns;
    const std::string text =
        expandTemplate("${engine}: $${x} ${ $bucket_empty } ${missing} ${password} [${final_snapshot_identifier}] "
                       "${delete_automated_backups} ${backup_retention_period} days, $5 ${unclosed",
            {attributes, &kDefaults, &kFacts}, &unknowns);
    EXPECT_EQ(text, "postgres: ${x} false (unknown) (redacted) [] true 7 days, $5 ${unclosed");
    EXPECT_EQ(unknowns, (std::vector<std::string> {"missing", "password"}));
}

TEST(ExpandTemplate, unknownFactsAreNamedWithTheirDollar)
{
    const Attributes attributes;
    std::vector<std::string> unknowns;
    EXPECT_EQ(expandTemplate("${$owner}-${name}", {attributes}, &unknowns), "(unknown)-(unknown)");
    EXPECT_EQ(unknowns, (std::vector<std::string> {"$owner", "name"}));
    EXPECT_EQ(expandTemplate("no placeholders", {attributes}), "no placeholders");
}

// Fuzzing regression (docs/reliability.md): a long run of '(' or '!' overflowed the parser's stack.
TEST(Condition, deepNestingIsRefusedNotAStackOverflow)
{
    for (const std::string& text : {std::string(60000, '('), std::string(60000, '!') + "true"}) {
        try {
            Condition::parse(text, "fuzz.when");
            FAIL() << "parsed " << text.size() << " nested levels";
        } catch (const InputError& error) {
            EXPECT_NE(std::string(error.what()).find("at most 64 nested"), std::string::npos) << error.what();
        }
    }
    // The bound leaves room for any real condition.
    EXPECT_NO_THROW(Condition::parse(std::string(32, '(') + std::string(31, '!') + "true" + std::string(32, ')'), "w"));
}

// "a0 && a1 && ..." with `count` operands joined by `joiner`.
std::string chain(std::size_t count, const std::string& joiner)
{
    std::string text = "a0";
    for (std::size_t i = 1; i < count; ++i)
        text += " " + joiner + " a" + std::to_string(i);
    return text;
}

// Each '&&' and '||' adds a level to the tree that evaluation and destruction recurse over: 100,000 operands
// overflowed the stack (docs/reliability.md), so one condition may join at most 256.
TEST(Condition, operandsUpToTheLimitParseAndEvaluate)
{
    Attributes attributes;
    for (std::size_t i = 0; i < 256; ++i)
        attributes.set("a" + std::to_string(i), AttributeValue::boolean(true));
    attributes.finalize();
    EXPECT_EQ(Condition::parse(chain(256, "&&"), "w").evaluate({attributes}), Truth::True);
    EXPECT_EQ(Condition::parse(chain(255, "&&") + " && false", "w").evaluate({attributes}), Truth::False);
    EXPECT_EQ(Condition::parse("!(" + chain(128, "||") + ") || (" + chain(128, "&&") + ")", "w").evaluate({attributes}),
        Truth::True);

    // Every operand unknown: each is named once, in reading order.
    const Attributes none;
    std::vector<std::string> unknowns;
    EXPECT_EQ(Condition::parse(chain(255, "||") + " || a0", "w").evaluate({none}, &unknowns), Truth::Unknown);
    ASSERT_EQ(unknowns.size(), 255U);
    EXPECT_EQ(unknowns.front(), "a0");
    EXPECT_EQ(unknowns[1], "a1");
    EXPECT_EQ(unknowns.back(), "a254");
}

TEST(Condition, moreOperandsThanTheLimitAreRefused)
{
    const auto messageFor = [](const std::string& text) -> std::string {
        try {
            Condition::parse(text, "catalogue aws_x.rule");
        } catch (const InputError& error) {
            return error.what();
        }
        return "parsed without error";
    };
    const std::string over = chain(257, "&&");
    EXPECT_EQ(messageFor(over),
        "catalogue aws_x.rule: at column " + std::to_string(over.rfind("&&") + 1)
            + ": expected at most 256 operands joined by '&&' and '||', found '&&' starting operand 257");
    // Counted over the whole condition, whatever the operators and parentheses.
    const std::string mixed = "(" + chain(200, "||") + ") && !(" + chain(57, "&&") + ")";
    EXPECT_EQ(messageFor(mixed),
        "catalogue aws_x.rule: at column " + std::to_string(mixed.rfind("&&") + 1)
            + ": expected at most 256 operands joined by '&&' and '||', found '&&' starting operand 257");
    // The regression: refused early, not a stack overflow.
    EXPECT_NE(messageFor(chain(100000, "&&")).find("found '&&' starting operand 257"), std::string::npos);
}

} // namespace
