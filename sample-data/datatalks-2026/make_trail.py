#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write the reconstructed CloudTrail trail of the DataTalks.Club destroy (26 Feb 2026).

Only one event of this trail is on record: AWS Support quoted the DeleteDBCluster call on
dev-course-management-cluster at 22:02:04 UTC with skipFinalSnapshot and deleteAutomatedBackups set to true
(incidents.md section 1.3, source B2 msg2586). Everything else here is a reconstruction; README.md
("cloudtrail/") says what and why.

The destroy phase follows the order Blastline computes for production.tfstate (`blastline destroy --format
json`): one API delete per managed resource that makes one, in Blastline's waves, with the simulated times scaled
so that the DeleteDBCluster lands exactly at 22:02:04Z.

Usage (from this directory):
    python3 make_trail.py --blastline ../../build/release/app/cli/blastline
    python3 make_trail.py --destroy-json destroy.json    # output of: blastline destroy production.tfstate --format json

Standard library only, no network, deterministic: the same inputs give byte-identical .json.gz files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import random
import re
import subprocess
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
REGION = "eu-west-1"
GLOBAL_REGION = "us-east-1"  # IAM and Route 53 log there, and CloudTrail delivers them under us-east-1
SEED = "datatalks-2026-trail"

# The one recorded event (incidents.md 1.3, B2 msg2586).
CLUSTER_DELETE_TIME = dt.datetime(2026, 2, 26, 22, 2, 4, tzinfo=dt.timezone.utc)
# Reconstructed: how long AWS took to delete the Aurora instance (Terraform waits for it before it deletes the
# cluster) and then the cluster. Blastline's simulation uses catalogue durations (8 and 10 minutes); these are
# shorter so that the destroy spans about seven minutes.
INSTANCE_DELETE_SECONDS = 324
CLUSTER_DELETE_SECONDS = 100

# Reconstructed principal: the sources do not name the IAM identity. Access key: AWS's documentation example.
USER_NAME = "alexey"
ACCESS_KEY_ID = "AKIAI44QH8DHBEXAMPLE"
SOURCE_IP = "198.51.100.23"  # TEST-NET-2, the bastion's SSH source CIDR in production.tfstate

# Reconstructed tool versions: Terraform as in the state's terraform_version, AWS provider 5.x of the same month.
TERRAFORM_VERSION = "1.7.5"
PROVIDER_VERSION = "5.41.0"
SDK_VERSION = "1.25.3"
GO_VERSION = "1.21.8"
API_VERSIONS = {
    "ec2": "1.151.1", "rds": "1.75.1", "ecs": "1.41.3", "elasticloadbalancingv2": "1.30.3", "iam": "1.31.2",
    "route53": "1.40.2", "ses": "1.22.2", "ecr": "1.27.2", "cloudwatchlogs": "1.35.2", "sts": "1.28.4",
}
CLI_VERSION = "2.33.2"

SERVICE = {  # eventSource prefix -> (API name in the SDK's user agent, TLS host, region)
    "ec2": ("ec2", f"ec2.{REGION}.amazonaws.com", REGION),
    "rds": ("rds", f"rds.{REGION}.amazonaws.com", REGION),
    "ecs": ("ecs", f"ecs.{REGION}.amazonaws.com", REGION),
    "elasticloadbalancing": ("elasticloadbalancingv2", f"elasticloadbalancing.{REGION}.amazonaws.com", REGION),
    "logs": ("cloudwatchlogs", f"logs.{REGION}.amazonaws.com", REGION),
    "ecr": ("ecr", f"api.ecr.{REGION}.amazonaws.com", REGION),
    "ses": ("ses", f"email.{REGION}.amazonaws.com", REGION),
    "sts": ("sts", f"sts.{REGION}.amazonaws.com", REGION),
    "iam": ("iam", "iam.amazonaws.com", GLOBAL_REGION),
    "route53": ("route53", "route53.amazonaws.com", GLOBAL_REGION),
}


def utc(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 2, 26, hour, minute, second, tzinfo=dt.timezone.utc)


def digest(*parts: object) -> bytes:
    return hashlib.sha256("|".join([SEED, *map(str, parts)]).encode()).digest()


def uid(*parts: object) -> str:
    return str(uuid.UUID(bytes=digest(*parts)[:16], version=4))


def hex_id(prefix: str, *parts: object) -> str:
    """A new EC2-style ID (prefix-0 + 16 hex digits) for resources the state does not hold."""
    return f"{prefix}-0{digest(prefix, *parts).hex()[:16]}"


def unique_string(*parts: object) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(alphabet[b % len(alphabet)] for b in digest("file", *parts)[:16])


def iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def terraform_agent(service: str) -> str:
    api = SERVICE[service][0]
    return (f"APN/1.0 HashiCorp/1.0 Terraform/{TERRAFORM_VERSION} (+https://www.terraform.io) "
            f"terraform-provider-aws/{PROVIDER_VERSION} (+https://registry.terraform.io/providers/hashicorp/aws) "
            f"aws-sdk-go-v2/{SDK_VERSION} os/linux lang/go#{GO_VERSION} md/GOOS#linux md/GOARCH#amd64 "
            f"api/{api}#{API_VERSIONS[api]}")


def cli_agent(command: str) -> str:
    return (f"aws-cli/{CLI_VERSION} md/awscrt#0.27.6 ua/2.1 os/linux#6.8.0-94-generic md/arch#x86_64 "
            f"lang/python#3.13.7 md/pyimpl#CPython m/E,b,N cfg/retry-mode#standard md/installer#exe "
            f"md/distrib#ubuntu.24 md/prompt#off md/command#{command}")


class Trail:
    """Collects records; each gets a deterministic requestID and eventID from its position in the story."""

    def __init__(self, account: str):
        self.account = account
        self.records: list[dict] = []
        self.identity = {
            "type": "IAMUser",
            "principalId": "AIDA" + digest("principal").hex()[:16].upper().replace("0", "Q").replace("1", "Z"),
            "arn": f"arn:aws:iam::{account}:user/{USER_NAME}",
            "accountId": account,
            "accessKeyId": ACCESS_KEY_ID,
            "userName": USER_NAME,
        }

    def add(self, t: dt.datetime, service: str, name: str, request, response=None, *, agent: str,
            read_only: bool = False, error: tuple[str, str] | None = None, resources: list | None = None) -> dict:
        _, host, region = SERVICE[service]
        n = len(self.records)
        request_id = uid("request", n, name)
        record = {
            "eventVersion": "1.09",
            "userIdentity": self.identity,
            "eventTime": iso(t),
            "eventSource": f"{service}.amazonaws.com",
            "eventName": name,
            "awsRegion": region,
            "sourceIPAddress": SOURCE_IP,
            "userAgent": agent,
        }
        if error:
            record["errorCode"], record["errorMessage"] = error
        record["requestParameters"] = request
        if error:
            response = None
        elif service == "ec2":
            response = with_request_id(response, request_id)  # EC2 echoes the request ID in its responses
        record["responseElements"] = response
        record["requestID"] = request_id
        record["eventID"] = uid("event", n, name)
        record["readOnly"] = read_only
        if resources:
            record["resources"] = resources
        record["eventType"] = "AwsApiCall"
        record["managementEvent"] = True
        record["recipientAccountId"] = self.account
        record["eventCategory"] = "Management"
        tls = ("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256") if region == GLOBAL_REGION else ("TLSv1.3", "TLS_AES_128_GCM_SHA256")
        record["tlsDetails"] = {"tlsVersion": tls[0], "cipherSuite": tls[1], "clientProvidedHostHeader": host}
        record["_t"] = t  # dropped before writing
        self.records.append(record)
        return record


def with_request_id(value, request_id: str):
    if isinstance(value, dict):
        return {k: (request_id if k == "requestId" else with_request_id(v, request_id)) for k, v in value.items()}
    return value


def ec2_ok(**extra) -> dict:
    return {"requestId": "", "_return": True, **extra}


# --------------------------------------------------------------------------------------------------------------
# The state


class State:
    def __init__(self, path: Path):
        data = json.loads(path.read_text())
        self.terraform_version = data["terraform_version"]
        self.by_address: dict[str, dict] = {}
        for resource in data["resources"]:
            if resource["mode"] != "managed":
                continue
            for instance in resource["instances"]:
                address = f"{resource['type']}.{resource['name']}"
                if "index_key" in instance:
                    key = instance["index_key"]
                    address += f"[{key}]" if isinstance(key, int) else f'["{key}"]'
                self.by_address[address] = {"type": resource["type"], "attributes": instance["attributes"],
                                            "sensitive": instance.get("sensitive_attributes", [])}
        vpc = self.first("aws_vpc")
        self.account = vpc["owner_id"]

    def first(self, type_: str) -> dict:
        return next(v["attributes"] for v in self.by_address.values() if v["type"] == type_)

    def attrs(self, address: str) -> dict:
        return self.by_address[address]["attributes"]


# --------------------------------------------------------------------------------------------------------------
# Phase 1 (~21:05-21:20): plan without state, then the apply that was stopped after creating duplicates.


def duplicate_ids() -> dict:
    return {
        "vpc": hex_id("vpc", "dup"),
        "eipalloc": hex_id("eipalloc", "dup"),
        "igw": hex_id("igw", "dup"),
        "subnet_private": hex_id("subnet", "dup", "10.0.1.0/24"),
        "subnet_private_2": hex_id("subnet", "dup", "10.0.2.0/24"),
        "subnet_public": hex_id("subnet", "dup", "10.0.3.0/24"),
        "subnet_public_2": hex_id("subnet", "dup", "10.0.4.0/24"),
        "sg_public": hex_id("sg", "dup", "public"),
        "sg_alb": hex_id("sg", "dup", "alb"),
        "rtb_public": hex_id("rtb", "dup", "public"),
        "rtb_private": hex_id("rtb", "dup", "private"),
    }


def phase_duplicates(trail: Trail, state: State, dup: dict) -> None:
    account = trail.account
    tf = terraform_agent

    # terraform plan with no state: the provider checks its credentials, the data source reads the caller.
    trail.add(utc(21, 6, 12), "sts", "GetCallerIdentity", None, None, agent=tf("sts"), read_only=True)
    trail.add(utc(21, 6, 13), "sts", "GetCallerIdentity", None, None, agent=tf("sts"), read_only=True)
    # terraform apply (it plans again), then the first wave of creates runs before the run is stopped.
    trail.add(utc(21, 12, 41), "sts", "GetCallerIdentity", None, None, agent=tf("sts"), read_only=True)
    trail.add(utc(21, 12, 42), "sts", "GetCallerIdentity", None, None, agent=tf("sts"), read_only=True)

    t = utc(21, 13, 5)
    trail.add(t, "ec2", "CreateVpc",
              {"cidrBlock": "10.0.0.0/16", "instanceTenancy": "default", "amazonProvidedIpv6CidrBlock": False},
              ec2_ok(vpc={"vpcId": dup["vpc"], "state": "pending", "ownerId": account, "cidrBlock": "10.0.0.0/16",
                          "cidrBlockAssociationSet": {"items": [{"cidrBlock": "10.0.0.0/16",
                                                                 "associationId": hex_id("vpc-cidr-assoc", "dup"),
                                                                 "cidrBlockState": {"state": "associated"}}]},
                          "ipv6CidrBlockAssociationSet": {}, "dhcpOptionsId": state.first("aws_vpc")["dhcp_options_id"],
                          "instanceTenancy": "default", "isDefault": False}),
              agent=tf("ec2"))
    trail.add(t, "ec2", "AllocateAddress", {"domain": "vpc"},
              ec2_ok(publicIp="203.0.113.92", domain="vpc", allocationId=dup["eipalloc"],
                     networkBorderGroup=REGION, publicIpv4Pool="amazon"),
              agent=tf("ec2"))
    # Named resources that already exist fail: the plan without state did not know them.
    role = state.attrs("aws_iam_role.ecs_execution_role")
    trail.add(t + dt.timedelta(seconds=1), "iam", "CreateRole",
              {"roleName": role["name"], "path": "/", "assumeRolePolicyDocument": role["assume_role_policy"],
               "maxSessionDuration": 3600},
              agent=tf("iam"), error=("EntityAlreadyExistsException", f"Role with name {role['name']} already exists."))
    for address in ("aws_iam_user.deploy_ci_cd_user", "aws_iam_user.ses_email_user"):
        name = state.attrs(address)["name"]
        trail.add(t + dt.timedelta(seconds=1), "iam", "CreateUser", {"userName": name, "path": "/"},
                  agent=tf("iam"), error=("EntityAlreadyExistsException", f"User with name {name} already exists."))
    repo = state.attrs("aws_ecr_repository.course_management_ecr_repo")
    trail.add(t + dt.timedelta(seconds=1), "ecr", "CreateRepository",
              {"repositoryName": repo["name"], "imageTagMutability": "MUTABLE",
               "imageScanningConfiguration": {"scanOnPush": False},
               "encryptionConfiguration": {"encryptionType": "AES256"}},
              agent=tf("ecr"),
              error=("RepositoryAlreadyExistsException",
                     f"The repository with name '{repo['name']}' already exists in the registry with id '{account}'"))
    for address in ("aws_cloudwatch_log_group.couse_management_logs_dev",
                    "aws_cloudwatch_log_group.couse_management_logs_prod"):
        trail.add(t + dt.timedelta(seconds=2), "logs", "CreateLogGroup", {"logGroupName": state.attrs(address)["name"]},
                  agent=tf("logs"), error=("ResourceAlreadyExistsException", "The specified log group already exists"))
    trail.add(t + dt.timedelta(seconds=3), "ec2", "DescribeVpcs", {"vpcSet": {"items": [{"vpcId": dup["vpc"]}]},
                                                                   "filterSet": {}},
              None, agent=tf("ec2"), read_only=True)

    # Second wave: what needs the new VPC.
    t = utc(21, 13, 16)
    for key, cidr, az in (("subnet_private", "10.0.1.0/24", "eu-west-1a"),
                          ("subnet_private_2", "10.0.2.0/24", "eu-west-1b"),
                          ("subnet_public", "10.0.3.0/24", "eu-west-1a"),
                          ("subnet_public_2", "10.0.4.0/24", "eu-west-1b")):
        trail.add(t, "ec2", "CreateSubnet", {"vpcId": dup["vpc"], "cidrBlock": cidr, "availabilityZone": az},
                  ec2_ok(subnet={"subnetId": dup[key], "subnetArn": f"arn:aws:ec2:{REGION}:{account}:subnet/{dup[key]}",
                                 "state": "available", "vpcId": dup["vpc"], "cidrBlock": cidr,
                                 "availabilityZone": az, "availableIpAddressCount": 251, "ownerId": account,
                                 "defaultForAz": False, "mapPublicIpOnLaunch": False}),
                  agent=tf("ec2"))
    trail.add(t, "ec2", "CreateInternetGateway", {},
              ec2_ok(internetGateway={"internetGatewayId": dup["igw"], "ownerId": account, "attachmentSet": {}}),
              agent=tf("ec2"))
    for key, name, description in (
            ("sg_public", state.attrs("aws_security_group.public_security_group")["name"],
             state.attrs("aws_security_group.public_security_group")["description"]),
            ("sg_alb", state.attrs("aws_security_group.course_management_sg")["name"],
             state.attrs("aws_security_group.course_management_sg")["description"])):
        trail.add(t + dt.timedelta(seconds=1), "ec2", "CreateSecurityGroup",
                  {"groupName": name, "groupDescription": description, "vpcId": dup["vpc"]},
                  ec2_ok(groupId=dup[key],
                         securityGroupArn=f"arn:aws:ec2:{REGION}:{account}:security-group/{dup[key]}"),
                  agent=tf("ec2"))
    for key in ("rtb_public", "rtb_private"):
        trail.add(t + dt.timedelta(seconds=1), "ec2", "CreateRouteTable", {"vpcId": dup["vpc"]},
                  ec2_ok(routeTable={"routeTableId": dup[key], "vpcId": dup["vpc"], "ownerId": account,
                                     "routeSet": {"items": [{"destinationCidrBlock": "10.0.0.0/16",
                                                             "gatewayId": "local", "state": "active",
                                                             "origin": "CreateRouteTable"}]},
                                     "associationSet": {}, "propagatingVgwSet": {}}),
                  agent=tf("ec2"))
    trail.add(t + dt.timedelta(seconds=2), "ec2", "AttachInternetGateway",
              {"internetGatewayId": dup["igw"], "vpcId": dup["vpc"]}, ec2_ok(), agent=tf("ec2"))
    trail.add(t + dt.timedelta(seconds=3), "ec2", "DescribeSubnets",
              {"subnetSet": {"items": [{"subnetId": dup["subnet_public"]}]}, "filterSet": {}},
              None, agent=tf("ec2"), read_only=True)
    trail.add(t + dt.timedelta(seconds=3), "ec2", "DescribeSecurityGroups",
              {"securityGroupIdSet": {"items": [{"groupId": dup["sg_alb"]}]}, "securityGroupSet": {},
               "filterSet": {}},
              None, agent=tf("ec2"), read_only=True)
    # The run is stopped here ("no-no-no, stop-stop-stop"); in-flight creates finish, nothing new starts.
    trail.add(utc(21, 18, 37), "ec2", "DescribeVpcs", {"vpcSet": {}, "filterSet": {}}, None,
              agent=tf("ec2"), read_only=True)


# --------------------------------------------------------------------------------------------------------------
# Phase 2 (~21:25-21:45): the agent deletes duplicates through the AWS CLI, then gives up.


def phase_cli_cleanup(trail: Trail, dup: dict) -> None:
    cli = cli_agent
    dv = "Client.DependencyViolation"
    trail.add(utc(21, 25, 48), "sts", "GetCallerIdentity", None, None, agent=cli("sts.get-caller-identity"),
              read_only=True)
    trail.add(utc(21, 26, 3), "ec2", "DescribeVpcs", {"vpcSet": {}, "filterSet": {}}, None,
              agent=cli("ec2.describe-vpcs"), read_only=True)
    for t, name, command in ((utc(21, 26, 20), "DescribeSubnets", "ec2.describe-subnets"),
                             (utc(21, 26, 31), "DescribeSecurityGroups", "ec2.describe-security-groups"),
                             (utc(21, 26, 44), "DescribeInternetGateways", "ec2.describe-internet-gateways"),
                             (utc(21, 27, 2), "DescribeAddresses", "ec2.describe-addresses"),
                             (utc(21, 27, 15), "DescribeRouteTables", "ec2.describe-route-tables")):
        trail.add(t, "ec2", name, {"filterSet": {"items": [{"name": "vpc-id", "valueSet": {"items": [
            {"value": dup["vpc"]}]}}]}} if name != "DescribeAddresses" else {"filterSet": {}},
                  None, agent=cli(command), read_only=True)

    trail.add(utc(21, 29, 40), "ec2", "DeleteSecurityGroup", {"groupId": dup["sg_alb"]},
              ec2_ok(groupId=dup["sg_alb"]), agent=cli("ec2.delete-security-group"))
    trail.add(utc(21, 29, 58), "ec2", "DeleteSecurityGroup", {"groupId": dup["sg_public"]},
              ec2_ok(groupId=dup["sg_public"]), agent=cli("ec2.delete-security-group"))
    trail.add(utc(21, 31, 22), "ec2", "DeleteSubnet", {"subnetId": dup["subnet_public"]}, ec2_ok(),
              agent=cli("ec2.delete-subnet"))
    trail.add(utc(21, 31, 39), "ec2", "DeleteSubnet", {"subnetId": dup["subnet_public_2"]}, ec2_ok(),
              agent=cli("ec2.delete-subnet"))
    trail.add(utc(21, 33, 10), "ec2", "DeleteRouteTable", {"routeTableId": dup["rtb_public"]}, ec2_ok(),
              agent=cli("ec2.delete-route-table"))
    trail.add(utc(21, 35, 2), "ec2", "ReleaseAddress", {"allocationId": dup["eipalloc"]}, ec2_ok(),
              agent=cli("ec2.release-address"))
    # The VPC still has its IGW, two subnets and a route table: the CLI route "isn't working".
    trail.add(utc(21, 37, 26), "ec2", "DeleteVpc", {"vpcId": dup["vpc"]}, agent=cli("ec2.delete-vpc"),
              error=(dv, f"The vpc '{dup['vpc']}' has dependencies and cannot be deleted."))
    trail.add(utc(21, 39, 5), "ec2", "DeleteInternetGateway", {"internetGatewayId": dup["igw"]},
              agent=cli("ec2.delete-internet-gateway"),
              error=(dv, f"The internetGateway '{dup['igw']}' has dependencies and cannot be deleted."))
    trail.add(utc(21, 41, 48), "ec2", "DescribeNetworkInterfaces", {"filterSet": {"items": [
        {"name": "vpc-id", "valueSet": {"items": [{"value": dup["vpc"]}]}}]}}, None,
              agent=cli("ec2.describe-network-interfaces"), read_only=True)
    trail.add(utc(21, 43, 57), "ec2", "DeleteVpc", {"vpcId": dup["vpc"]}, agent=cli("ec2.delete-vpc"),
              error=(dv, f"The vpc '{dup['vpc']}' has dependencies and cannot be deleted."))


# --------------------------------------------------------------------------------------------------------------
# Phase 3: terraform destroy -auto-approve with the old full-production state.


class Clock:
    """Maps Blastline's simulated seconds to UTC, pinning the DeleteDBCluster start at 22:02:04Z."""

    def __init__(self, cluster_start: float, cluster_end: float):
        self.a, self.b = cluster_start, cluster_end
        self.t0 = CLUSTER_DELETE_TIME - dt.timedelta(seconds=INSTANCE_DELETE_SECONDS)

    def __call__(self, s: float) -> dt.datetime:
        if s <= self.a:
            offset = s * INSTANCE_DELETE_SECONDS / self.a
        elif s <= self.b:
            offset = INSTANCE_DELETE_SECONDS + (s - self.a) * CLUSTER_DELETE_SECONDS / (self.b - self.a)
        else:
            offset = INSTANCE_DELETE_SECONDS + CLUSTER_DELETE_SECONDS + (s - self.b)
        return self.t0 + dt.timedelta(seconds=int(offset))


def route53_time(t: dt.datetime) -> str:
    """Route 53 writes submittedAt like "Feb 26, 2026 9:56:42 PM"."""
    hour = t.hour % 12 or 12
    return f"{t.strftime('%b')} {t.day}, {t.year} {hour}:{t.strftime('%M:%S')} {'PM' if t.hour >= 12 else 'AM'}"


def sec(t: dt.datetime, seconds: float) -> dt.datetime:
    return t + dt.timedelta(seconds=int(seconds))


def delete_calls(trail: Trail, state: State, address: str, start: dt.datetime, end: dt.datetime) -> list[str]:
    """Emits the provider's API calls for deleting one resource; returns the names of the calls (for the README)."""
    kind = state.by_address[address]["type"]
    a = state.attrs(address)
    tf = terraform_agent
    dv = "Client.DependencyViolation"
    calls: list[str] = []

    def add(t, service, name, request, response=None, **kw):
        calls.append(name)
        return trail.add(t, service, name, request, response, agent=tf(service), **kw)

    def poll(t, service, name, request):
        trail.add(t, service, name, request, None, agent=tf(service), read_only=True)

    if kind == "aws_iam_access_key":
        add(start, "iam", "DeleteAccessKey", {"userName": a["user"], "accessKeyId": a["id"]})
    elif kind == "aws_iam_role_policy_attachment":
        add(start, "iam", "DetachRolePolicy", {"roleName": a["role"], "policyArn": a["policy_arn"]})
    elif kind == "aws_iam_user_policy":
        add(start, "iam", "DeleteUserPolicy", {"userName": a["user"], "policyName": a["name"]})
    elif kind == "aws_iam_user":
        add(start, "iam", "DeleteUser", {"userName": a["name"]})
    elif kind == "aws_iam_role":
        add(start, "iam", "DeleteRole", {"roleName": a["name"]})
    elif kind == "aws_instance":
        # Provider >= 4.16 turns termination protection off before terminating, whatever its value.
        add(start, "ec2", "ModifyInstanceAttribute", {"instanceId": a["id"], "disableApiTermination": {"value": False}},
            ec2_ok())
        add(sec(start, 1), "ec2", "TerminateInstances", {"instancesSet": {"items": [{"instanceId": a["id"]}]}},
            ec2_ok(instancesSet={"items": [{"instanceId": a["id"], "currentState": {"code": 32, "name": "shutting-down"},
                                            "previousState": {"code": 16, "name": "running"}}]}))
        poll(sec(start, 12), "ec2", "DescribeInstances",
             {"instancesSet": {"items": [{"instanceId": a["id"]}]}, "filterSet": {}})
        poll(sec(end, -1), "ec2", "DescribeInstances",
             {"instancesSet": {"items": [{"instanceId": a["id"]}]}, "filterSet": {}})
    elif kind == "aws_lb_listener":
        add(start, "elasticloadbalancing", "DeleteListener", {"listenerArn": a["arn"]})
    elif kind == "aws_lb_target_group":
        add(start, "elasticloadbalancing", "DeleteTargetGroup", {"targetGroupArn": a["arn"]})
    elif kind == "aws_lb":
        add(start, "elasticloadbalancing", "DeleteLoadBalancer", {"loadBalancerArn": a["arn"]})
        # The provider waits for the ALB's network interfaces to go before it reports the delete.
        poll(sec(end, -2), "ec2", "DescribeNetworkInterfaces",
             {"filterSet": {"items": [{"name": "description", "valueSet": {"items": [
                 {"value": f"ELB {a['arn_suffix']}"}]}}]}})
    elif kind == "aws_rds_cluster_instance":
        add(start, "rds", "DeleteDBInstance", {"dBInstanceIdentifier": a["identifier"]},
            {"dBInstanceIdentifier": a["identifier"], "dBInstanceClass": a["instance_class"], "engine": a["engine"],
             "dBInstanceStatus": "deleting", "masterUsername": "pgusr", "dBName": "coursemanagement",
             "endpoint": {"address": a["endpoint"], "port": a["port"]}, "availabilityZone": a["availability_zone"],
             "dBSubnetGroup": {"dBSubnetGroupName": a["db_subnet_group_name"], "subnetGroupStatus": "Complete",
                               "vpcId": state.attrs("aws_vpc.course_management_vpc")["id"]},
             "engineVersion": a["engine_version_actual"], "publiclyAccessible": False, "storageEncrypted": False,
             "dBClusterIdentifier": a["cluster_identifier"], "dbiResourceId": a["dbi_resource_id"],
             "dBInstanceArn": a["arn"], "promotionTier": a["promotion_tier"], "deletionProtection": False,
             "backupRetentionPeriod": 1, "networkType": a["network_type"]})
        for minutes in (1, 2, 3, 4):
            poll(sec(start, 60 * minutes + 2), "rds", "DescribeDBInstances", {"dBInstanceIdentifier": a["identifier"]})
        poll(sec(end, -3), "rds", "DescribeDBInstances", {"dBInstanceIdentifier": a["identifier"]})
    elif kind == "aws_rds_cluster":
        # The recorded call: time and parameters as AWS Support quoted them.
        add(start, "rds", "DeleteDBCluster",
            {"dBClusterIdentifier": a["cluster_identifier"], "skipFinalSnapshot": True, "deleteAutomatedBackups": True},
            {"allocatedStorage": 1, "availabilityZones": a["availability_zones"],
             "backupRetentionPeriod": a["backup_retention_period"], "databaseName": a["database_name"],
             "dBClusterIdentifier": a["cluster_identifier"],
             "dBClusterParameterGroup": a["db_cluster_parameter_group_name"], "dBSubnetGroup": a["db_subnet_group_name"],
             "status": "deleting", "endpoint": a["endpoint"], "multiAZ": False, "engine": a["engine"],
             "engineVersion": a["engine_version_actual"], "port": 5432, "masterUsername": "pgusr",
             "preferredBackupWindow": a.get("preferred_backup_window", "01:00-01:30"),
             "dBClusterMembers": [], "storageEncrypted": False, "dbClusterResourceId": a["cluster_resource_id"],
             "dBClusterArn": a["arn"], "deletionProtection": False, "engineMode": "provisioned"})
        poll(sec(start, 30), "rds", "DescribeDBClusters", {"dBClusterIdentifier": a["cluster_identifier"]})
        poll(sec(start, 61), "rds", "DescribeDBClusters", {"dBClusterIdentifier": a["cluster_identifier"]})
        poll(sec(end, -4), "rds", "DescribeDBClusters", {"dBClusterIdentifier": a["cluster_identifier"]})
    elif kind == "aws_db_subnet_group":
        add(start, "rds", "DeleteDBSubnetGroup", {"dBSubnetGroupName": a["name"]})
    elif kind == "aws_route53_record":
        record_set = {"name": a["name"], "type": a["type"]}
        if a.get("alias"):
            alias = a["alias"][0]
            record_set["aliasTarget"] = {"hostedZoneId": alias["zone_id"], "dNSName": alias["name"],
                                         "evaluateTargetHealth": alias["evaluate_target_health"]}
        else:
            record_set["tTL"] = a["ttl"]
            record_set["resourceRecords"] = [{"value": v} for v in a["records"]]
        change_id = "C" + digest("change", address).hex()[:19].upper()
        add(start, "route53", "ChangeResourceRecordSets",
            {"hostedZoneId": a["zone_id"], "changeBatch": {"changes": [{"action": "DELETE",
                                                                        "resourceRecordSet": record_set}]}},
            {"changeInfo": {"id": f"/change/{change_id}", "status": "PENDING",
                            "submittedAt": route53_time(start)}})
        poll(sec(start, 1), "route53", "GetChange", {"id": change_id})
    elif kind == "aws_route_table_association":
        add(start, "ec2", "DisassociateRouteTable", {"associationId": a["id"]}, ec2_ok())
    elif kind == "aws_route_table":
        add(start, "ec2", "DeleteRouteTable", {"routeTableId": a["id"]}, ec2_ok())
    elif kind == "aws_ses_configuration_set":
        add(start, "ses", "DeleteConfigurationSet", {"configurationSetName": a["name"]})
    elif kind == "aws_ses_domain_dkim":
        pass  # the provider's delete is a no-op: DKIM goes with the domain identity
    elif kind == "aws_ses_domain_mail_from":
        add(start, "ses", "SetIdentityMailFromDomain", {"identity": a["domain"]})
    elif kind == "aws_ses_email_identity":
        add(start, "ses", "DeleteIdentity", {"identity": a["email"]})
    elif kind == "aws_ses_domain_identity":
        add(start, "ses", "DeleteIdentity", {"identity": a["domain"]})
    elif kind == "aws_ecs_service":
        poll(start, "ecs", "DescribeServices", {"services": [a["id"]], "cluster": a["cluster"]})
        service_view = {"serviceArn": a["id"], "serviceName": a["name"], "clusterArn": a["cluster"],
                        "launchType": "FARGATE", "taskDefinition": a["task_definition"],
                        "schedulingStrategy": "REPLICA", "platformVersion": "LATEST"}
        add(sec(start, 1), "ecs", "UpdateService", {"cluster": a["cluster"], "desiredCount": 0, "service": a["id"]},
            {"service": {**service_view, "status": "ACTIVE", "desiredCount": 0, "runningCount": 1}})
        add(sec(start, 2), "ecs", "DeleteService", {"cluster": a["cluster"], "force": False, "service": a["id"]},
            {"service": {**service_view, "status": "DRAINING", "desiredCount": 0, "runningCount": 1}})
        poll(sec(end, -1), "ecs", "DescribeServices", {"services": [a["id"]], "cluster": a["cluster"]})
    elif kind == "aws_ecs_cluster":
        add(start, "ecs", "DeleteCluster", {"cluster": a["id"]},
            {"cluster": {"clusterArn": a["arn"], "clusterName": a["name"], "status": "INACTIVE",
                         "registeredContainerInstancesCount": 0, "runningTasksCount": 0, "pendingTasksCount": 0,
                         "activeServicesCount": 0}})
    elif kind == "aws_ecs_task_definition":
        add(start, "ecs", "DeregisterTaskDefinition", {"taskDefinition": a["arn"]},
            {"taskDefinition": {"taskDefinitionArn": a["arn"], "family": a["family"], "revision": a["revision"],
                                "status": "INACTIVE", "networkMode": "awsvpc", "cpu": a["cpu"],
                                "memory": a["memory"], "requiresCompatibilities": ["FARGATE"],
                                "executionRoleArn": a["execution_role_arn"]}})
    elif kind == "aws_nat_gateway":
        add(start, "ec2", "DeleteNatGateway", {"DeleteNatGatewayRequest": {"NatGatewayId": a["id"]}},
            {"DeleteNatGatewayResponse": {"xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/", "requestId": "",
                                          "natGatewayId": a["id"]}})
        for seconds in (20, 40):
            poll(sec(start, seconds), "ec2", "DescribeNatGateways",
                 {"DescribeNatGatewaysRequest": {"NatGatewayId": {"content": a["id"], "tag": 1}}})
    elif kind == "aws_internet_gateway":
        # The IGW cannot be detached while the VPC still maps public addresses (NAT EIP, bastion, ALBs); the
        # provider retries DependencyViolation. The retries end when the ALBs are gone (see main()).
        vpc = a["vpc_id"]
        message = (f"Network {vpc} has some mapped public address(es). Please unmap those public address(es) "
                   f"before detaching the gateway.")
        for seconds in (0, 2, 6, 14, 24, 34, 44):
            if sec(start, seconds) < end:
                add(sec(start, seconds), "ec2", "DetachInternetGateway", {"internetGatewayId": a["id"], "vpcId": vpc},
                    error=(dv, message))
        add(end, "ec2", "DetachInternetGateway", {"internetGatewayId": a["id"], "vpcId": vpc}, ec2_ok())
        add(sec(end, 1), "ec2", "DeleteInternetGateway", {"internetGatewayId": a["id"]}, ec2_ok())
    elif kind == "aws_eip":
        # The state still has the NAT gateway's association; it went with the NAT gateway, and the provider
        # ignores InvalidAssociationID.NotFound.
        add(start, "ec2", "DisassociateAddress", {"associationId": a["association_id"]},
            error=("Client.InvalidAssociationID.NotFound",
                   f"The association ID '{a['association_id']}' does not exist"))
        add(sec(start, 1), "ec2", "ReleaseAddress",
            {"allocationId": a["allocation_id"], "networkBorderGroup": a["network_border_group"]}, ec2_ok())
    elif kind == "aws_cloudwatch_log_group":
        add(start, "logs", "DeleteLogGroup", {"logGroupName": a["name"]})
    elif kind == "aws_ecr_repository":
        # force_delete is not set and CI/CD pushed the images the services run: AWS refuses the delete.
        add(start, "ecr", "DeleteRepository",
            {"repositoryName": a["name"], "registryId": a["registry_id"], "force": bool(a.get("force_delete"))},
            error=("RepositoryNotEmptyException",
                   f"The repository with name '{a['name']}' in registry with id '{a['registry_id']}' cannot be "
                   f"deleted because it still contains images"))
    elif kind == "aws_security_group":
        if address == "aws_security_group.course_management_sg":
            # The ALBs' network interfaces are still being released: DependencyViolation, retried.
            for seconds in (0, 2, 7):
                add(sec(start, seconds), "ec2", "DeleteSecurityGroup", {"groupId": a["id"]},
                    error=(dv, f"resource {a['id']} has a dependent object"))
            add(sec(start, 17), "ec2", "DeleteSecurityGroup", {"groupId": a["id"]}, ec2_ok(groupId=a["id"]))
        else:
            add(start, "ec2", "DeleteSecurityGroup", {"groupId": a["id"]}, ec2_ok(groupId=a["id"]))
    elif kind == "aws_subnet":
        add(start, "ec2", "DeleteSubnet", {"subnetId": a["id"]}, ec2_ok())
    elif kind == "aws_vpc":
        add(start, "ec2", "DeleteVpc", {"vpcId": a["id"]}, ec2_ok())
    else:
        raise SystemExit(f"make_trail.py: no API mapping for {kind} ({address}); add one")
    return calls


def phase_destroy(trail: Trail, state: State, operations: list[dict]) -> dict[str, list[str]]:
    cluster_op = next(op for op in operations if op["type"] == "aws_rds_cluster")
    clock = Clock(cluster_op["start_s"], cluster_op["end_s"])
    tf = terraform_agent

    # Refresh before the destroy plan (a few of the ~50 reads).
    t = clock(0) - dt.timedelta(seconds=34)
    trail.add(t, "sts", "GetCallerIdentity", None, None, agent=tf("sts"), read_only=True)
    trail.add(sec(t, 1), "sts", "GetCallerIdentity", None, None, agent=tf("sts"), read_only=True)
    vpc = state.attrs("aws_vpc.course_management_vpc")["id"]
    cluster = state.attrs("aws_rds_cluster.dev_course_management_cluster")
    reads = [
        ("ec2", "DescribeVpcs", {"vpcSet": {"items": [{"vpcId": vpc}]}, "filterSet": {}}),
        ("rds", "DescribeDBClusters", {"dBClusterIdentifier": cluster["cluster_identifier"]}),
        ("rds", "DescribeDBInstances", {"dBInstanceIdentifier": "course-management-instance-0"}),
        ("elasticloadbalancing", "DescribeLoadBalancers",
         {"loadBalancerArns": [state.attrs("aws_lb.course_managemenent_alb_prod")["arn"]]}),
        ("ecs", "DescribeServices", {"services": [state.attrs("aws_ecs_service.course_management_service_prod")["id"]],
                                     "cluster": state.attrs("aws_ecs_cluster.course_management_cluster")["arn"],
                                     "include": ["TAGS"]}),
        ("iam", "GetRole", {"roleName": state.attrs("aws_iam_role.ecs_execution_role")["name"]}),
        ("route53", "ListResourceRecordSets", {"hostedZoneId": state.attrs("aws_route53_record.subdomain_alias_prod")
                                               ["zone_id"], "startRecordName": "courses.datatalks.club",
                                               "startRecordType": "A", "maxItems": "1"}),
    ]
    for i, (service, name, request) in enumerate(reads):
        trail.add(sec(t, 3 + i * 2), service, name, request, None, agent=tf(service), read_only=True)

    # Operations in Blastline's order; those starting at the same simulated second start within ~3 s.
    ordered = sorted(enumerate(operations), key=lambda item: (item[1]["start_s"], item[0]))
    seen_at: dict[float, int] = {}
    by_type: dict[str, list[str]] = {}
    lb_ends = [clock(op["end_s"]) for op in operations if op["type"] == "aws_lb"]
    for _, op in ordered:
        if op["action"] != "delete" or op["outcome"] != "done":
            continue
        k = seen_at.get(op["start_s"], 0)
        seen_at[op["start_s"]] = k + 1
        start = clock(op["start_s"])
        if op["type"] != "aws_rds_cluster":
            start = sec(start, k * 0.35)
        end = max(clock(op["end_s"]), sec(start, 1))
        if op["type"] == "aws_internet_gateway":
            end = sec(max(lb_ends), 5) if lb_ends else end
        calls = delete_calls(trail, state, op["address"], start, end)
        by_type.setdefault(op["type"], [])
        for call in calls:
            if call not in by_type[op["type"]]:
                by_type[op["type"]].append(call)
    return by_type


# --------------------------------------------------------------------------------------------------------------
# Delivery: 5-minute files per region, as CloudTrail writes them, plus one duplicated record.


def write_files(trail: Trail, out: Path, duplicate_of: dict) -> list[Path]:
    base = out / "AWSLogs" / trail.account / "CloudTrail"
    if base.exists():
        for old in base.rglob("*.json.gz"):
            if re.fullmatch(rf"{trail.account}_CloudTrail_[a-z0-9-]+_\d{{8}}T\d{{4}}Z_[A-Za-z0-9]{{16}}\.json\.gz",
                            old.name):
                old.unlink()
    groups: dict[tuple[str, dt.datetime], list[dict]] = {}
    for record in trail.records:
        t = record["_t"]
        window = t.replace(minute=t.minute - t.minute % 5, second=0)
        groups.setdefault((record["awsRegion"], window), []).append(record)

    # CloudTrail may deliver an event twice (same eventID): put one into the region's next file as well.
    region = duplicate_of["awsRegion"]
    t = duplicate_of["_t"]
    window = t.replace(minute=t.minute - t.minute % 5, second=0)
    later = sorted(w for (r, w) in groups if r == region and w > window)
    if not later:
        raise SystemExit("make_trail.py: no later file for the duplicated record")
    groups[(region, later[0])].append(duplicate_of)

    written = []
    for (region, window), records in sorted(groups.items()):
        delivered = window + dt.timedelta(minutes=5 + 1 + digest("delay", region, window)[0] % 4)
        stamp = delivered.strftime("%Y%m%dT%H%MZ")
        name = f"{trail.account}_CloudTrail_{region}_{stamp}_{unique_string(region, stamp)}.json.gz"
        folder = base / region / delivered.strftime("%Y/%m/%d")
        folder.mkdir(parents=True, exist_ok=True)
        # Records in a delivered file are not in time order.
        shuffled = sorted(records, key=lambda r: r["_t"])
        random.Random(name).shuffle(shuffled)
        body = json.dumps({"Records": [{k: v for k, v in r.items() if k != "_t"} for r in shuffled]},
                          separators=(",", ":"))
        path = folder / name
        path.write_bytes(gzip.compress(body.encode(), compresslevel=9, mtime=0))
        written.append(path)
    return written


def secret_values(state: State) -> list[str]:
    """Values the trail must never hold: the state's sensitive attributes and every FAKE-/EXAMPLEKEY token."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            found.update(re.findall(r"FAKE-[A-Za-z0-9_-]+|[A-Za-z0-9/+]{20,}EXAMPLEKEY", value))

    for entry in state.by_address.values():
        attributes = entry["attributes"]
        for path in entry["sensitive"]:
            steps = [step["value"] for step in path if step.get("type") in ("get_attr", "index")]
            value = attributes
            for step in steps:
                value = value.get(step) if isinstance(value, dict) else None
            if isinstance(value, str) and value:
                found.add(value)
        walk(attributes)
    return sorted(found)


def load_operations(args) -> list[dict]:
    if args.destroy_json:
        data = json.loads(Path(args.destroy_json).read_text())
    else:
        command = [args.blastline, "destroy", str(args.state), "--format", "json", "--as-of", "2026-02-26"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode not in (0, 1, 2, 3):
            raise SystemExit(f"make_trail.py: {' '.join(command)} failed:\n{result.stderr}")
        data = json.loads(result.stdout)
    if data.get("schema") != "blastline.simulation/1":
        raise SystemExit("make_trail.py: expected the output of `blastline destroy --format json`")
    return data["operations"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--destroy-json", help="saved output of `blastline destroy production.tfstate --format json`")
    source.add_argument("--blastline", help="path of the blastline binary, run to compute the destroy order")
    parser.add_argument("--state", type=Path, default=HERE / "production.tfstate")
    parser.add_argument("--out", type=Path, default=HERE / "cloudtrail")
    args = parser.parse_args()

    state = State(args.state)
    operations = load_operations(args)
    missing = [op["address"] for op in operations if op["address"] not in state.by_address]
    if missing:
        raise SystemExit(f"make_trail.py: the simulation names addresses the state lacks: {missing}")
    unplanned = sorted(set(state.by_address) - {op["address"] for op in operations})
    if unplanned:
        raise SystemExit(f"make_trail.py: the simulation does not delete {unplanned}")

    trail = Trail(state.account)
    dup = duplicate_ids()
    phase_duplicates(trail, state, dup)
    phase_cli_cleanup(trail, dup)
    mapping = phase_destroy(trail, state, operations)

    pinned = [r for r in trail.records if r["eventName"] == "DeleteDBCluster"]
    assert len(pinned) == 1 and pinned[0]["eventTime"] == iso(CLUSTER_DELETE_TIME), pinned
    duplicate_of = next(r for r in trail.records if r["eventName"] == "DeleteLoadBalancer"
                        and r["requestParameters"]["loadBalancerArn"].split("/")[-2] == "course-management-prod")
    files = write_files(trail, args.out, duplicate_of)

    text = "".join(gzip.decompress(p.read_bytes()).decode() for p in files)
    leaked = [s for s in secret_values(state) if s in text]
    if leaked:
        raise SystemExit(f"make_trail.py: a secret of the state ended up in the trail: {leaked}")

    print(f"{len(trail.records)} records (+1 duplicate) in {len(files)} files under {args.out}")
    for path in files:
        print(f"  {path.relative_to(args.out)}")
    print("API calls per resource type (destroy phase):")
    for kind in sorted(mapping):
        print(f"  {kind}: {', '.join(mapping[kind]) or '-'}")
    no_call = sorted({state.by_address[op['address']]['type'] for op in operations} - set(mapping))
    for kind in no_call:
        print(f"  {kind}: (no API call)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
