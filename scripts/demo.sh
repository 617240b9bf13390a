#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job: install what is missing, build (release), then replay the DataTalks.Club evening of 26 Feb 2026
# (sample-data/datatalks-2026): the simulated `terraform destroy -auto-approve` on the production state with the
# ranked safeguards, the CloudTrail timeline of the evening tied to that state, and the replay of the scenario as it
# happened and with an approval gate. Extra arguments go to the first command (`blastline destroy`).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target blastline # the demo needs the binary, not the tests
blastline=build/release/app/cli/blastline
sample=sample-data/datatalks-2026

echo "== 1. What would terraform destroy -auto-approve remove, and which single safeguard saves the data?"
"$blastline" destroy "$sample/production.tfstate" --as-of 2026-02-26 --compare "$@"
echo
echo "== 2. What CloudTrail shows of the evening: who deleted what, with which tool, and which backups went"
timeline=$(mktemp)
trap 'rm -f "$timeline"' EXIT
"$blastline" timeline "$sample/cloudtrail" --state "$sample/production.tfstate" --only destructive >"$timeline"
head -n 24 "$timeline" # the summary; stopping the command itself early would end the script (pipefail)
echo "   (the whole timeline: $blastline timeline $sample/cloudtrail --state $sample/production.tfstate)"
echo
echo "== 3. The replay: the outcome as it happened, then with an approval gate on the destroy"
"$blastline" replay "$sample" | sed -n '1,/^Events:/p'
"$blastline" replay "$sample" --assume approval-gate | sed -n '1,/^Events:/p'
