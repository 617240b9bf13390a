// SPDX-License-Identifier: MIT
#include "blastline/core/TrailCorrelator.h"

#include "GraphBuilder.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace blastline::core;
using blastline::core::test::makeState;
using blastline::core::test::setAttribute;
using Holder = TrailCorrelator::Holder;

namespace {

constexpr const char* kDbArn = "arn:aws:rds:us-east-1:123456789012:db:orders";

TrailEvent call(Trail& trail, std::string_view eventSource, std::string_view eventName,
    const std::vector<std::string_view>& identifiers)
{
    TrailEvent event;
    event.eventSource = trail.intern(eventSource);
    event.eventName = trail.intern(eventName);
    for (std::string_view identifier : identifiers)
        event.identifiers.push_back(trail.intern(identifier));
    return event;
}

void setText(TerraformState& state, std::string_view address, std::string path, std::string value)
{
    setAttribute(state, address, std::move(path), AttributeValue::string(std::move(value)));
}

TerraformState databaseState()
{
    TerraformState state = makeState("aws_db_instance.orders; aws_kms_key.backups");
    setText(state, "aws_db_instance.orders", "id", "db-ABCDEFGHIJKL");
    setText(state, "aws_db_instance.orders", "identifier", "orders");
    setText(state, "aws_db_instance.orders", "arn", kDbArn);
    setText(state, "aws_kms_key.backups", "key_id", "1234abcd-12ab-34cd-56ef-1234567890ab");
    return state;
}

TEST(TrailCorrelator, arnMatchesAnyResourceType)
{
    const TerraformState state = databaseState();
    const TrailCorrelator correlator({&state});
    Trail trail;
    // A KMS call naming the database's ARN (a grant for it) still names the database.
    const TrailEvent grant = call(trail, "kms.amazonaws.com", "CreateGrant", {kDbArn});
    EXPECT_EQ(correlator.holders(grant, trail), (std::vector<Holder> {{0, 0, false}}));
}

TEST(TrailCorrelator, bareIdentifierOnlyMatchesTypesOfTheEventsService)
{
    const TerraformState state = databaseState();
    const TrailCorrelator correlator({&state});
    Trail trail;
    EXPECT_TRUE(correlator.holders(call(trail, "kms.amazonaws.com", "DisableKey", {"orders"}), trail).empty());
    EXPECT_EQ(correlator.holders(call(trail, "rds.amazonaws.com", "ModifyDBInstance", {"orders"}), trail),
        (std::vector<Holder> {{0, 0, false}}));
}

TEST(TrailCorrelator, sameNameInTwoServicesIsTakenForTheEventsServiceOnly)
{
    TerraformState state = makeState("aws_ecs_service.web; aws_lb.web");
    setText(state, "aws_ecs_service.web", "name", "web");
    setText(state, "aws_lb.web", "name", "web");
    const TrailCorrelator correlator({&state});
    Trail trail;
    EXPECT_EQ(correlator.holders(call(trail, "ecs.amazonaws.com", "DeleteService", {"web"}), trail),
        (std::vector<Holder> {{0, 0, true}}));
    EXPECT_EQ(
        correlator.holders(call(trail, "elasticloadbalancing.amazonaws.com", "DeleteLoadBalancer", {"web"}), trail),
        (std::vector<Holder> {{0, 1, true}}));
    // A service the tables do not know may hold anything.
    EXPECT_EQ(correlator.holders(call(trail, "example.amazonaws.com", "DeleteThing", {"web"}), trail),
        (std::vector<Holder> {{0, 0, false}, {0, 1, false}}));
}

TEST(TrailCorrelator, holdersAreListedOncePerInstanceInStateOrder)
{
    const TerraformState first = databaseState();
    TerraformState second = makeState("aws_db_instance.replica");
    second.path = "replica.tfstate";
    setText(second, "aws_db_instance.replica", "identifier", "orders-replica");
    const TrailCorrelator correlator({&first, &second});
    Trail trail;
    const TrailEvent deletes = call(trail, "rds.amazonaws.com", "DeleteDBInstance",
        {"orders-replica", "orders", kDbArn, "db-ABCDEFGHIJKL", "unknown-db"});
    EXPECT_EQ(correlator.holders(deletes, trail), (std::vector<Holder> {{0, 0, true}, {1, 0, true}}));
}

TEST(TrailCorrelator, aCreateActsOnlyOnWhatItsResponseNames)
{
    // A security group of the same name in another VPC: the create's request names it, its response does not.
    TerraformState state = makeState("aws_security_group.web; aws_vpc.main");
    setText(state, "aws_security_group.web", "id", "sg-OLD");
    setText(state, "aws_security_group.web", "name", "web");
    setText(state, "aws_vpc.main", "id", "vpc-1");
    const TrailCorrelator correlator({&state});
    Trail trail;
    TrailEvent create = call(trail, "ec2.amazonaws.com", "CreateSecurityGroup", {"sg-NEW", "web", "vpc-1"});
    create.createdIdentifiers = 1;
    EXPECT_EQ(correlator.holders(create, trail), (std::vector<Holder> {{0, 0, false}, {0, 1, false}}));
    create.identifiers[0] = trail.intern("sg-OLD"); // the response names the state's group: that is what it made
    EXPECT_EQ(correlator.holders(create, trail), (std::vector<Holder> {{0, 0, true}, {0, 1, false}}));
}

TEST(TrailCorrelator, theAttachmentHoldingBothEndsIsTheOneActedOn)
{
    TerraformState state =
        makeState("aws_iam_role_policy_attachment.app_logs; aws_iam_role_policy_attachment.ci_logs; aws_iam_role.app");
    const std::string policy = "arn:aws:iam::123456789012:policy/logs";
    setText(state, "aws_iam_role_policy_attachment.app_logs", "role", "app");
    setText(state, "aws_iam_role_policy_attachment.app_logs", "policy_arn", policy);
    setText(state, "aws_iam_role_policy_attachment.ci_logs", "role", "ci");
    setText(state, "aws_iam_role_policy_attachment.ci_logs", "policy_arn", policy);
    setText(state, "aws_iam_role.app", "name", "app");
    const TrailCorrelator correlator({&state});
    Trail trail;
    EXPECT_EQ(correlator.holders(call(trail, "iam.amazonaws.com", "DetachRolePolicy", {"app", policy}), trail),
        (std::vector<Holder> {{0, 0, true}, {0, 1, false}, {0, 2, false}}));
}

TEST(TrailCorrelator, redactedValuesNeverMatch)
{
    TerraformState state = makeState("aws_secretsmanager_secret.token; aws_db_instance.orders");
    setAttribute(state, "aws_secretsmanager_secret.token", "id", AttributeValue::redacted());
    setText(state, "aws_db_instance.orders", "identifier", kRedactedMarker);
    const TrailCorrelator correlator({&state});
    Trail trail;
    EXPECT_TRUE(
        correlator.holders(call(trail, "secretsmanager.amazonaws.com", "DeleteSecret", {kRedactedMarker}), trail)
            .empty());
    EXPECT_TRUE(
        correlator.holders(call(trail, "rds.amazonaws.com", "DeleteDBInstance", {kRedactedMarker}), trail).empty());
}

TEST(TrailCorrelator, dataSourcesNeverMatch)
{
    TerraformState state = makeState("data.aws_db_instance.shared; aws_db_instance.own");
    setText(state, "data.aws_db_instance.shared", "identifier", "shared-db");
    setText(state, "data.aws_db_instance.shared", "arn", "arn:aws:rds:us-east-1:123456789012:db:shared-db");
    setText(state, "aws_db_instance.own", "identifier", "own-db");
    const TrailCorrelator correlator({&state});
    Trail trail;
    EXPECT_TRUE(correlator
                    .holders(call(trail, "rds.amazonaws.com", "DeleteDBInstance",
                                 {"shared-db", "arn:aws:rds:us-east-1:123456789012:db:shared-db"}),
                        trail)
                    .empty());
    EXPECT_EQ(correlator.holders(call(trail, "rds.amazonaws.com", "DeleteDBInstance", {"own-db"}), trail),
        (std::vector<Holder> {{0, 1, true}}));
}

TEST(TrailCorrelator, addressOfIsTheBareAddressWithOneState)
{
    const TerraformState state =
        makeState("module.db[0].aws_db_instance.orders; aws_instance.app (deposed object 1a2b3c4d)");
    const TrailCorrelator correlator({&state});
    EXPECT_EQ(correlator.addressOf({0, 0, false}), "module.db[0].aws_db_instance.orders");
    EXPECT_EQ(correlator.addressOf({0, 1, false}), "aws_instance.app (deposed object 1a2b3c4d)");
    EXPECT_EQ(&correlator.instance({0, 1, false}), &state.instances[1]);
}

TEST(TrailCorrelator, addressOfNamesTheStateFileWithSeveralStates)
{
    TerraformState production = makeState("aws_db_instance.orders");
    production.path = "/cases/incident-42/prod/terraform.tfstate";
    TerraformState backup = makeState("aws_db_instance.orders");
    backup.path = "old/terraform.tfstate.backup";
    const TrailCorrelator correlator({&production, &backup});
    EXPECT_EQ(correlator.addressOf({0, 0, false}), "terraform.tfstate:aws_db_instance.orders");
    EXPECT_EQ(correlator.addressOf({1, 0, false}), "terraform.tfstate.backup:aws_db_instance.orders");
}

struct ActsOnCase
{
    std::string_view service;
    std::string_view eventName;
    std::string_view type;
    bool expected;
};

TEST(TrailCorrelator, actsOnTheNounOfTheEventName)
{
    const ActsOnCase cases[] = {
        {"rds", "DeleteDBInstance", "aws_db_instance", true},
        {"rds", "DeleteDBInstance", "aws_rds_cluster_instance", true},
        {"rds", "DeleteDBInstance", "aws_rds_cluster", false},
        {"rds", "DeleteDBInstance", "aws_db_subnet_group", false},
        {"rds", "DeleteDBCluster", "aws_rds_cluster", true},
        {"rds", "DeleteDBCluster", "aws_rds_cluster_instance", false},
        {"rds", "DeleteDBSnapshot", "aws_db_snapshot", true},
        {"rds", "ModifyDBInstance", "aws_db_instance", false},
        {"ec2", "TerminateInstances", "aws_instance", true},
        {"ec2", "TerminateInstances", "aws_spot_instance_request", false},
        {"ec2", "RunInstances", "aws_instance", true},
        {"elasticloadbalancing", "DeleteLoadBalancer", "aws_lb", true},
        {"elasticloadbalancing", "DeleteLoadBalancer", "aws_alb", true},
        {"elasticloadbalancing", "DeleteLoadBalancer", "aws_lb_listener", false},
        {"s3", "DeleteBucket", "aws_s3_bucket", true},
        {"s3", "DeleteBucket", "aws_s3_bucket_versioning", false},
        {"ec2", "DeleteNatGateway", "aws_nat_gateway", true},
        {"ec2", "DeleteNatGateway", "aws_internet_gateway", false},
        {"kms", "ScheduleKeyDeletion", "aws_kms_key", true},
        {"kms", "ScheduleKeyDeletion", "aws_kms_alias", false},
        {"ec2", "ReleaseAddress", "aws_eip", true},
        {"ecs", "DeleteService", "aws_ecs_service", true},
        {"ecs", "DeleteService", "aws_ecs_cluster", false},
        {"kms", "DisableKey", "aws_kms_key", false},
    };
    for (const ActsOnCase& row : cases) {
        EXPECT_EQ(TrailCorrelator::actsOn(row.service, row.eventName, row.type), row.expected)
            << row.service << ":" << row.eventName << " on " << row.type;
    }
}

TEST(TrailCorrelator, serviceHoldsTypesOfItsOwnPrefixes)
{
    EXPECT_TRUE(TrailCorrelator::serviceHoldsType("rds", "aws_db_instance"));
    EXPECT_TRUE(TrailCorrelator::serviceHoldsType("rds", "aws_rds_cluster"));
    EXPECT_FALSE(TrailCorrelator::serviceHoldsType("rds", "aws_instance"));
    EXPECT_TRUE(TrailCorrelator::serviceHoldsType("elasticloadbalancing", "aws_lb_target_group"));
    EXPECT_FALSE(TrailCorrelator::serviceHoldsType("ecs", "aws_lb"));
    EXPECT_TRUE(TrailCorrelator::serviceHoldsType("example", "aws_lb"));
}

} // namespace
