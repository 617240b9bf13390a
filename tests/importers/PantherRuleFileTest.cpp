// SPDX-License-Identifier: MIT
// Panther rule files: the CloudTrail records in Tests[].Log, written as YAML block mappings or as flow
// (JSON-like) mappings, among rule metadata that must be skipped whatever YAML it is written in.
#include "PantherRuleFile.h"

#include "PantherRuleFileTestSupport.h"

#include "blastline/core/Error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using blastline::core::InputError;
using blastline::importers::PantherRuleFile;
using blastline::testing::errorOf;
using blastline::testing::logsOf;
using blastline::testing::onlyLog;
using blastline::testing::startsWith;
using nlohmann::json;

namespace {

fs::path corpusDir()
{
    return fs::path(BLASTLINE_TEST_CORPUS) / "cloudtrail";
}

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/** The number of "Log:" keys as a person would count them: lines whose first word is "Log:". */
std::size_t countLogLines(const std::string& text)
{
    std::istringstream lines(text);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line);) {
        const std::size_t first = line.find_first_not_of(' ');
        count += first != std::string::npos && line.compare(first, 4, "Log:") == 0 ? 1 : 0;
    }
    return count;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Recognising a rule file

TEST(PantherRuleFile, looksLikeRuleFilesByTheirTopLevelKeys)
{
    EXPECT_TRUE(PantherRuleFile::looksLike("AnalysisType: rule\nFilename: x.py\n"));
    EXPECT_TRUE(PantherRuleFile::looksLike("# a rule\nRuleID: \"X\"\nTests:\n  - Name: t\n"));
    EXPECT_TRUE(PantherRuleFile::looksLike("\xEF\xBB\xBF"
                                           "AnalysisType: rule\r\nTests: []\r\n"));
    EXPECT_TRUE(PantherRuleFile::looksLike("Tests:"));
}

TEST(PantherRuleFile, doesNotLookLikeOtherFormats)
{
    EXPECT_FALSE(PantherRuleFile::looksLike(""));
    EXPECT_FALSE(PantherRuleFile::looksLike("{\"Records\": [{\"eventName\": \"DeleteBucket\"}]}"));
    EXPECT_FALSE(PantherRuleFile::looksLike("[\n{\"Tests\": 1}\n]"));
    EXPECT_FALSE(PantherRuleFile::looksLike("Other:\n  Tests: nested, not top-level\n"));
    EXPECT_FALSE(PantherRuleFile::looksLike("TestsAndMore: 1\nAnalysisType:x\n"));
    // Only the first few KB are read, so a huge file is never scanned whole.
    EXPECT_FALSE(PantherRuleFile::looksLike(std::string(10000, '\n') + "AnalysisType: rule\n"));
}

// ---------------------------------------------------------------------------------------------
// Records written as YAML block mappings

TEST(PantherRuleFile, readsBlockMappingLogsInFileOrder)
{
    const std::string yaml = R"(AnalysisType: rule
Tests:
  - Name: Instance deleted
    ExpectedResult: true
    Log:
      eventName: DeleteDBInstance
      userIdentity:
        type: AssumedRole
        sessionContext:
          sessionIssuer:
            userName: DBARole
      resources:
        - ARN: arn:aws:rds:us-east-1:123456789012:db:prod
          type: AWS::RDS::DBInstance
        - ARN: arn:aws:rds:us-east-1:123456789012:snapshot:final
      tags:
      - first
      -   second
      -
        nested: entry
      - - inner
        - sequence
      requestParameters:
        skipFinalSnapshot: false
      responseElements:
    Mocks:
      - objectName: x
  - Name: Bucket created
    Log:
      eventName: CreateBucket
)";
    const std::vector<std::string> texts = PantherRuleFile::testLogs(yaml, "rule.yml");
    ASSERT_EQ(texts.size(), 2u);
    EXPECT_EQ(texts[1], R"({"eventName":"CreateBucket"})");
    EXPECT_TRUE(startsWith(texts[0], R"({"eventName":"DeleteDBInstance","userIdentity":{"type":"AssumedRole")"))
        << texts[0];

    const json log = json::parse(texts[0]);
    EXPECT_EQ(log["userIdentity"]["sessionContext"]["sessionIssuer"]["userName"], "DBARole");
    ASSERT_EQ(log["resources"].size(), 2u);
    EXPECT_EQ(log["resources"][0]["ARN"], "arn:aws:rds:us-east-1:123456789012:db:prod");
    EXPECT_EQ(log["resources"][0]["type"], "AWS::RDS::DBInstance");
    EXPECT_EQ(log["resources"][1]["ARN"], "arn:aws:rds:us-east-1:123456789012:snapshot:final");
    EXPECT_EQ(log["tags"], json::parse(R"(["first", "second", {"nested": "entry"}, ["inner", "sequence"]])"));
    EXPECT_EQ(log["requestParameters"]["skipFinalSnapshot"], false);
    EXPECT_TRUE(log["responseElements"].is_null());
}

TEST(PantherRuleFile, foldsMultiLinePlainScalars)
{
    const json log = onlyLog("Tests:\n"
                             "  - Log:\n"
                             "      errorMessage: The bucket you tried\n"
                             "        to delete is not empty\n"
                             "\n"
                             "        (really)\n"
                             "      eventName: DeleteBucket\n");
    EXPECT_EQ(log["errorMessage"], "The bucket you tried to delete is not empty\n(really)");
    EXPECT_EQ(log["eventName"], "DeleteBucket");
}

// ---------------------------------------------------------------------------------------------
// Records written as flow (JSON-like) mappings

TEST(PantherRuleFile, readsJsonStyleFlowLogsWithTrailingCommas)
{
    const json log = onlyLog(R"(Tests:
  - Name: An S3 Bucket was deleted
    Log:
      {
        "eventName": "DeleteBucket",
        "userIdentity":
          {
            "type": "AssumedRole",
            "sessionContext": { "attributes": { "mfaAuthenticated": "true", }, },
          },
        "requestParameters":
          { "host": ["s3-us-east-2.amazonaws.com"], "bucketName": "secrets" },
        "responseElements": null,
        "readOnly": false,
        "resources": [ { "ARN": "arn:aws:s3:::secrets", }, ],
        "count": 3,
      }
    ExpectedResult: true
)");
    EXPECT_EQ(log["eventName"], "DeleteBucket");
    EXPECT_EQ(log["userIdentity"]["sessionContext"]["attributes"]["mfaAuthenticated"], "true");
    EXPECT_EQ(log["requestParameters"]["host"], json::array({"s3-us-east-2.amazonaws.com"}));
    EXPECT_TRUE(log["responseElements"].is_null());
    EXPECT_EQ(log["readOnly"], false);
    EXPECT_EQ(log["resources"][0]["ARN"], "arn:aws:s3:::secrets");
    EXPECT_EQ(log["count"], 3);
}

TEST(PantherRuleFile, readsYamlFlowLogsWithPlainKeysAndValues)
{
    const json log = onlyLog(R"(Tests:
  - ExpectedResult: false
    Log:
      { awsRegion: "us-west-2",
          eventName: TerminateInstances,
          managementEvent: true,
          responseElements:
            { instancesSet:
                { items:
                    [ { currentState:
                          { code: 32,
                              name: "shutting-down" },
                          instanceId: i-0d9853f67e40ab80b } ] },   # a comment inside
                requestId: "a520eeaf" },
          webIdFederationData: { },
          arn: arn:aws:iam::111222333444:role/x,
          empty: ,
          bare }
    Name: Terminate Instance from autoscaling
)");
    EXPECT_EQ(log["awsRegion"], "us-west-2");
    EXPECT_EQ(log["eventName"], "TerminateInstances");
    EXPECT_EQ(log["managementEvent"], true);
    const json& item = log["responseElements"]["instancesSet"]["items"][0];
    EXPECT_EQ(item["currentState"]["code"], 32);
    EXPECT_EQ(item["currentState"]["name"], "shutting-down");
    EXPECT_EQ(item["instanceId"], "i-0d9853f67e40ab80b");
    EXPECT_EQ(log["responseElements"]["requestId"], "a520eeaf");
    EXPECT_EQ(log["webIdFederationData"], json::object());
    EXPECT_EQ(log["arn"], "arn:aws:iam::111222333444:role/x");
    EXPECT_TRUE(log["empty"].is_null());
    EXPECT_TRUE(log.contains("bare") && log["bare"].is_null());
}

// ---------------------------------------------------------------------------------------------
// Block scalars, comments and quoting

TEST(PantherRuleFile, skipsAndReadsBlockScalars)
{
    const json log = onlyLog(R"(AnalysisType: rule
Description: >
  Detects: deletions - of things
  - not a sequence: really
Runbook: |-
  1. Step: one
  - two: 2

  Tests: not a key
Reference: >+

Tests:
  - Log:
      literal: |
        line one
          indented: yes
        last

      folded: >
        folded
        text

        new paragraph
          more indented
        end
      strip: |-
        no break
      keep: |+
        kept

      explicitIndent: |2
          two extra
      comment: | # a comment, not content
        # content, not a comment
      empty: >
      next: 1
)");
    EXPECT_EQ(log["literal"], "line one\n  indented: yes\nlast\n");
    EXPECT_EQ(log["folded"], "folded text\nnew paragraph\n  more indented\nend\n");
    EXPECT_EQ(log["strip"], "no break");
    EXPECT_EQ(log["keep"], "kept\n\n");
    EXPECT_EQ(log["explicitIndent"], "  two extra\n");
    EXPECT_EQ(log["comment"], "# content, not a comment\n");
    EXPECT_EQ(log["empty"], "");
    EXPECT_EQ(log["next"], 1);
}

TEST(PantherRuleFile, ignoresComments)
{
    const json log = onlyLog(R"(# leading comment
AnalysisType: rule # trailing
Reports:
  MITRE ATT&CK:
    - TA0040:T1485  # Data Destruction
Tests: # after a key
  # between entries
  - Name: a   # after a value
    Log:   # after Log
      # inside the record
      eventName: "DeleteBucket" # after a quoted value
      url: http://example.com/#fragment
      note: a#b
      flow: { a: 1, # inside a flow mapping
              b: [ 2, # and a sequence
                 ] }
# at the end
)");
    EXPECT_EQ(log, json::parse(R"({"eventName": "DeleteBucket", "url": "http://example.com/#fragment", "note": "a#b",
                                   "flow": {"a": 1, "b": [2]}})"));
}

TEST(PantherRuleFile, decodesQuotedScalars)
{
    const json log = onlyLog(R"(Tests:
  - Log:
      double: "tab\there \"q\" back\\slash \u00e9 \x41 \U0001F600 \/"
      surrogates: "\ud83d\ude00"
      single: 'it''s # not a comment'
      folded: "first
        second

        third"
      escapedBreak: "ab\
        cd"
      'quoted key': x
      "json:key": y
      flow: { 'a''b': "c\nd", "e": 'f' }
)");
    EXPECT_EQ(log["double"], "tab\there \"q\" back\\slash \xC3\xA9 A \xF0\x9F\x98\x80 /");
    EXPECT_EQ(log["surrogates"], "\xF0\x9F\x98\x80");
    EXPECT_EQ(log["single"], "it's # not a comment");
    EXPECT_EQ(log["folded"], "first second\nthird");
    EXPECT_EQ(log["escapedBreak"], "abcd");
    EXPECT_EQ(log["quoted key"], "x");
    EXPECT_EQ(log["json:key"], "y");
    EXPECT_EQ(log["flow"], json::parse(R"({"a'b": "c\nd", "e": "f"})"));
}

TEST(PantherRuleFile, typesPlainScalarsWithTheCoreSchema)
{
    const json log = onlyLog(R"(Tests:
  - Log:
      lower: true
      capital: True
      upper: FALSE
      null: null
      tilde: ~
      empty:
      int: 42
      negative: -7
      positive: +3
      account: 123456789012
      float: 3.25
      version: 1.08
      exponent: 1e3
      leadingDot: .5
      hex: 0x1F
      octal: 0o17
      quotedFloat: "1.08"
      quotedBool: 'true'
      quotedNull: "null"
      ip: 10.0.1.100
      time: 2024-01-15T14:30:00Z
      yes: yes
      tooBig: 123456789012345678901234567890
      infinity: .inf
      flow: [true, ~, 7, 2.5, "7", 1.2.3]
)");
    EXPECT_EQ(log["lower"], true);
    EXPECT_EQ(log["capital"], true);
    EXPECT_EQ(log["upper"], false);
    EXPECT_TRUE(log["null"].is_null());
    EXPECT_TRUE(log["tilde"].is_null());
    EXPECT_TRUE(log["empty"].is_null());
    EXPECT_EQ(log["int"], 42);
    EXPECT_EQ(log["negative"], -7);
    EXPECT_EQ(log["positive"], 3);
    EXPECT_EQ(log["account"], 123456789012);
    EXPECT_EQ(log["float"], 3.25);
    EXPECT_TRUE(log["version"].is_number_float());
    EXPECT_DOUBLE_EQ(log["version"].get<double>(), 1.08);
    EXPECT_EQ(log["exponent"], 1000.0);
    EXPECT_EQ(log["leadingDot"], 0.5);
    EXPECT_EQ(log["hex"], 31);
    EXPECT_EQ(log["octal"], 15);
    EXPECT_EQ(log["quotedFloat"], "1.08");
    EXPECT_EQ(log["quotedBool"], "true");
    EXPECT_EQ(log["quotedNull"], "null");
    EXPECT_EQ(log["ip"], "10.0.1.100");
    EXPECT_EQ(log["time"], "2024-01-15T14:30:00Z");
    EXPECT_EQ(log["yes"], "yes"); // YAML 1.1 read it as true; the 1.2 core schema does not
    EXPECT_EQ(log["tooBig"], "123456789012345678901234567890");
    EXPECT_EQ(log["infinity"], ".inf");
    EXPECT_EQ(log["flow"], json::parse(R"([true, null, 7, 2.5, "7", "1.2.3"])"));
}

TEST(PantherRuleFile, keepsTheLastOfDuplicateKeys)
{
    const json log = onlyLog("Tests:\n"
                             "  - Log:\n"
                             "      eventName: First\n"
                             "      flow: { \"a\": 1, \"a\": 2 }\n"
                             "      eventName: Last\n");
    EXPECT_EQ(log["eventName"], "Last");
    EXPECT_EQ(log["flow"], json::parse(R"({"a": 2})"));
}

// ---------------------------------------------------------------------------------------------
// Files with no records, and document syntax

TEST(PantherRuleFile, findsNoRecordsWithoutTestsOrLogs)
{
    EXPECT_TRUE(logsOf("AnalysisType: rule\nFilename: x.py\n").empty());
    EXPECT_TRUE(logsOf("AnalysisType: rule\nTests:\n").empty());
    EXPECT_TRUE(logsOf("AnalysisType: rule\nTests: []\n").empty());
    // A policy's tests hold a Resource:, not a Log:.
    EXPECT_TRUE(logsOf("AnalysisType: policy\nTests:\n  - Name: x\n    Resource:\n      Name: bucket\n").empty());
}

TEST(PantherRuleFile, acceptsDocumentMarkersAndWindowsLineBreaks)
{
    EXPECT_EQ(onlyLog("--- # the one document\r\nTests:\r\n  - Log:\r\n      eventName: X\r\n...\r\n# done\r\n"),
        json::parse(R"({"eventName": "X"})"));
    EXPECT_EQ(onlyLog("\xEF\xBB\xBFTests:\n- Log: {eventName: Y}\n"), json::parse(R"({"eventName": "Y"})"));
}

// ---------------------------------------------------------------------------------------------
// Refusals: each names the file, the line and column, and what was expected

struct ErrorRow
{
    const char* name;
    std::string yaml;
    std::string message; // the start of the expected message
};

void PrintTo(const ErrorRow& row, std::ostream* out)
{
    *out << row.name;
}

class PantherRuleFileErrors : public testing::TestWithParam<ErrorRow>
{ };

TEST_P(PantherRuleFileErrors, nameThePlaceAndWhatWasExpected)
{
    const ErrorRow& row = GetParam();
    const std::string message = errorOf(row.yaml);
    EXPECT_TRUE(startsWith(message, row.message)) << "expected \"" << row.message << "...\", got: " << message;
}

std::string deeplyNestedBlockMapping(int levels)
{
    std::string yaml = "Tests:\n  - Log:\n";
    for (int level = 0; level < levels; ++level) {
        yaml += std::string(static_cast<std::size_t>(6 + level), ' ') + "a:\n";
    }
    return yaml;
}

INSTANTIATE_TEST_SUITE_P(PantherRuleFile, PantherRuleFileErrors,
    testing::Values(
        ErrorRow {"logIsAScalar", "Tests:\n  - Name: x\n    Log: just text\n",
            "rule.yml:3:5: expected Log to be a mapping (one CloudTrail record), found a string (\"just text\")"},
        ErrorRow {"logIsASequence", "Tests:\n  - Log:\n    - a\n", "rule.yml:2:5: expected Log to be a mapping"},
        ErrorRow {"testsIsNotASequence", "AnalysisType: rule\nTests: 3\n",
            "rule.yml:2:1: expected Tests to be a sequence of test cases, found a scalar (3)"},
        ErrorRow {"testIsNotAMapping", "Tests:\n  - Log: {}\n  - just a string\n",
            "rule.yml:3:3: expected a test case mapping"},
        ErrorRow {"unclosedFlowMapping", "Tests:\n  - Log:\n      {\n        \"a\": 1,\n",
            "rule.yml:3:7: expected a '}' closing this '{'"},
        ErrorRow {"missingCommaInFlow", "Tests:\n  - Log: { \"a\": 1\n      \"b\": 2 }\n",
            "rule.yml:3:7: expected ',' or '}' in the mapping opened on line 2, found '\"'"},
        ErrorRow {"anchor", "Tests:\n  - Log: &record\n      a: 1\n",
            "rule.yml:2:10: expected a value; anchors (&name) are not supported"},
        ErrorRow {"alias", "Tests:\n  - Log: *record\n", "rule.yml:2:10: expected a value; aliases"},
        ErrorRow {"tag", "Tests:\n  - Log: !!map\n      a: 1\n", "rule.yml:2:10: expected a value; tags"},
        ErrorRow {
            "complexKey", "Tests:\n  - Log:\n      ? a\n      : b\n", "rule.yml:3:7: expected a key; complex keys"},
        ErrorRow {"tabIndentation", "Tests:\n\t- Log: {}\n", "rule.yml:2:1: expected indentation made of spaces"},
        ErrorRow {"strayIndentation", "Tests:\n  - Log:\n      a: 1\n     b: 2\n",
            "rule.yml:4:6: expected a key at column 5 (the indentation of this mapping)"},
        ErrorRow {"colonInPlainValue", "Tests:\n  - Log:\n      a: b: c\n",
            "rule.yml:3:11: expected the end of the value, found ': '"},
        ErrorRow {"unclosedQuote", "Tests:\n  - Log:\n      a: \"abc\n", "rule.yml:3:10: expected a '\"' closing"},
        ErrorRow {"unknownEscape", "Tests:\n  - Log:\n      a: \"x\\qy\"\n", "rule.yml:3:12: expected a YAML escape"},
        ErrorRow {"textAfterQuotedValue", "Tests:\n  - Log:\n      a: \"x\" y\n",
            "rule.yml:3:14: expected the end of the line after the value, found 'y'"},
        ErrorRow {
            "secondDocument", "AnalysisType: rule\n---\nTests: []\n", "rule.yml:2:1: expected a single YAML document"},
        ErrorRow {"rootIsASequence", "- a\n- b\n", "rule.yml:1:1: expected a YAML mapping of rule keys"},
        ErrorRow {"emptyFile", "# nothing\n",
            "rule.yml:2:1: expected a YAML mapping of rule keys (AnalysisType:, "
            "Tests:, ...), found the end of the file"},
        ErrorRow {"flowNestedTooDeep", "Tests:\n  - Log: " + std::string(300, '['),
            "rule.yml:2:263: expected values nested at most 256 levels deep"},
        ErrorRow {"blockNestedTooDeep", deeplyNestedBlockMapping(300),
            "rule.yml:256:260: expected values nested at most 256 levels deep"}),
    [](const testing::TestParamInfo<ErrorRow>& row) { return std::string(row.param.name); });

TEST(PantherRuleFile, deepButAllowedNestingIsRead)
{
    // Tests, the test, Log and the values inside: 250 levels in all stays under the bound.
    const json log = onlyLog("Tests:\n  - Log: {a: " + std::string(247, '[') + std::string(247, ']') + "}\n");
    EXPECT_TRUE(log["a"].is_array());
}

// ---------------------------------------------------------------------------------------------
// Real rule files (../shared/corpus/cloudtrail, see its README)

TEST(PantherRuleCorpus, everyRuleFileYieldsCloudTrailRecords)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    std::size_t ruleFiles = 0;
    for (const auto& entry : fs::directory_iterator(corpusDir())) {
        const std::string name = entry.path().filename().string();
        const std::string text = readFile(entry.path());
        if (!startsWith(name, "panther_") || entry.path().extension() != ".yml") {
            EXPECT_FALSE(PantherRuleFile::looksLike(text)) << name;
            continue;
        }
        ++ruleFiles;
        SCOPED_TRACE(name);
        EXPECT_TRUE(PantherRuleFile::looksLike(text));
        const std::vector<std::string> logs = PantherRuleFile::testLogs(text, entry.path().string());
        EXPECT_GE(logs.size(), 1u);
        EXPECT_EQ(logs.size(), countLogLines(text));
        for (const std::string& log : logs) {
            const json record = json::parse(log);
            ASSERT_TRUE(record.is_object()) << log;
            ASSERT_TRUE(record.contains("eventName")) << log;
            EXPECT_TRUE(record["eventName"].is_string()) << log;
        }
    }
    EXPECT_GT(ruleFiles, 0u);
}

TEST(PantherRuleCorpus, recordsKeepTheirValuesAndTypes)
{
    if (!fs::is_directory(corpusDir())) {
        GTEST_SKIP() << "corpus folder " << corpusDir() << " is absent; the conformance corpus is not installed";
    }
    const auto logsIn = [](const char* name) {
        std::vector<json> logs;
        const fs::path file = corpusDir() / name;
        for (const std::string& text : PantherRuleFile::testLogs(readFile(file), file.string())) {
            logs.push_back(json::parse(text));
        }
        return logs;
    };

    const std::vector<json> s3 = logsIn("panther_aws_s3_bucket_deleted.yml"); // JSON-style flow
    ASSERT_EQ(s3.size(), 3u);
    EXPECT_EQ(s3[0]["eventName"], "DeleteBucket");
    EXPECT_EQ(s3[0]["userIdentity"]["sessionContext"]["attributes"]["mfaAuthenticated"], "true");
    EXPECT_EQ(s3[0]["requestParameters"]["host"][0], "s3-us-east-2.amazonaws.com");
    EXPECT_TRUE(s3[0]["responseElements"].is_null());
    EXPECT_EQ(s3[1]["errorCode"], "BucketNotEmpty");

    const std::vector<json> kms = logsIn("panther_aws_kms_cmk_loss.yml");
    ASSERT_GE(kms.size(), 2u);
    EXPECT_EQ(kms[1]["eventName"], "ScheduleKeyDeletion");
    EXPECT_EQ(kms[1]["requestParameters"]["pendingWindowInDays"], 30);

    const std::vector<json> ec2 = logsIn("panther_aws_modify_cloud_compute_infrastructure.yml"); // YAML flow
    ASSERT_GE(ec2.size(), 2u);
    const json& item = ec2[1]["responseElements"]["instancesSet"]["items"][0];
    EXPECT_EQ(item["instanceId"], "i-0d9853f67e40ab80b");
    EXPECT_EQ(item["currentState"]["code"], 32);
    EXPECT_EQ(ec2[1]["managementEvent"], true);

    const std::vector<json> rds = logsIn("panther_aws_rds_instance_deletion.yml"); // block mappings
    ASSERT_GE(rds.size(), 1u);
    EXPECT_EQ(rds[0]["eventName"], "DeleteDBInstance");
    EXPECT_EQ(rds[0]["eventVersion"], "1.08");
    EXPECT_EQ(rds[0]["sourceIPAddress"], "10.0.1.100");
    EXPECT_EQ(rds[0]["requestParameters"]["skipFinalSnapshot"], false);
    EXPECT_EQ(rds[0]["userIdentity"]["sessionContext"]["sessionIssuer"]["userName"], "DBARole");
}
