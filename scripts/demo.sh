#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job: install what is missing, build (release), and simulate `terraform destroy -auto-approve`
# on the DataTalks.Club production state as it stood on 26 Feb 2026 (sample-data/datatalks-2026).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target blastline # the demo needs the binary, not the tests
build/release/app/cli/blastline destroy sample-data/datatalks-2026/production.tfstate --as-of 2026-02-26 --compare "$@"
