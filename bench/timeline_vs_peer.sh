#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue 5's performance target, measured side by side in one run (docs/benchmarks.md):
#   blastline timeline trail --only destructive --format jsonl   vs   node peer_cloudtrail_duckdb.mjs trail
# on the 1,000,000-event trail of ../shared/bench/gen_cloudtrail.py (500 .json.gz files, 1.25 GB of JSON);
# then peak memory, one thread against two, and the single-core zlib floor (zcat) that justified libdeflate.
# Usage: timeline_vs_peer.sh BLASTLINE SHARED_DIR WORK_DIR
set -euo pipefail
blastline=$1
shared=$2
work=$3
source "$(dirname "$0")/cloudtrail_setup.sh"

echo "== wall time, side by side (hyperfine, 1 warm-up, 5 runs each)"
hyperfine --warmup 1 --runs 5 --export-markdown "$work/timeline-hyperfine.md" \
    -n blastline "$blastline timeline $trail --only destructive --format jsonl >/dev/null" \
    -n peer-duckdb "node $peer/peer_cloudtrail_duckdb.mjs $trail >/dev/null"

echo "== peak memory (max RSS) and CPU use"
/usr/bin/time -f "blastline:           %e s wall, %P CPU, %M KB max RSS" \
    "$blastline" timeline "$trail" --only destructive --format jsonl >/dev/null
/usr/bin/time -f "blastline --threads 1: %e s wall, %P CPU, %M KB max RSS" \
    "$blastline" timeline "$trail" --only destructive --format jsonl --threads 1 >/dev/null
/usr/bin/time -f "peer duckdb:         %e s wall, %P CPU, %M KB max RSS" \
    node "$peer/peer_cloudtrail_duckdb.mjs" "$trail" >/dev/null
echo "(target: blastline max RSS <= 300 MB = 307,200 KB)"

echo "== decompression alone, zlib on one core (the floor a zlib-based reader could not go below per core)"
/usr/bin/time -f "zcat | wc -c:        %e s wall" sh -c "find -L $trail -name '*.json.gz' -print0 | xargs -0 zcat | wc -c"
