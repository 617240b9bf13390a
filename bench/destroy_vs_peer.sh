#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue 2's performance target, measured side by side in one run (docs/benchmarks.md):
#   blastline destroy big.tfstate --format json   vs   /usr/bin/python3 peer_destroy_order.py big.tfstate
# on the 1,000-stack state of ../shared/bench/gen_tfstate.py (52,000 instances, 43 MB); then peak
# memory of each, and that the 10,000-stack state (520,000 instances) finishes.
# Usage: destroy_vs_peer.sh BLASTLINE SHARED_DIR WORK_DIR [--skip-huge]
set -euo pipefail
blastline=$1
shared=$2
work=$3
skip_huge=${4:-}
mkdir -p "$work"
"$(dirname "$0")/../scripts/install-deps.sh" hyperfine python3-networkx

big="$work/big.tfstate"
[ -s "$big" ] || python3 "$shared/bench/gen_tfstate.py" "$big" --stacks 1000 >/dev/null
echo "== input: $(du -h "$big" | cut -f1) ($(stat -c %s "$big") bytes), $(nproc) cores"

echo "== wall time, side by side (hyperfine, 3 warm-ups, 10 runs each)"
hyperfine --warmup 3 --runs 10 --export-markdown "$work/destroy-hyperfine.md" \
    -n blastline "$blastline destroy $big --format json >/dev/null" \
    -n peer-python-networkx "/usr/bin/python3 $shared/bench/peer_destroy_order.py $big >/dev/null"

echo "== peak memory (max RSS)"
/usr/bin/time -f "blastline: %e s wall, %M KB max RSS" "$blastline" destroy "$big" --format json >/dev/null
/usr/bin/time -f "peer:      %e s wall, %M KB max RSS" /usr/bin/python3 "$shared/bench/peer_destroy_order.py" "$big" >/dev/null
echo "(target: blastline max RSS <= 4 x $(stat -c %s "$big") bytes = $(( $(stat -c %s "$big") * 4 / 1024 )) KB)"

if [ "$skip_huge" != "--skip-huge" ]; then
    huge="$work/huge.tfstate"
    [ -s "$huge" ] || python3 "$shared/bench/gen_tfstate.py" "$huge" --stacks 10000 >/dev/null
    echo "== 10,000 stacks: $(du -h "$huge" | cut -f1)"
    /usr/bin/time -f "blastline huge: %e s wall, %M KB max RSS" "$blastline" destroy "$huge" --format json \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print("operations:", len(d["operations"]), "summary:", d["summary"])'
    /usr/bin/time -f "peer huge:      %e s wall, %M KB max RSS" /usr/bin/python3 "$shared/bench/peer_destroy_order.py" "$huge"
fi
