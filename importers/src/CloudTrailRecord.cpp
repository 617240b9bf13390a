// SPDX-License-Identifier: MIT
#include "CloudTrailRecord.h"

#include "CloudTrailRecordJson.h"

#include "blastline/core/Attributes.h"
#include "blastline/core/UtcTime.h"

namespace blastline::importers {

namespace dom = simdjson::dom;

namespace {

std::string_view stringOf(dom::element element)
{
    std::string_view text;
    return element.get_string().get(text) == simdjson::SUCCESS ? text : std::string_view();
}

std::string_view memberString(dom::element object, std::string_view key)
{
    dom::element member;
    return object.at_key(key).get(member) == simdjson::SUCCESS ? stringOf(member) : std::string_view();
}

/** readOnly as CloudTrail writes it (a bool) or as exports sometimes do (the string "true"). */
bool readOnlyOf(dom::element element)
{
    bool value = false;
    if (element.get_bool().get(value) == simdjson::SUCCESS)
        return value;
    return stringOf(element) == "true";
}

/** A JSON value as flatmap leaves, the way resource attributes are kept: "instancesSet.items.0.instanceId". */
void flatten(dom::element element, std::string& path, std::vector<core::Attributes::Entry>& out)
{
    const std::size_t base = path.size();
    const auto step = [&](std::string_view segment) {
        path.resize(base);
        if (!path.empty())
            path.push_back('.');
        path.append(segment);
    };
    switch (element.type()) {
    case dom::element_type::OBJECT:
        for (const dom::key_value_pair field : dom::object(element)) {
            step(field.key);
            flatten(field.value, path, out);
        }
        break;
    case dom::element_type::ARRAY: {
        std::size_t index = 0;
        for (const dom::element item : dom::array(element)) {
            step(std::to_string(index++));
            flatten(item, path, out);
        }
        break;
    }
    case dom::element_type::STRING:
        out.emplace_back(path, core::AttributeValue::string(std::string(stringOf(element))));
        break;
    case dom::element_type::BOOL:
        out.emplace_back(path, core::AttributeValue::boolean(bool(element)));
        break;
    case dom::element_type::NULL_VALUE:
        out.emplace_back(path, core::AttributeValue::null());
        break;
    default: // numbers: keep the text, as the state reader does
        out.emplace_back(path, core::AttributeValue::number(simdjson::minify(element)));
        break;
    }
    path.resize(base);
}

core::Attributes flattened(std::optional<dom::element> element)
{
    core::Attributes attributes;
    if (!element || element->is_null())
        return attributes;
    std::vector<core::Attributes::Entry> entries;
    std::string path;
    flatten(*element, path, entries);
    attributes.assign(std::move(entries));
    return attributes;
}

/** The fields of a record the timeline reads, found in one pass over its members. */
struct RecordFields
{
    std::string_view eventTime, eventId, eventSource, eventName, eventType, region, recipientAccount, sourceIp,
        userAgent, errorCode, errorMessage;
    bool readOnly = false;
    std::optional<dom::element> userIdentity, requestParameters, responseElements, resources, insightDetails;
};

RecordFields fieldsOf(dom::object record)
{
    RecordFields fields;
    for (const dom::key_value_pair field : record) {
        const std::string_view key = field.key;
        if (key.empty())
            continue;
        switch (key[0]) {
        case 'a':
            if (key == "awsRegion")
                fields.region = stringOf(field.value);
            break;
        case 'e':
            if (key == "eventTime")
                fields.eventTime = stringOf(field.value);
            else if (key == "eventID")
                fields.eventId = stringOf(field.value);
            else if (key == "eventSource")
                fields.eventSource = stringOf(field.value);
            else if (key == "eventName")
                fields.eventName = stringOf(field.value);
            else if (key == "eventType")
                fields.eventType = stringOf(field.value);
            else if (key == "errorCode")
                fields.errorCode = stringOf(field.value);
            else if (key == "errorMessage")
                fields.errorMessage = stringOf(field.value);
            break;
        case 'r':
            if (key == "readOnly")
                fields.readOnly = readOnlyOf(field.value);
            else if (key == "recipientAccountId")
                fields.recipientAccount = stringOf(field.value);
            else if (key == "requestParameters")
                fields.requestParameters = field.value;
            else if (key == "responseElements")
                fields.responseElements = field.value;
            else if (key == "resources")
                fields.resources = field.value;
            break;
        case 'i':
            if (key == "insightDetails")
                fields.insightDetails = field.value;
            break;
        case 's':
            if (key == "sourceIPAddress")
                fields.sourceIp = stringOf(field.value);
            break;
        case 'u':
            if (key == "userAgent")
                fields.userAgent = stringOf(field.value);
            else if (key == "userIdentity")
                fields.userIdentity = field.value;
            break;
        default:
            break;
        }
    }
    return fields;
}

void readIdentity(dom::element identity, CloudTrailRecord& out)
{
    out.principalType = memberString(identity, "type");
    out.userName = memberString(identity, "userName");
    out.accessKeyId = memberString(identity, "accessKeyId");
    out.invokedBy = memberString(identity, "invokedBy");
    if (out.account.empty())
        out.account = memberString(identity, "accountId");
    dom::element issuer;
    if (identity.at_pointer("/sessionContext/sessionIssuer").get(issuer) == simdjson::SUCCESS)
        out.sessionIssuer = memberString(issuer, "arn");
    // The "who" of a call: the ARN (for an assumed role it names role and session), else the calling service.
    out.principal = memberString(identity, "arn");
    if (out.principal.empty())
        out.principal = out.invokedBy;
    if (out.principal.empty())
        out.principal = memberString(identity, "principalId");
    if (out.principal.empty())
        out.principal = out.principalType;
}

std::vector<std::string> resourceArns(std::optional<dom::element> resources)
{
    std::vector<std::string> arns;
    dom::array list;
    if (!resources || resources->get_array().get(list) != simdjson::SUCCESS)
        return arns;
    for (const dom::element resource : list) {
        const std::string_view arn = memberString(resource, "ARN");
        if (!arn.empty())
            arns.emplace_back(arn);
    }
    return arns;
}

/** Lake and Panther write CloudTrail's UTC times without a zone ("2021-10-29 23:50:09"); CloudTrail has no other. */
std::optional<std::int64_t> eventTimeOf(std::string_view text)
{
    if (const auto time = core::UtcTime::parse(text))
        return time;
    return core::UtcTime::parse(std::string(text) + "Z");
}

} // namespace

void CloudTrailRecord::takeOwnership()
{
    std::string_view* views[] = {&eventId, &eventSource, &eventName, &eventType, &region, &account, &principal,
        &principalType, &sessionIssuer, &userName, &accessKeyId, &invokedBy, &sourceIp, &userAgent, &errorCode,
        &errorMessage};
    std::size_t total = 0;
    for (const std::string_view* view : views)
        total += view->size();
    auto owned = std::make_shared<std::string>();
    owned->reserve(total); // no reallocation below, so the new views stay valid
    std::vector<std::size_t> offsets;
    for (const std::string_view* view : views) {
        offsets.push_back(owned->size());
        owned->append(*view);
    }
    for (std::size_t i = 0; i < std::size(views); ++i)
        *views[i] = std::string_view(*owned).substr(offsets[i], views[i]->size());
    m_ownedText = std::move(owned);
}

std::optional<CloudTrailRecord> CloudTrailRecord::read(
    dom::element element, const core::TrailFilter& filter, bool keepRecord, std::optional<std::int64_t> fallbackTimeMs)
{
    dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS)
        throw RecordError("expected a CloudTrail record (a JSON object)");
    RecordFields fields = fieldsOf(object);
    // An Insights event (formats.md E.1) reports an unusual rate of some call; it is no call itself.
    const bool insight = fields.eventName.empty() && fields.insightDetails;
    if (insight) {
        fields.eventName = memberString(*fields.insightDetails, "eventName");
        fields.eventSource = memberString(*fields.insightDetails, "eventSource");
        fields.readOnly = true;
    }
    if (fields.eventName.empty())
        throw RecordError("expected a CloudTrail record: it has no eventName");

    CloudTrailRecord out;
    const std::optional<std::int64_t> time = fields.eventTime.empty() ? fallbackTimeMs : eventTimeOf(fields.eventTime);
    if (!time) {
        throw RecordError(fields.eventTime.empty()
                ? "record " + std::string(fields.eventName) + " has no eventTime"
                : "eventTime \"" + std::string(fields.eventTime) + "\" is not an ISO 8601 UTC time");
    }
    out.timeMs = *time;
    if (!filter.acceptsTime(out.timeMs))
        return std::nullopt;

    out.eventId = fields.eventId;
    out.eventSource = fields.eventSource;
    out.eventName = fields.eventName;
    out.eventType = fields.eventType;
    out.region = fields.region;
    out.account = fields.recipientAccount;
    out.sourceIp = fields.sourceIp;
    out.userAgent = fields.userAgent;
    out.errorCode = fields.errorCode;
    out.errorMessage = fields.errorMessage;
    out.readOnly = fields.readOnly;
    if (fields.userIdentity)
        readIdentity(*fields.userIdentity, out);
    if (!filter.acceptsPrincipal(out.principal, out.sessionIssuer, out.userName, out.accessKeyId))
        return std::nullopt;

    // Reads are most of a trail and their class needs no parameters; a write's may (deletionProtection false).
    core::EventFacts facts {
        std::string(fields.eventSource), std::string(fields.eventName), fields.readOnly, nullptr, nullptr, {}};
    core::Attributes request;
    if (!fields.readOnly) {
        request = flattened(fields.requestParameters);
        facts.requestParameters = &request;
    }
    out.eventClass = insight ? core::EventClass::Other : core::EventRules::classify(facts);
    if (!filter.acceptsClass(out.eventClass, out.readOnly))
        return std::nullopt;

    if (fields.readOnly) {
        request = flattened(fields.requestParameters);
        facts.requestParameters = &request;
    }
    const core::Attributes response = flattened(fields.responseElements);
    facts.responseElements = &response;
    facts.resourceArns = resourceArns(fields.resources);
    out.identifiers = core::EventRules::identifiers(facts);
    out.createdIdentifiers = static_cast<std::uint32_t>(core::EventRules::createdIdentifierCount(facts));
    out.backupEffects = core::EventRules::backupEffects(facts);
    if (keepRecord)
        out.record = redactedCompactJson(element);
    return out;
}

} // namespace blastline::importers
