# SPDX-License-Identifier: MIT
# Sourced by the CloudTrail benchmarks (timeline_vs_peer.sh, case_vs_peer.sh) after they set `shared` and `work`:
# installs hyperfine, generates the 1,000,000-event trail once into $work/trail1m and the DuckDB peer once into
# $work/duckdb-peer, and sets `trail` and `peer` to them.
mkdir -p "$work"
"$(dirname "${BASH_SOURCE[0]}")/../scripts/install-deps.sh" hyperfine
command -v node >/dev/null && command -v npm >/dev/null || { echo "the DuckDB peer needs node and npm" >&2; exit 1; }

trail="$work/trail1m"
[ -d "$trail/AWSLogs" ] || python3 "$shared/bench/gen_cloudtrail.py" "$trail" --events 1000000 >/dev/null
peer="$work/duckdb-peer"
if [ ! -d "$peer/node_modules/@duckdb/node-api" ]; then
    mkdir -p "$peer"
    cp "$shared/bench/peer_cloudtrail_duckdb.mjs" "$peer/"
    (cd "$peer" && npm install --no-save --silent @duckdb/node-api@1.5.6-r.1 >/dev/null)
fi
echo "== input: $(find -L "$trail" -name '*.json.gz' | wc -l) files, $(du -shL "$trail" | cut -f1) gzip, $(nproc) cores"
