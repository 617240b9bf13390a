#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (tests/fuzz, preset "fuzz": clang++, ASan + UBSan), seeds a corpus per target
# and runs each one in turn for SECONDS (default 60). Crashes, hangs, leaks and sanitizer reports are written
# to build/fuzz/artifacts/<target>/; the script exits non-zero if any target found one.
#
#   scripts/fuzz.sh [--jobs N] [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 120 fuzz_condition fuzz_configuration
#
# --jobs N runs N targets at a time (default 1), each on its own corpus, artifacts and log; a long campaign on a
# shared machine: nice -n 19 scripts/fuzz.sh --jobs 2 1800
#
# Reproduce a finding: build/fuzz/tests/fuzz/<target> build/fuzz/artifacts/<target>/crash-...
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
jobs=1
if [ "${1:-}" = "--jobs" ]; then
    jobs=${2:?--jobs needs a number}
    shift 2
fi
seconds=${1:-60}
shift || true
all_targets=(fuzz_state fuzz_plan fuzz_inventory fuzz_configuration fuzz_catalogue fuzz_cloudtrail fuzz_panther_rule
    fuzz_scenario fuzz_resource_address fuzz_condition)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=("${all_targets[@]}")
fi

# clang 14 (Debian 12) ships libFuzzer's runtime in libclang-rt-14-dev (libclang_rt.fuzzer-x86_64.a);
# libfuzzer-14-dev is the standalone library, not needed with -fsanitize=fuzzer.
extra=()
command -v clang++ >/dev/null 2>&1 || extra+=(clang)
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    extra+=(libclang-rt-14-dev)
fi
scripts/install-deps.sh "${extra[@]}"

cmake --preset fuzz >/dev/null
cmake --build build/fuzz --target "${targets[@]}" -j"$(nproc)"

shared=${BLASTLINE_SHARED_DIR:-$root/../shared}
seeds=$root/tests/fuzz/seeds
work=$root/build/fuzz
rm -rf "$work/seed-corpus"
seed() { # seed TARGET FILE...: copies the existing files into the target's seed folder
    local target=$1
    shift
    mkdir -p "$work/seed-corpus/$target"
    local file
    for file in "$@"; do
        [ -f "$file" ] && cp "$file" "$work/seed-corpus/$target/$(basename "$(dirname "$file")")-$(basename "$file")"
    done
    return 0
}
shopt -s nullglob globstar
seed fuzz_state "$shared"/corpus/tfstate/* sample-data/**/*.tfstate
seed fuzz_plan "$shared"/corpus/plan/* sample-data/**/plan.json
seed fuzz_inventory "$seeds"/inventory/*
seed fuzz_configuration "$seeds"/hcl/*.tf
seed fuzz_catalogue importers/rules/*.json
seed fuzz_cloudtrail "$shared"/corpus/cloudtrail/* sample-data/**/*.json.gz "$seeds"/cloudtrail/*
seed fuzz_panther_rule "$shared"/corpus/cloudtrail/*.yml
seed fuzz_scenario sample-data/**/scenario.json
seed fuzz_resource_address "$seeds"/address/*
seed fuzz_condition "$seeds"/condition/*
# The built-in catalogue's `when` conditions are realistic condition seeds too.
if command -v python3 >/dev/null 2>&1; then
    python3 - "$work/seed-corpus/fuzz_condition" importers/rules/*.json <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1]); n = 0
def walk(v):
    global n
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "when" and isinstance(x, str) and x:
                n += 1; (out / f"catalogue-when-{n}.txt").write_text(x)
            else:
                walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
for f in sys.argv[2:]: walk(json.load(open(f)))
PY
fi

run_target() { # run_target TARGET: one fuzzing run; its summary line goes to $work/summary/TARGET
    local target=$1
    local corpus=$work/corpus/$target # grows across runs; seeds are merged in read-only
    local artifacts=$work/artifacts/$target
    local log=$work/logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    echo "== $target: ${seconds}s" >&2
    local rc=0
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$work/tests/fuzz/$target" "$corpus" "$work/seed-corpus/$target" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || rc=$?
    local execs peak corpus_size
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    corpus_size=$(find "$corpus" -type f | wc -l)
    if [ $rc -ne 0 ]; then
        echo "$target: FINDING (exit $rc) after ${execs:-?} execs; see $log and $artifacts/" >"$work/summary/$target"
        grep -m3 -E 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error|SUMMARY' "$log" >&2 || true
    else
        echo "$target: ${seconds}s, ${execs:-?} execs, peak RSS ${peak:-?} MB, corpus $corpus_size files, no findings" \
            >"$work/summary/$target"
    fi
}

rm -rf "$work/summary"
mkdir -p "$work/summary"
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n || true
    done
    run_target "$target" &
done
wait
status=0
for target in "${targets[@]}"; do
    cat "$work/summary/$target"
    grep -q "FINDING" "$work/summary/$target" && status=1
done
exit $status
