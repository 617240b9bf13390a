#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue 6's performance targets, measured side by side in one run (docs/benchmarks.md):
#   blastline case import case.blc trail        vs   node peer_cloudtrail_duckdb.mjs trail peer.duckdb
# on the 1,000,000-event trail of ../shared/bench/gen_cloudtrail.py: wall time, then the size of each file, then
# how long one page of 1,000 events of one resource takes to come back from the 1,000,000-event case.
# Usage: case_vs_peer.sh BLASTLINE SHARED_DIR WORK_DIR
set -euo pipefail
blastline=$1
shared=$2
work=$3
source "$(dirname "$0")/cloudtrail_setup.sh"

case_file="$work/bench.blc"
duck_file="$work/peer.duckdb"
echo "== import into a new file, side by side (hyperfine, 3 runs each, the file removed before each run)"
hyperfine --runs 3 --export-markdown "$work/case-hyperfine.md" \
    --prepare "rm -f $case_file $case_file-wal $case_file-shm" -n blastline-case-import \
    "$blastline case import $case_file $trail >/dev/null" \
    --prepare "rm -f $duck_file $duck_file.wal" -n peer-duckdb-to-file \
    "node $peer/peer_cloudtrail_duckdb.mjs $trail $duck_file >/dev/null"

echo "== file sizes, after one import of the trail alone into a new case (as the target is stated)"
rm -f "$case_file" "$case_file-wal" "$case_file-shm" "$duck_file" "$duck_file.wal"
/usr/bin/time -f "blastline case import: %e s wall, %M KB max RSS" "$blastline" case import "$case_file" "$trail" >/dev/null
/usr/bin/time -f "peer duckdb to file:   %e s wall, %M KB max RSS" \
    node "$peer/peer_cloudtrail_duckdb.mjs" "$trail" "$duck_file" >/dev/null
case_bytes=$(stat -c %s "$case_file")
duck_bytes=$(stat -c %s "$duck_file")
echo "case file: $case_bytes bytes; DuckDB file: $duck_bytes bytes; ratio $(python3 -c "print(round($case_bytes / $duck_bytes, 3))") (target <= 2)"

# For the page: a case with a small state whose database the generated trail names, so that events link to it.
linked="$work/bench-linked.blc"
rm -f "$linked" "$linked-wal" "$linked-shm"
state="$work/bench-state.tfstate"
cat >"$state" <<'JSON'
{"version": 4, "terraform_version": "1.7.4", "serial": 1, "lineage": "bench-0000", "outputs": {}, "resources": [
 {"mode": "managed", "type": "aws_db_instance", "name": "prod", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
  "instances": [{"schema_version": 2, "attributes": {"id": "db-PRODPOSTGRES", "identifier": "prod-postgres"}}]},
 {"mode": "managed", "type": "aws_s3_bucket", "name": "uploads", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
  "instances": [{"schema_version": 0, "attributes": {"id": "dtc-uploads", "bucket": "dtc-uploads"}}]}]}
JSON
"$blastline" case import "$linked" "$state" "$trail"
case_file=$linked

echo "== one page of 1,000 events of one resource (whole command, process start included)"
"$blastline" case events "$case_file" --address aws_db_instance.prod --limit 1 --format jsonl | head -c 300; echo
hyperfine --warmup 2 --runs 20 -N \
    -n first-page "$blastline case events $case_file --address aws_db_instance.prod --limit 1000 --format jsonl" \
    -n page-at-20000 "$blastline case events $case_file --address aws_db_instance.prod --offset 20000 --limit 1000 --format jsonl"
