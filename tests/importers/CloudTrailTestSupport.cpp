// SPDX-License-Identifier: MIT
#include "CloudTrailTestSupport.h"

#include <stdexcept>
#include <zlib.h>

namespace blastline::testing {

std::string gzipped(std::string_view text)
{
    z_stream stream {};
    if (deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw std::runtime_error("deflate failed");
    return out;
}

std::string cloudTrailRecord(std::string_view eventName, std::string_view eventTime, std::string_view eventId,
    std::string_view requestParameters, std::string_view extra, std::string_view responseElements)
{
    std::string source = "ec2.amazonaws.com";
    if (eventName.find("DB") != std::string_view::npos)
        source = "rds.amazonaws.com";
    std::string record = R"({"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE",)"
                         R"("arn":"arn:aws:iam::123456789012:user/alexey","accountId":"123456789012",)"
                         R"("accessKeyId":"AKIAEXAMPLE","userName":"alexey"},"eventTime":")";
    record += eventTime;
    record += R"(","eventSource":")" + source + R"(","eventName":")";
    record += eventName;
    record += R"(","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.10","userAgent":"APN/1.0 HashiCorp/1.0 )"
              R"(Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.38.0 )"
              R"((+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2",)"
              R"("requestParameters":)";
    record += requestParameters;
    record += R"(,"responseElements":)";
    record += responseElements;
    record += R"(,"requestID":"r-1","eventID":")";
    record += eventId;
    record += R"(","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,)"
              R"("recipientAccountId":"123456789012","eventCategory":"Management")";
    record += extra;
    record += "}";
    return record;
}

} // namespace blastline::testing
