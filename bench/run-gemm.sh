#!/usr/bin/env bash
# fp32 GEMM: mlc (relax.matmul, legalized, --mlc-compile) against OpenBLAS in
# the same process, with one and two threads; prints GFLOP/s and the ratio.
#
#   bash bench/run-gemm.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
"$root/scripts/setup.sh" "$build" >/dev/null
cmake --build "$build" --target bench-gemm >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/mlc-opt" "$root/bench/gemm.mlir" --mlc-compile=target=cpu |
  "$build/bin/mlc-translate" --mlc-to-shared-library -o "$work/gemm.so"
shapes=(256,256,256 1024,1024,1024 2048,2048,2048 1,4096,4096 16,4096,4096 128,4096,4096)
for threads in 1 2; do
  echo "== $threads thread(s): M N K =="
  OMP_NUM_THREADS=$threads "$build/bin/bench-gemm" "$work/gemm.so" \
    "$threads" "${shapes[@]}"
done
