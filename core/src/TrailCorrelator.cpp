// SPDX-License-Identifier: MIT
#include "blastline/core/TrailCorrelator.h"

#include "WordList.h"

#include "blastline/core/AttributeValue.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace blastline::core {

namespace {

// The attributes whose values a CloudTrail request or response uses to name a resource: the ID, the ARN and
// the provider's names for identifiers (RDS identifier, resource ids, KMS key id, bucket and function names).
// The relationship resources (attachments, associations) are found by the ends they join: role and policy_arn,
// user, association_id.
constexpr std::array<std::string_view, 16> kIdentifyingAttributes {"id", "arn", "identifier", "cluster_identifier",
    "resource_id", "cluster_resource_id", "key_id", "name", "bucket", "function_name", "db_snapshot_identifier",
    "db_cluster_snapshot_identifier", "policy_arn", "role", "user", "association_id"};

struct ServiceTypes
{
    std::string_view service;
    std::string_view typePrefixes; // space-separated
};

// clang-format off
constexpr std::array kServiceTypes = {
    ServiceTypes{"rds", "aws_db_ aws_rds_"},
    ServiceTypes{"ec2", "aws_instance aws_vpc aws_subnet aws_security_group aws_internet_gateway aws_nat_gateway "
                        "aws_route aws_eip aws_network_ aws_ebs_ aws_volume_ aws_key_pair aws_flow_log aws_ami "
                        "aws_default_ aws_egress_only aws_launch_template aws_placement_group aws_main_route_table "
                        "aws_snapshot_ aws_spot_"},
    ServiceTypes{"ecs", "aws_ecs_"},
    ServiceTypes{"elasticloadbalancing", "aws_lb aws_alb aws_elb"},
    ServiceTypes{"s3", "aws_s3_"},
    ServiceTypes{"iam", "aws_iam_"},
    ServiceTypes{"kms", "aws_kms_"},
    ServiceTypes{"backup", "aws_backup_"},
    ServiceTypes{"dynamodb", "aws_dynamodb_"},
    ServiceTypes{"secretsmanager", "aws_secretsmanager_"},
    ServiceTypes{"elasticfilesystem", "aws_efs_"},
    ServiceTypes{"elasticache", "aws_elasticache_"},
    ServiceTypes{"logs", "aws_cloudwatch_log_"},
    ServiceTypes{"cloudtrail", "aws_cloudtrail"},
    ServiceTypes{"lambda", "aws_lambda_"},
    ServiceTypes{"ecr", "aws_ecr_"},
    ServiceTypes{"cloudformation", "aws_cloudformation_"},
    ServiceTypes{"ses", "aws_ses_"},
    ServiceTypes{"route53", "aws_route53_"},
};

/** Event names whose noun is not the Terraform type's (the rest follow DeleteNatGateway → aws_nat_gateway). */
struct NounOverride
{
    std::string_view service;
    std::string_view eventName;
    std::string_view nouns; // space-separated type suffixes
};
constexpr std::array kNounOverrides = {
    NounOverride{"rds", "DeleteDBCluster", "rds_cluster"},
    NounOverride{"rds", "CreateDBCluster", "rds_cluster"},
    NounOverride{"rds", "DeleteDBInstance", "db_instance rds_cluster_instance"},
    NounOverride{"rds", "CreateDBInstance", "db_instance rds_cluster_instance"},
    NounOverride{"elasticloadbalancing", "DeleteLoadBalancer", "lb alb elb"},
    NounOverride{"elasticloadbalancing", "CreateLoadBalancer", "lb alb elb"},
    NounOverride{"elasticloadbalancing", "DeleteTargetGroup", "lb_target_group alb_target_group"},
    NounOverride{"elasticloadbalancing", "DeleteListener", "lb_listener alb_listener"},
    NounOverride{"kms", "ScheduleKeyDeletion", "kms_key"},
    NounOverride{"kms", "CreateKey", "kms_key"},
    NounOverride{"ec2", "ReleaseAddress", "eip"},
    NounOverride{"ec2", "AllocateAddress", "eip"},
    NounOverride{"ec2", "DeleteFlowLogs", "flow_log"},
    NounOverride{"ec2", "DeregisterImage", "ami ami_copy ami_from_instance"},
    NounOverride{"ec2", "RegisterImage", "ami"},
    NounOverride{"ec2", "CreateImage", "ami_from_instance"},
    NounOverride{"ec2", "CopyImage", "ami_copy"},
    NounOverride{"ec2", "DeleteVpcEndpoints", "vpc_endpoint"},
    NounOverride{"s3", "DeleteBucket", "s3_bucket"},
    NounOverride{"s3", "CreateBucket", "s3_bucket"},
    NounOverride{"ec2", "AssociateRouteTable", "route_table_association"},
    NounOverride{"ec2", "DisassociateRouteTable", "route_table_association"},
    NounOverride{"ec2", "AssociateAddress", "eip_association eip"},
    NounOverride{"ec2", "DisassociateAddress", "eip_association eip"},
    NounOverride{"ec2", "AttachVolume", "volume_attachment"},
    NounOverride{"ec2", "DetachVolume", "volume_attachment"},
    NounOverride{"ec2", "AttachInternetGateway", "internet_gateway internet_gateway_attachment"},
    NounOverride{"ec2", "DetachInternetGateway", "internet_gateway internet_gateway_attachment"},
    NounOverride{"ec2", "AuthorizeSecurityGroupIngress", "security_group_rule vpc_security_group_ingress_rule"},
    NounOverride{"ec2", "RevokeSecurityGroupIngress", "security_group_rule vpc_security_group_ingress_rule"},
    NounOverride{"ec2", "AuthorizeSecurityGroupEgress", "security_group_rule vpc_security_group_egress_rule"},
    NounOverride{"ec2", "RevokeSecurityGroupEgress", "security_group_rule vpc_security_group_egress_rule"},
    NounOverride{"iam", "AttachRolePolicy", "iam_role_policy_attachment"},
    NounOverride{"iam", "DetachRolePolicy", "iam_role_policy_attachment"},
    NounOverride{"iam", "AttachUserPolicy", "iam_user_policy_attachment"},
    NounOverride{"iam", "DetachUserPolicy", "iam_user_policy_attachment"},
    NounOverride{"iam", "PutRolePolicy", "iam_role_policy"},
    NounOverride{"iam", "DeleteRolePolicy", "iam_role_policy"},
    NounOverride{"iam", "PutUserPolicy", "iam_user_policy"},
    NounOverride{"iam", "DeleteUserPolicy", "iam_user_policy"},
    NounOverride{"route53", "ChangeResourceRecordSets", "route53_record"},
};
// clang-format on

constexpr std::array<std::string_view, 12> kActingVerbs {"Delete", "Terminate", "Create", "Run", "Deregister",
    "Release", "Remove", "Allocate", "Detach", "Disassociate", "Attach", "Associate"};

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/** "DBClusterSnapshot" → "db_cluster_snapshot"; "Instances" → "instance" (plural calls act on each). */
std::string snakeNoun(std::string_view camel)
{
    std::string out;
    for (std::size_t i = 0; i < camel.size(); ++i) {
        const char c = camel[i];
        if (i > 0 && isUpper(c)) {
            const bool afterLower = !isUpper(camel[i - 1]);
            const bool endsAcronym = i + 1 < camel.size() && !isUpper(camel[i + 1]);
            if (afterLower || endsAcronym)
                out.push_back('_');
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (out.size() > 2 && out.back() == 's' && !out.ends_with("ss") && !out.ends_with("alias")
        && !out.ends_with("status"))
        out.pop_back();
    return out;
}

bool typeHasNoun(std::string_view type, std::string_view noun)
{
    if (noun.empty() || !type.starts_with("aws_"))
        return false;
    return type.substr(4) == noun
        || (type.size() > noun.size() + 1 && type.ends_with(noun) && type[type.size() - noun.size() - 1] == '_');
}

} // namespace

TrailCorrelator::TrailCorrelator(std::vector<const TerraformState*> states)
    : m_states(std::move(states))
{
    for (std::uint32_t s = 0; s < m_states.size(); ++s) {
        const auto& instances = m_states[s]->instances;
        for (std::uint32_t i = 0; i < instances.size(); ++i) {
            if (!instances[i].isManaged())
                continue; // a data source reads a resource another configuration manages
            for (std::string_view attribute : kIdentifyingAttributes) {
                const std::optional<std::string> value = instances[i].attributes.getString(attribute);
                if (!value || value->empty() || *value == kRedactedMarker)
                    continue;
                auto& entries = m_index[*value];
                if (entries.empty() || entries.back().state != s || entries.back().instance != i)
                    entries.push_back({s, i});
            }
        }
    }
}

bool TrailCorrelator::serviceHoldsType(std::string_view service, std::string_view type)
{
    for (const ServiceTypes& row : kServiceTypes) {
        if (row.service != service)
            continue;
        for (std::string_view prefixes = row.typePrefixes; !prefixes.empty();) {
            if (type.starts_with(nextWord(prefixes)))
                return true;
        }
        return false;
    }
    return true;
}

bool TrailCorrelator::actsOn(std::string_view service, std::string_view eventName, std::string_view type)
{
    for (const NounOverride& row : kNounOverrides) {
        if (row.service != service || row.eventName != eventName)
            continue;
        for (std::string_view nouns = row.nouns; !nouns.empty();) {
            if (typeHasNoun(type, nextWord(nouns)))
                return true;
        }
        return false;
    }
    for (std::string_view verb : kActingVerbs) {
        if (eventName.size() > verb.size() && eventName.starts_with(verb) && isUpper(eventName[verb.size()]))
            return typeHasNoun(type, snakeNoun(eventName.substr(verb.size())));
    }
    return false;
}

std::vector<TrailCorrelator::Holder> TrailCorrelator::holders(const TrailEvent& event, const Trail& trail) const
{
    const std::string_view service = EventRules::serviceOf(trail.text(event.eventSource));
    const std::string_view eventName = trail.text(event.eventName);
    struct Match
    {
        Holder holder;
        std::size_t identifiersHeld = 0;
    };
    std::vector<Match> matches;
    for (std::size_t index = 0; index < event.identifiers.size(); ++index) {
        const std::string_view value = trail.text(event.identifiers[index]);
        const auto found = m_index.find(value);
        if (found == m_index.end())
            continue;
        const bool isArn = value.starts_with("arn:");
        // A create acts on what its response names; what its request names (a VPC, a group name) already was.
        const bool mayAct = event.createdIdentifiers == 0 || index < event.createdIdentifiers;
        for (const Entry& entry : found->second) {
            const std::string& type = m_states[entry.state]->instances[entry.instance].type();
            if (!isArn && !serviceHoldsType(service, type))
                continue;
            const auto same = std::find_if(matches.begin(), matches.end(), [&](const Match& match) {
                return match.holder.state == entry.state && match.holder.instance == entry.instance;
            });
            const bool acted = mayAct && actsOn(service, eventName, type);
            if (same != matches.end()) {
                same->holder.acted = same->holder.acted || acted;
                ++same->identifiersHeld;
            } else {
                matches.push_back({{entry.state, entry.instance, acted}, 1});
            }
        }
    }
    // Of several candidates the call may have acted on in one state, the ones holding more of its identifiers
    // win: the attachment of this role *and* this policy, not every attachment of the policy.
    std::vector<std::size_t> mostHeld(m_states.size(), 0);
    for (const Match& match : matches) {
        if (match.holder.acted)
            mostHeld[match.holder.state] = std::max(mostHeld[match.holder.state], match.identifiersHeld);
    }
    std::vector<Holder> out;
    out.reserve(matches.size());
    for (Match& match : matches) {
        match.holder.acted = match.holder.acted && match.identifiersHeld == mostHeld[match.holder.state];
        out.push_back(match.holder);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string TrailCorrelator::addressOf(const Holder& holder) const
{
    const std::string& address = instance(holder).displayName();
    if (m_states.size() < 2)
        return address;
    return std::filesystem::path(m_states[holder.state]->path).filename().string() + ":" + address;
}

} // namespace blastline::core
