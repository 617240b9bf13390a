#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Blastline builds with, skipping those already present.
# Used by scripts/demo.sh and scripts/test.sh; safe to run again. Extra package names given as
# arguments are installed too (the benchmarks ask for hyperfine and python3-networkx that way).
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache pkg-config
    libboost-graph-dev nlohmann-json3-dev libcli11-dev libsimdjson-dev libdeflate-dev zlib1g-dev libsqlite3-dev
    libgtest-dev libgmock-dev
    qt6-base-dev qt6-svg-dev libgl-dev
    xvfb xauth chromium fonts-dejavu-core tzdata libxml2-utils
    "$@"
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
