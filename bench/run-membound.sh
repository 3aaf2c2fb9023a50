#!/usr/bin/env bash
# Memory-bound kernels: mlc's relax.add over 16M f32 elements and relax.softmax
# over 4096 x 4096 f32 rows (legalized, --mlc-compile) against memcpy of the
# same bytes in the same process, with one and two threads; prints GB/s (bytes
# read + written) and the ratio.
#
#   bash bench/run-membound.sh [build-dir] [N [M,N]]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift $(( $# > 0 ? 1 : 0 ))
"$root/scripts/setup.sh" "$build" >/dev/null
cmake --build "$build" --target bench-membound >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/mlc-opt" "$root/bench/membound.mlir" --mlc-compile=target=cpu |
  "$build/bin/mlc-translate" --mlc-to-shared-library -o "$work/membound.so"
for threads in 1 2; do
  echo "== $threads thread(s) =="
  OMP_NUM_THREADS=$threads "$build/bin/bench-membound" "$work/membound.so" \
    "$threads" "$@"
done
