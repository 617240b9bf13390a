// SPDX-License-Identifier: MIT
#include "CaseFileFixture.h"

#include "GraphBuilder.h"

namespace blastline::core::test {

CaseFileFixture::CaseFileFixture()
{
    statePath = folder.write("prod.tfstate", kStateBytes).string();
    trailPath = folder.write("trail.json", R"({"Records":[]})").string();
    casePath = folder.path() / "incident.blcase";
    state = makeState("aws_vpc.main; aws_db_instance.orders -> aws_vpc.main");
    state.path = statePath;
    state.lineage = "5f8c-lineage";
    state.serial = 42;
    state.terraformVersion = "1.7.4";
    setAttribute(state, "aws_vpc.main", "id", AttributeValue::string("vpc-0abc"));
    setAttribute(state, "aws_db_instance.orders", "arn", AttributeValue::string(kDbArn));
    setAttribute(state, "aws_db_instance.orders", "identifier", AttributeValue::string("orders"));
    setAttribute(state, "aws_db_instance.orders", "vpc_id", AttributeValue::string("vpc-0abc"));
    setAttribute(state, "aws_db_instance.orders", "password", AttributeValue::redacted());
    setAttribute(state, "aws_db_instance.orders", "allocated_storage", AttributeValue::number("2.50e1"));
    setAttribute(state, "aws_db_instance.orders", "multi_az", AttributeValue::boolean(true));
    setAttribute(state, "aws_db_instance.orders", "kms_key_id", AttributeValue::null());
    setAttribute(state, "aws_db_instance.orders", "tags.Note",
        AttributeValue::string("line one\n\"two\"\t\\ (redacted) \x01 é"));
    state.outputs.push_back({"db_password", true, "\"(redacted)\""});
}

CaseImport CaseFileFixture::stateImport() const
{
    CaseImport request;
    request.commandLine = "blastline case import incident.blcase prod.tfstate";
    request.blastlineVersion = "0.1.0";
    request.files = {{statePath, EvidenceKind::State}};
    request.state = &state;
    return request;
}

void CaseFileFixture::fillTrail(int count)
{
    TrailInput file;
    file.path = trailPath;
    const std::uint32_t input = trail.addInput(file);
    for (int i = count - 1; i >= 0; --i) {
        TrailEvent event;
        event.timeMs = kT0 + i * 60000;
        event.input = input;
        event.eventId = trail.intern("event-" + std::to_string(i));
        event.eventSource = trail.intern("rds.amazonaws.com");
        event.eventName = trail.intern(i == count - 1 ? "DeleteDBInstance" : "DescribeDBInstances");
        event.eventClass = i == count - 1 ? EventClass::Delete : EventClass::Read;
        event.readOnly = i != count - 1;
        event.eventType = trail.intern("AwsApiCall");
        event.region = trail.intern("us-east-1");
        event.account = trail.intern("123456789012");
        event.principal = trail.intern("arn:aws:sts::123456789012:assumed-role/deployer/run");
        event.principalType = trail.intern("AssumedRole");
        event.accessKeyId = trail.intern("ASIAEXAMPLE");
        event.sourceIp = trail.intern("203.0.113.7");
        event.userAgent = trail.intern("APN/1.0 HashiCorp/1.0 Terraform/1.7.4 terraform-provider-aws/5.38.0");
        event.tool = trail.toolFor(trail.text(event.userAgent), "", trail.text(event.sourceIp));
        event.identifiers = {trail.intern(i % 2 ? "orders" : kDbArn)};
        if (i == 1) {
            event.errorCode = trail.intern("AccessDenied");
            event.errorMessage = trail.intern("not allowed");
        }
        trail.addEvent(event);
    }
    trail.finish();
}

CaseImport CaseFileFixture::trailImport(const TrailCorrelator& correlator, std::int64_t stateId) const
{
    CaseImport request;
    request.commandLine = "blastline case import incident.blcase trail.json";
    request.blastlineVersion = "0.1.0";
    request.files = {{trailPath, EvidenceKind::Trail}};
    request.trail = &trail;
    request.correlator = &correlator;
    request.correlatorStates = {stateId};
    return request;
}

} // namespace blastline::core::test
