#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write the reconstructed evidence of the Code Spaces incident (17 Jun 2014): state.tfstate and cloudtrail/.

Code Spaces published no inventory, no identifiers and no clock times (incidents.md section 2.2). What the
statement says was removed, "all EBS snapshots, S3 buckets, all AMI's, some EBS instances and several machine
instances", is all this rests on; every name, ID, size, time and the attacker's login below is invented, and
README.md says so. Code Spaces did not use Terraform (0.1 appeared in July 2014): state.tfstate is an inventory of
their EC2/EBS/S3 estate written in Terraform's state format 4 so that Blastline can name what each recorded delete
removed. The trail is written in today's CloudTrail record format; whether Code Spaces had CloudTrail on (it
launched in November 2013) is not known.

Usage (from this directory): python3 make_sample.py
Standard library only, no network, deterministic: the same script gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCOUNT = "444455556666"  # an AWS documentation account ID
REGION = "us-east-1"
ATTACKER = "backup-admin2"  # the statement: the attacker "had already created a number [of] backup logins"
SOURCE_IP = "203.0.113.66"  # TEST-NET-3
CONSOLE = "console.amazonaws.com"
S3_CONSOLE = "[S3Console/0.4, aws-internal/3]"

# (name, id, size GiB, availability zone): old-style 8-hex-digit IDs, as AWS issued them in 2014.
INSTANCES = [("svn_1", "i-3f8a1c52"), ("svn_2", "i-7b21d9e4"), ("git_1", "i-a4c7e013"), ("web_1", "i-5d90b8a7"),
             ("web_2", "i-e26f4c18")]
VOLUMES = [("repositories_svn", "vol-8c2e5f71", 500, "svn_1"), ("repositories_git", "vol-1b7d3a96", 500, "git_1"),
           ("database", "vol-d4a09e3c", 200, "web_1")]
SNAPSHOTS = [("repositories_svn_nightly", "snap-6e1f9b24", "repositories_svn"),
             ("repositories_git_nightly", "snap-b83c0d57", "repositories_git"),
             ("database_nightly", "snap-29d4e8a1", "database"),
             ("ami_svn_root", "snap-f05a7c3e", None), ("ami_web_root", "snap-4a8e2b69", None)]
AMIS = [("svn", "ami-7c1e3a58", "ami_svn_root"), ("web", "ami-c93b6f02", "ami_web_root")]
BUCKETS = [("repository_backups", "codespaces-repository-backups"), ("offsite_backups", "codespaces-offsite-backups"),
           ("machine_configs", "codespaces-machine-configs")]
# What the attacker deleted: the statement says all snapshots, buckets and AMIs, "some EBS instances" (volumes)
# and "several machine instances"; which ones is invented.
TERMINATED = ["svn_1", "git_1", "web_1", "web_2"]
DELETED_VOLUMES = ["repositories_svn", "database"]
START = dt.datetime(2014, 6, 17, 19, 2, 11, tzinfo=dt.timezone.utc)  # reconstructed


def digest(*parts: object) -> bytes:
    return hashlib.sha256("|".join(["codespaces-2014", *map(str, parts)]).encode()).digest()


def uid(*parts: object) -> str:
    return str(uuid.UUID(bytes=digest(*parts)[:16], version=4))


def provider() -> str:
    return 'provider["registry.terraform.io/hashicorp/aws"]'


def resource(type_: str, name: str, attributes: dict, dependencies: list[str] | None = None) -> dict:
    instance = {"schema_version": 0, "attributes": attributes, "sensitive_attributes": []}
    if dependencies:
        instance["dependencies"] = dependencies
    return {"mode": "managed", "type": type_, "name": name, "provider": provider(), "instances": [instance]}


def tags(name: str) -> dict:
    return {"Name": name}


def state() -> dict:
    ids = {name: id_ for name, id_ in INSTANCES}
    volume_ids = {name: id_ for name, id_, _, _ in VOLUMES}
    resources = []
    for name, id_ in INSTANCES:
        resources.append(resource("aws_instance", name, {
            "ami": AMIS[0][1] if name.startswith("svn") else AMIS[1][1],
            "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{id_}", "availability_zone": f"{REGION}a",
            "disable_api_termination": False, "id": id_, "instance_state": "running", "instance_type": "m3.large",
            "root_block_device": [{"delete_on_termination": True, "device_name": "/dev/sda1", "volume_size": 8,
                                   "volume_type": "standard", "volume_id": "vol-" + digest("root", name).hex()[:8]}],
            "tags": tags(name.replace("_", "-")), "tags_all": tags(name.replace("_", "-"))}))
    for name, id_, size, attached in VOLUMES:
        resources.append(resource("aws_ebs_volume", name, {
            "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:volume/{id_}", "availability_zone": f"{REGION}a",
            "encrypted": False, "final_snapshot": False, "id": id_, "kms_key_id": "", "size": size,
            "type": "standard", "tags": tags(name), "tags_all": tags(name)}))
        resources.append(resource("aws_volume_attachment", name, {
            "device_name": "/dev/sdf", "id": "vai-" + digest("attach", name).hex()[:10], "instance_id": ids[attached],
            "volume_id": id_}, [f"aws_ebs_volume.{name}", f"aws_instance.{attached}"]))
    for name, id_, volume in SNAPSHOTS:
        volume_id = volume_ids[volume] if volume else "vol-" + digest("ami-source", name).hex()[:8]
        deps = [f"aws_ebs_volume.{volume}"] if volume else None
        resources.append(resource("aws_ebs_snapshot", name, {
            "arn": f"arn:aws:ec2:{REGION}::snapshot/{id_}", "encrypted": False, "id": id_, "kms_key_id": "",
            "owner_id": ACCOUNT, "volume_id": volume_id, "tags": tags(name), "tags_all": tags(name)}, deps))
    snapshot_ids = {name: id_ for name, id_, _ in SNAPSHOTS}
    for name, id_, snapshot in AMIS:
        resources.append(resource("aws_ami", name, {
            "arn": f"arn:aws:ec2:{REGION}::image/{id_}", "id": id_, "name": f"codespaces-{name}-2014-06",
            "root_device_name": "/dev/sda1",
            "ebs_block_device": [{"device_name": "/dev/sda1", "snapshot_id": snapshot_ids[snapshot]}],
            "tags": tags(name), "tags_all": tags(name)}, [f"aws_ebs_snapshot.{snapshot}"]))
    for name, bucket in BUCKETS:
        resources.append(resource("aws_s3_bucket", name, {
            "arn": f"arn:aws:s3:::{bucket}", "bucket": bucket, "force_destroy": False, "id": bucket,
            "tags": tags(name), "tags_all": tags(name)}))
    return {"version": 4, "terraform_version": "1.7.5", "serial": 1, "lineage": uid("lineage"), "outputs": {},
            "resources": resources, "check_results": None}


def trail() -> list[dict]:
    identity = {"type": "IAMUser", "principalId": "AIDA" + digest("principal").hex()[:17].upper(),
                "arn": f"arn:aws:iam::{ACCOUNT}:user/{ATTACKER}", "accountId": ACCOUNT,
                "accessKeyId": "ASIA" + digest("key").hex()[:16].upper(), "userName": ATTACKER,
                "sessionContext": {"attributes": {"mfaAuthenticated": "false",
                                                  "creationDate": START.strftime("%Y-%m-%dT%H:%M:%SZ")}}}
    calls = []  # (service, eventName, requestParameters)
    for name, id_, _ in AMIS:
        calls.append(("ec2", "DeregisterImage", {"imageId": id_}))
    for name, id_, _ in SNAPSHOTS:  # an AMI's snapshot can only go once the AMI is deregistered
        calls.append(("ec2", "DeleteSnapshot", {"snapshotId": id_}))
    for name, bucket in BUCKETS:  # the console empties a bucket first; object deletes are data events, not logged
        calls.append(("s3", "DeleteBucket", {"bucketName": bucket, "Host": "s3.amazonaws.com"}))
    ids = dict(INSTANCES)
    for name in TERMINATED:
        calls.append(("ec2", "TerminateInstances", {"instancesSet": {"items": [{"instanceId": ids[name]}]}}))
    volume_ids = {name: id_ for name, id_, _, _ in VOLUMES}
    for name in DELETED_VOLUMES:  # detached by the terminations
        calls.append(("ec2", "DeleteVolume", {"volumeId": volume_ids[name]}))
    records = []
    t = START
    for n, (service, name, request) in enumerate(calls):
        t += dt.timedelta(seconds=20 + digest("gap", n)[0] % 70)  # a person clicking through the console
        records.append({
            "eventVersion": "1.01", "userIdentity": identity, "eventTime": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "eventSource": f"{service}.amazonaws.com", "eventName": name, "awsRegion": REGION,
            "sourceIPAddress": SOURCE_IP, "userAgent": S3_CONSOLE if service == "s3" else CONSOLE,
            "requestParameters": request,
            "responseElements": None if service == "s3" else {"_return": True},
            "requestID": uid("request", n), "eventID": uid("event", n), "eventType": "AwsApiCall",
            "recipientAccountId": ACCOUNT, "_t": t})
    return records


def write_trail(records: list[dict]) -> None:
    base = HERE / "cloudtrail" / "AWSLogs" / ACCOUNT / "CloudTrail" / REGION
    for old in base.rglob("*.json.gz") if base.exists() else []:
        old.unlink()
    groups: dict[dt.datetime, list[dict]] = {}
    for record in records:
        t = record["_t"]
        groups.setdefault(t.replace(minute=t.minute - t.minute % 5, second=0), []).append(record)
    for window, group in sorted(groups.items()):
        delivered = window + dt.timedelta(minutes=7)
        stamp = delivered.strftime("%Y%m%dT%H%MZ")
        suffix = "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[b % 62]
                         for b in digest("file", stamp)[:16])
        folder = base / delivered.strftime("%Y/%m/%d")
        folder.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"Records": [{k: v for k, v in r.items() if k != "_t"} for r in group]},
                          separators=(",", ":"))
        name = f"{ACCOUNT}_CloudTrail_{REGION}_{stamp}_{suffix}.json.gz"
        (folder / name).write_bytes(gzip.compress(body.encode(), compresslevel=9, mtime=0))


def main() -> None:
    (HERE / "state.tfstate").write_text(json.dumps(state(), indent=2) + "\n")
    write_trail(trail())


if __name__ == "__main__":
    main()
