#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job: install what is missing, build (release), then replay the DataTalks.Club evening of 26 Feb 2026
# (sample-data/datatalks-2026).
#   With a display ($DISPLAY or $WAYLAND_DISPLAY): the desktop app opens the scenario (graph, timeline, safeguards).
#   Without one (or with --terminal): in the terminal, the simulated `terraform destroy -auto-approve` on the production
#   state with the ranked safeguards, the CloudTrail timeline of the evening tied to that state, the replay as it
#   happened and with an approval gate, and the written postmortem report (HTML and markdown, under build/).
# Other arguments go to the first terminal command (`blastline destroy`).
set -euo pipefail
cd "$(dirname "$0")/.."

terminal=0
if [ "${1:-}" = "--terminal" ]; then
    terminal=1
    shift
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    terminal=1
fi

scripts/install-deps.sh
cmake --preset release >/dev/null
targets=(blastline) # the demo needs the binaries, not the tests
if [ "$terminal" = 0 ]; then
    targets+=(blastline-gui)
fi
cmake --build --preset release -j2 --target "${targets[@]}"
blastline=build/release/app/cli/blastline
sample=sample-data/datatalks-2026

if [ "$terminal" = 0 ]; then
    echo "Opening the DataTalks.Club scenario in blastline-gui (scripts/demo.sh --terminal for the terminal replay)" >&2
    exec build/release/app/gui/blastline-gui "$sample"
fi

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
echo
echo "== 4. The postmortem report, written from the evidence and the engine's findings"
"$blastline" report "$sample" --tz Europe/Berlin --format html -o build/datatalks-2026-report.html
"$blastline" report "$sample" --tz Europe/Berlin --format markdown -o build/datatalks-2026-report.md
echo "   build/datatalks-2026-report.html (open it in a browser) and build/datatalks-2026-report.md"
