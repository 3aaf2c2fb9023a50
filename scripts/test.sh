#!/usr/bin/env bash
# Runs mlc's whole test suite (lit + GoogleTest) on a fresh or existing
# checkout: sets up what is missing, builds, and ends with `N passed, N failed`.
#
#   scripts/test.sh [build-dir]              (default: build)
#   scripts/test.sh --sanitize [build-dir]   (default: build-sanitize)
#
# --sanitize builds mlc with ASan + UBSan (MLC_SANITIZE, -O1) in a build
# directory of its own and runs the same suite there, LeakSanitizer on
# (docs/Reliability.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = --sanitize ]; then
  shift
  build=${1:-$root/build-sanitize}
  export MLC_CMAKE_ARGS="-DMLC_SANITIZE=ON"
else
  build=${1:-$root/build}
fi
"$root/scripts/setup.sh" "$build"
cmake --build "$build" --target check-mlc
