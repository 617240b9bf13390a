// SPDX-License-Identifier: MIT
#include "blastline/core/EventRules.h"

#include "WordList.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

namespace blastline::core {

namespace {

constexpr std::string_view kServiceSuffix = ".amazonaws.com";

/** One row of E.8: the flattened paths (space-separated; "N" = any list index) that name the resources. */
struct IdentifierRule
{
    std::string_view service; // eventSource without ".amazonaws.com"
    std::string_view eventNames; // space-separated; "*": every event of the service without a row of its own
    std::string_view request;
    std::string_view response;
};

// clang-format off
constexpr std::array kIdentifierRules = {
    // RDS (also DocumentDB and Neptune, which log as rds). finalDBSnapshotIdentifier names the snapshot the delete
    // creates; finalDBClusterSnapshotIdentifier is the (wrong) name Panther's sample uses, harmless to look for.
    IdentifierRule{"rds", "*", "dBInstanceIdentifier dBClusterIdentifier dBSnapshotIdentifier dBClusterSnapshotIdentifier dBSubnetGroupName dBParameterGroupName dBClusterParameterGroupName optionGroupName", ""},
    IdentifierRule{"rds", "CreateDBInstance DeleteDBInstance ModifyDBInstance", "dBInstanceIdentifier newDBInstanceIdentifier finalDBSnapshotIdentifier", "dbiResourceId"},
    IdentifierRule{"rds", "CreateDBCluster DeleteDBCluster ModifyDBCluster", "dBClusterIdentifier newDBClusterIdentifier finalDBSnapshotIdentifier finalDBClusterSnapshotIdentifier", "dbClusterResourceId"},
    IdentifierRule{"rds", "DeleteDBInstanceAutomatedBackup", "dbiResourceId dBInstanceAutomatedBackupsArn", ""},
    IdentifierRule{"rds", "DeleteDBClusterAutomatedBackup", "dbClusterResourceId", ""},
    IdentifierRule{"rds", "CopyDBSnapshot", "sourceDBSnapshotIdentifier targetDBSnapshotIdentifier", ""},
    IdentifierRule{"rds", "CopyDBClusterSnapshot", "sourceDBClusterSnapshotIdentifier targetDBClusterSnapshotIdentifier", ""},
    IdentifierRule{"rds", "RestoreDBInstanceToPointInTime", "sourceDBInstanceIdentifier sourceDbiResourceId sourceDBInstanceAutomatedBackupsArn targetDBInstanceIdentifier", ""},
    IdentifierRule{"rds", "RestoreDBClusterFromSnapshot", "dBClusterIdentifier snapshotIdentifier", ""},
    IdentifierRule{"rds", "RestoreDBClusterToPointInTime", "dBClusterIdentifier sourceDBClusterIdentifier", ""},
    // EC2: query-API wire names; newer actions wrap their members in "<Action>Request" (see matches()).
    IdentifierRule{"ec2", "RunInstances TerminateInstances StartInstances StopInstances RebootInstances", "instancesSet.items.N.instanceId", "instancesSet.items.N.instanceId"},
    IdentifierRule{"ec2", "ModifyInstanceAttribute", "instanceId", ""},
    IdentifierRule{"ec2", "CreateVpc DeleteVpc", "vpcId", "vpc.vpcId"},
    IdentifierRule{"ec2", "CreateSubnet DeleteSubnet", "subnetId", "subnet.subnetId"},
    IdentifierRule{"ec2", "CreateSecurityGroup DeleteSecurityGroup AuthorizeSecurityGroupIngress AuthorizeSecurityGroupEgress RevokeSecurityGroupIngress RevokeSecurityGroupEgress", "groupId groupName", "groupId"},
    IdentifierRule{"ec2", "AttachInternetGateway DetachInternetGateway DeleteInternetGateway", "internetGatewayId vpcId", ""},
    IdentifierRule{"ec2", "DeleteNatGateway", "DeleteNatGatewayRequest.NatGatewayId natGatewayId", ""},
    IdentifierRule{"ec2", "DeleteRouteTable DeleteRoute", "routeTableId", ""},
    IdentifierRule{"ec2", "DisassociateRouteTable DisassociateAddress", "associationId", ""},
    IdentifierRule{"ec2", "ReleaseAddress", "allocationId publicIp", ""},
    IdentifierRule{"ec2", "DeleteNetworkInterface", "networkInterfaceId", ""},
    IdentifierRule{"ec2", "DeleteVolume AttachVolume DetachVolume", "volumeId instanceId", ""},
    IdentifierRule{"ec2", "CreateSnapshot DeleteSnapshot ModifySnapshotAttribute", "snapshotId volumeId", "snapshotId"},
    IdentifierRule{"ec2", "DeregisterImage", "imageId", ""},
    IdentifierRule{"ec2", "DeleteVpcEndpoints", "DeleteVpcEndpointsRequest.VpcEndpointId vpcEndpointId", ""},
    IdentifierRule{"ec2", "DeleteFlowLogs", "DeleteFlowLogsRequest.FlowLogId flowLogId", ""},
    IdentifierRule{"ec2", "CreateKeyPair DeleteKeyPair", "keyName keyPairId", "keyPairId"},
    IdentifierRule{"ec2", "AllocateAddress", "", "allocationId publicIp"},
    IdentifierRule{"ec2", "CreateInternetGateway", "", "internetGateway.internetGatewayId"},
    IdentifierRule{"ec2", "CreateRouteTable", "vpcId", "routeTable.routeTableId"},
    IdentifierRule{"ec2", "AssociateRouteTable", "routeTableId subnetId gatewayId", "associationId"},
    IdentifierRule{"ec2", "CreateNatGateway", "subnetId allocationId", "natGateway.natGatewayId"},
    IdentifierRule{"ec2", "CreateNetworkInterface", "subnetId", "networkInterface.networkInterfaceId"},
    IdentifierRule{"ec2", "CreateVpcEndpoint", "vpcId", "vpcEndpoint.vpcEndpointId"},
    IdentifierRule{"ec2", "AssociateAddress", "allocationId instanceId networkInterfaceId", "associationId"},
    // Services whose every call names its resource by the same members.
    IdentifierRule{"ecs", "*", "cluster service taskDefinition capacityProvider", ""},
    // A service call names its cluster too; the service is what it acts on, so it comes first.
    IdentifierRule{"ecs", "CreateService UpdateService DeleteService", "service cluster", "service.serviceArn"},
    IdentifierRule{"elasticloadbalancing", "*", "loadBalancerArn targetGroupArn listenerArn ruleArn", ""},
    IdentifierRule{"elasticloadbalancing", "RegisterTargets DeregisterTargets", "targetGroupArn targets.N.id", ""},
    IdentifierRule{"s3", "*", "bucketName", ""},
    IdentifierRule{"iam", "*", "roleName userName groupName policyArn policyName instanceProfileName accessKeyId", ""},
    IdentifierRule{"kms", "*", "keyId aliasName targetKeyId", "keyMetadata.keyId"},
    IdentifierRule{"backup", "*", "backupVaultName recoveryPointArn backupPlanId selectionId", ""},
    IdentifierRule{"dynamodb", "*", "tableName backupArn", ""},
    IdentifierRule{"secretsmanager", "*", "secretId name", ""},
    IdentifierRule{"elasticfilesystem", "*", "fileSystemId mountTargetId accessPointId", ""},
    IdentifierRule{"elasticache", "*", "cacheClusterId replicationGroupId finalSnapshotIdentifier snapshotName cacheSubnetGroupName cacheParameterGroupName", ""},
    IdentifierRule{"ecr", "*", "repositoryName", ""},
    IdentifierRule{"logs", "*", "logGroupName", ""},
    IdentifierRule{"cloudtrail", "*", "name trailName", ""},
    IdentifierRule{"cloudformation", "*", "stackName", ""},
    IdentifierRule{"lambda", "*", "functionName", ""},
    IdentifierRule{"ses", "*", "identity emailAddress domain", ""},
    IdentifierRule{"route53", "*", "hostedZoneId id name", ""},
};

// Response members that hold the ARN of the resource the call acted on (only taken when they start "arn:").
constexpr std::string_view kResponseArnPaths =
    "arn keyId dBInstanceArn dBClusterArn dBSnapshotArn dBClusterSnapshotArn dBInstanceAutomatedBackupArn "
    "dBInstanceAutomatedBackupsArn dBClusterAutomatedBackupArn backupVaultArn recoveryPointArn "
    "tableDescription.tableArn backupDetails.backupArn keyMetadata.arn user.arn role.arn policy.arn "
    "loadBalancers.N.loadBalancerArn targetGroups.N.targetGroupArn listeners.N.listenerArn cluster.clusterArn "
    "service.serviceArn fileSystemArn";
// clang-format on

using RuleKey = std::pair<std::string_view, std::string_view>;

const std::map<RuleKey, const IdentifierRule*>& ruleIndex()
{
    static const std::map<RuleKey, const IdentifierRule*> index = [] {
        std::map<RuleKey, const IdentifierRule*> result;
        for (const IdentifierRule& rule : kIdentifierRules) {
            for (std::string_view names = rule.eventNames; !names.empty();)
                result.emplace(RuleKey {rule.service, nextWord(names)}, &rule);
        }
        return result;
    }();
    return index;
}

bool isIndex(std::string_view segment)
{
    return !segment.empty() && std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view nextSegment(std::string_view& path)
{
    const std::size_t dot = path.find('.');
    const std::string_view segment = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    return segment;
}

/**
 * Whether `path` is the leaf `pattern` names. Besides an exact match ("N" = any index) the pattern also
 * takes its list elements ("x.0") and EC2's {content, tag} wrappers ("x.content", "x.0.content").
 */
bool matches(std::string_view pattern, std::string_view path)
{
    while (!pattern.empty()) {
        if (path.empty())
            return false;
        const std::string_view want = nextSegment(pattern);
        const std::string_view have = nextSegment(path);
        if (want == "N" ? !isIndex(have) : want != have)
            return false;
    }
    if (!path.empty() && isIndex(path.substr(0, path.find('.'))))
        nextSegment(path);
    return path.empty() || path == "content";
}

/** Path order with list indices compared as numbers, so items.2 comes before items.10. */
bool naturalLess(std::string_view a, std::string_view b)
{
    while (!a.empty() && !b.empty()) {
        const std::string_view x = nextSegment(a);
        const std::string_view y = nextSegment(b);
        if (x == y)
            continue;
        if (isIndex(x) && isIndex(y))
            return x.size() != y.size() ? x.size() < y.size() : x < y;
        return x < y;
    }
    return a.empty() && !b.empty();
}

/** Appends `value` unless empty or already there: identifier lists are short, a linear search is cheapest. */
void addUnique(std::vector<std::string>& out, const std::string& value)
{
    if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end())
        out.push_back(value);
}

std::optional<std::string> textOf(const AttributeValue& value)
{
    if (value.kind != AttributeValue::Kind::String && value.kind != AttributeValue::Kind::Number)
        return std::nullopt;
    return value.text;
}

/** Adds the values of every leaf each space-separated pattern names, pattern by pattern. */
void collect(const Attributes* attributes, std::string_view patterns, bool arnsOnly, std::vector<std::string>& out)
{
    if (attributes == nullptr)
        return;
    const auto& entries = attributes->entries();
    while (!patterns.empty()) {
        const std::string_view pattern = nextWord(patterns);
        if (pattern.empty())
            continue;
        // Entries are sorted: only those starting with the pattern's literal head can match.
        const std::string_view head = pattern.substr(0, pattern.find(".N"));
        auto it = std::lower_bound(entries.begin(), entries.end(), head,
            [](const Attributes::Entry& entry, std::string_view key) { return entry.first < key; });
        std::vector<const Attributes::Entry*> found;
        for (; it != entries.end() && std::string_view(it->first).starts_with(head); ++it) {
            if (matches(pattern, it->first))
                found.push_back(&*it);
        }
        std::sort(found.begin(), found.end(),
            [](const Attributes::Entry* a, const Attributes::Entry* b) { return naturalLess(a->first, b->first); });
        for (const Attributes::Entry* entry : found) {
            const std::optional<std::string> text = textOf(entry->second);
            if (text && (!arnsOnly || text->starts_with("arn:")))
                addUnique(out, *text);
        }
    }
}

/** The member name a leaf belongs to: its last segment that is neither a list index nor EC2's "content". */
std::string_view memberName(std::string_view path)
{
    std::string_view member;
    while (!path.empty()) {
        const std::string_view segment = nextSegment(path);
        if (!isIndex(segment) && segment != "content")
            member = segment;
    }
    return member;
}

bool looksLikeIdentifierKey(std::string_view key)
{
    // Members that end like identifiers but name an account, a request or a session, not a resource.
    static constexpr std::array<std::string_view, 17> kNotResources {"requestId", "clientRequestId", "accountId",
        "awsAccountId", "ownerId", "userId", "groupOwnerId", "principalId", "externalId", "roleSessionName",
        "sessionName", "attributeName", "regionName", "availabilityZoneId", "hostName", "versionId", "uploadId"};
    if (std::find(kNotResources.begin(), kNotResources.end(), key) != kNotResources.end())
        return false;
    if (key == "arn")
        return true;
    static constexpr std::array<std::string_view, 6> kSuffixes = {"Identifier", "Id", "ID", "Arn", "ARN", "Name"};
    return std::any_of(kSuffixes.begin(), kSuffixes.end(),
        [&](std::string_view suffix) { return key.size() > suffix.size() && key.ends_with(suffix); });
}

/** Unknown events: every request leaf whose member looks like an identifier and whose value has no space. */
void collectGeneric(const Attributes* attributes, std::vector<std::string>& out)
{
    if (attributes == nullptr)
        return;
    for (const auto& [path, value] : attributes->entries()) {
        const std::optional<std::string> text = textOf(value);
        if (text && text->find_first_of(" \t\n") == std::string::npos && looksLikeIdentifierKey(memberName(path)))
            addUnique(out, *text);
    }
}

// "service:EventName" lists. Backup-destroying: each destroys recovery points outright, or (KMS) makes every
// backup encrypted with the key unreadable. Protection-lowering: defense evasion (the audit trail or flow logs go)
// and the removal of a Backup vault lock; whatever they delete, for the incident they mean a guard came off.
constexpr std::string_view kBackupDestroying =
    "rds:DeleteDBSnapshot rds:DeleteDBClusterSnapshot rds:DeleteDBInstanceAutomatedBackup "
    "rds:DeleteDBClusterAutomatedBackup backup:DeleteRecoveryPoint backup:DeleteBackupVault ec2:DeleteSnapshot "
    "elasticache:DeleteSnapshot dynamodb:DeleteBackup fsx:DeleteBackup redshift:DeleteClusterSnapshot "
    "kms:ScheduleKeyDeletion kms:DisableKey";
constexpr std::string_view kProtectionLowering =
    "cloudtrail:StopLogging cloudtrail:DeleteTrail ec2:DeleteFlowLogs backup:DeleteBackupVaultLockConfiguration";

bool listed(std::string_view events, std::string_view service, std::string_view name)
{
    while (!events.empty()) {
        const std::string_view event = nextWord(events);
        if (event.size() == service.size() + 1 + name.size() && event.starts_with(service)
            && event[service.size()] == ':' && event.ends_with(name))
            return true;
    }
    return false;
}

/** ELBv2 sends attributes as [{key, value}] pairs: "attributes.N.key" / "attributes.N.value". */
bool elbDeletionProtectionOff(const Attributes& request)
{
    for (const auto& [path, value] : request.entries()) {
        std::string_view rest = path;
        if (nextSegment(rest) != "attributes" || !isIndex(nextSegment(rest)) || rest != "key"
            || value.text != "deletion_protection.enabled")
            continue;
        std::string valuePath = path.substr(0, path.size() - 3);
        valuePath += "value";
        if (request.getBool(valuePath) == false)
            return true;
    }
    return false;
}

/** Route 53 batches record changes; a batch with a DELETE removes records (how Terraform deletes one). */
bool changesDeleteRecords(const Attributes& request)
{
    for (const auto& [path, value] : request.entries()) {
        if (path.starts_with("changeBatch.changes.") && path.ends_with(".action") && value.text == "DELETE")
            return true;
    }
    return false;
}

/**
 * Route 53 records have no id of their own: Terraform's is "ZONEID_name_TYPE" (name without the final dot),
 * built here from each change so that a record change finds its aws_route53_record.
 */
void collectRecordIds(const Attributes* request, std::vector<std::string>& out)
{
    if (request == nullptr)
        return;
    const std::optional<std::string> zone = request->getString("hostedZoneId");
    if (!zone)
        return;
    for (std::size_t i = 0;; ++i) {
        const std::string prefix = "changeBatch.changes." + std::to_string(i) + ".resourceRecordSet.";
        std::optional<std::string> name = request->getString(prefix + "name");
        const std::optional<std::string> type = request->getString(prefix + "type");
        if (!name || !type)
            return;
        if (name->ends_with('.'))
            name->pop_back();
        addUnique(out, *zone + "_" + *name + "_" + *type);
    }
}

bool versioningSuspended(const Attributes& request)
{
    // The XML body's element names keep their case ("VersioningConfiguration.Status"); lowerCamel just in case.
    return request.getString("VersioningConfiguration.Status") == "Suspended"
        || request.getString("versioningConfiguration.status") == "Suspended";
}

std::optional<EventClass> specificClass(std::string_view service, std::string_view name, const Attributes* request)
{
    if (listed(kBackupDestroying, service, name))
        return EventClass::BackupDestroying;
    if (listed(kProtectionLowering, service, name))
        return EventClass::ProtectionLowering;
    if (request == nullptr)
        return std::nullopt;
    if (service == "route53" && name == "ChangeResourceRecordSets" && changesDeleteRecords(*request))
        return EventClass::Delete;
    const auto isFalse = [&](std::string_view path) { return request->getBool(path) == false; };
    // A retention period of 0 turns automated backups off and deletes the existing ones.
    if (service == "rds" && name == "ModifyDBInstance" && request->getNumber("backupRetentionPeriod") == 0.0)
        return EventClass::BackupDestroying;
    const bool lowers =
        (service == "rds" && (name == "ModifyDBInstance" || name == "ModifyDBCluster") && isFalse("deletionProtection"))
        || (service == "elasticloadbalancing" && name == "ModifyLoadBalancerAttributes"
            && elbDeletionProtectionOff(*request))
        || (service == "dynamodb" && name == "UpdateTable" && isFalse("deletionProtectionEnabled"))
        || (service == "dynamodb" && name == "UpdateContinuousBackups"
            && isFalse("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled"))
        || (service == "s3" && name == "PutBucketVersioning" && versioningSuspended(*request))
        || (service == "ec2" && name == "ModifyInstanceAttribute"
            && (isFalse("disableApiTermination.value") || isFalse("disableApiTermination")))
        || (service == "cloudformation" && name == "UpdateTerminationProtection"
            && isFalse("enableTerminationProtection"));
    return lowers ? std::optional<EventClass>(EventClass::ProtectionLowering) : std::nullopt;
}

/** Whether `name` starts with the verb as a whole word: "Put" takes PutBucketPolicy, not "Puts". */
bool startsWithVerb(std::string_view name, std::string_view verb)
{
    return name.starts_with(verb)
        && (name.size() == verb.size() || (name[verb.size()] >= 'A' && name[verb.size()] <= 'Z'));
}

struct VerbClass
{
    EventClass eventClass;
    std::string_view verbs;
};

// The verb an event name starts with, when no specific rule applied. Copy and Restore make a new resource
// (CopyDBSnapshot, RestoreDBInstanceFromDBSnapshot); Release gives an Elastic IP back for good. Detach,
// Disassociate and Revoke delete a relationship, and are how Terraform deletes the resources that model one
// (aws_route_table_association, aws_iam_role_policy_attachment, aws_security_group_rule); Attach, Associate and
// Authorize create one.
constexpr std::array kVerbs = {
    VerbClass {EventClass::Read, "Get Describe List Head Lookup Search"},
    VerbClass {EventClass::Delete, "Delete Terminate Remove Deregister Release Detach Disassociate Revoke"},
    VerbClass {EventClass::Create, "Create Run Put Allocate Register Import Copy Restore Attach Associate Authorize"},
    VerbClass {EventClass::Modify,
        "Modify Update Tag Untag Start Stop Reboot Enable Disable Add Replace Set Change Reset Cancel"},
};

/** Calls that make a new resource and name it in their response (CreateVpc → vpc.vpcId). */
bool createsFromResponse(std::string_view eventName)
{
    return startsWithVerb(eventName, "Create") || startsWithVerb(eventName, "Run")
        || startsWithVerb(eventName, "Allocate");
}

} // namespace

std::string_view EventRules::serviceOf(std::string_view eventSource)
{
    if (eventSource.size() > kServiceSuffix.size() && eventSource.ends_with(kServiceSuffix))
        eventSource.remove_suffix(kServiceSuffix.size());
    return eventSource;
}

std::vector<std::string> EventRules::identifiers(const EventFacts& facts)
{
    std::vector<std::string> out;
    const std::string_view service = EventRules::serviceOf(facts.eventSource);
    const auto& index = ruleIndex();
    auto rule = index.find(RuleKey {service, facts.eventName});
    if (rule == index.end())
        rule = index.find(RuleKey {service, "*"});
    const auto fromResponse = [&] {
        if (rule != index.end())
            collect(facts.responseElements, rule->second->response, false, out);
        collect(facts.responseElements, kResponseArnPaths, true, out);
    };
    // What a create made is named in its response; its request names the parent (the VPC of a new subnet).
    const bool creates = createsFromResponse(facts.eventName);
    if (creates)
        fromResponse();
    if (service == "route53" && facts.eventName == "ChangeResourceRecordSets")
        collectRecordIds(facts.requestParameters, out);
    if (rule != index.end())
        collect(facts.requestParameters, rule->second->request, false, out);
    else
        collectGeneric(facts.requestParameters, out);
    if (!creates)
        fromResponse();
    for (const std::string& arn : facts.resourceArns)
        addUnique(out, arn);
    return out;
}

std::size_t EventRules::createdIdentifierCount(const EventFacts& facts)
{
    if (!createsFromResponse(facts.eventName))
        return 0;
    EventFacts responseOnly {facts.eventSource, facts.eventName, facts.readOnly, nullptr, facts.responseElements, {}};
    return identifiers(responseOnly).size();
}

const char* toString(EventClass eventClass)
{
    static constexpr std::array<const char*, 7> kNames = {
        "create", "modify", "delete", "backup-destroying", "protection-lowering", "read", "other"};
    const auto index = static_cast<std::size_t>(eventClass);
    return index < kNames.size() ? kNames[index] : "other";
}

EventClass EventRules::classify(const EventFacts& facts)
{
    const std::string_view service = EventRules::serviceOf(facts.eventSource);
    if (const auto specific = specificClass(service, facts.eventName, facts.requestParameters))
        return *specific;
    if (facts.readOnly)
        return EventClass::Read;
    std::string_view name = facts.eventName;
    if (startsWithVerb(name, "Batch")) // BatchDeleteImage, BatchGetItem: the verb after "Batch" decides
        name.remove_prefix(5);
    for (const VerbClass& row : kVerbs) {
        for (std::string_view verbs = row.verbs; !verbs.empty();) {
            if (startsWithVerb(name, nextWord(verbs)))
                return row.eventClass;
        }
    }
    return EventClass::Other;
}

bool EventRules::isDestructive(EventClass eventClass)
{
    return eventClass == EventClass::Delete || eventClass == EventClass::BackupDestroying
        || eventClass == EventClass::ProtectionLowering;
}

} // namespace blastline::core
