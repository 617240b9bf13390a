#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every test: install what is missing, build the dev preset (warnings are errors) and run the whole
# suite, then the same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
# Tests that read ../shared/corpus skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

for preset in dev asan; do
    echo "== ${preset}: configure and build" >&2
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j2
    echo "== ${preset}: test" >&2
    ctest --preset "$preset" -j2
done
