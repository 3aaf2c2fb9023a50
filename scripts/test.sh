#!/usr/bin/env bash
# Runs mlc's whole test suite (lit + GoogleTest) on a fresh or existing
# checkout: sets up what is missing, builds, and ends with `N passed, N failed`.
#
#   scripts/test.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
"$root/scripts/setup.sh" "$build"
cmake --build "$build" --target check-mlc
