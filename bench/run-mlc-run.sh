#!/usr/bin/env bash
# relax.add over N f32 elements (default 16M: 64 MiB per operand) and the
# README's classifier (batch 256), compiled with --mlc-compile and timed as a
# user runs them (`mlc-run --benchmark`, medians), next to their anchors in
# the same run: a C loop over the same bytes for add (bench/add-loop.c, an
# output allocated once), with 1 and 2 threads. mlc-run's --stats shows the
# caching pool at work: after the first call every storage is a pool hit.
#
#   bash bench/run-mlc-run.sh [build-dir] [N] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
n=${2:-16777216}
runs=${3:-20}
"$root/scripts/setup.sh" "$build" >/dev/null
cmake --build "$build" --target bench-add-loop >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/mlc-opt" "$root/bench/membound.mlir" --mlc-compile=target=cpu |
  "$build/bin/mlc-translate" --mlc-to-shared-library -o "$work/add.so"
"$build/bin/mlc-opt" "$root/examples/classifier.mlir" --mlc-compile=target=cpu |
  "$build/bin/mlc-translate" --mlc-to-shared-library -o "$work/classifier.so"

median() { sed -n "s/.*median \([0-9.]*\) ms.*/\1/p"; }

for threads in 1 2; do
  export OMP_NUM_THREADS=$threads
  echo "== $threads thread(s) =="
  loop=$("$build/bin/bench-add-loop" "$n" "$runs" | median)
  out=$("$build/bin/mlc-run" "$work/add.so" --function=add \
    --input="${n}xf32=1" --input="${n}xf32=2" --benchmark="$runs" --stats)
  mlc=$(echo "$out" | median)
  echo "$out" | grep '^stats:'
  awk -v n="$n" -v loop="$loop" -v mlc="$mlc" 'BEGIN {
    gb = 3 * 4 * n / 1e9
    printf "add, %d f32: mlc-run %.3f ms (%.1f GB/s), C loop %.3f ms (%.1f GB/s), ratio %.2f\n",
      n, mlc, gb / (mlc / 1e3), loop, gb / (loop / 1e3), loop / mlc }'
  out=$("$build/bin/mlc-run" "$work/add.so" --function=softmax \
    --input=4096x4096xf32=1 --benchmark="$runs")
  sm=$(echo "$out" | median)
  awk -v mlc="$sm" -v loop="$loop" -v n="$n" 'BEGIN {
    gb = 2 * 4 * 4096 * 4096 / 1e9
    printf "softmax, 4096x4096 f32: mlc-run %.3f ms (%.1f GB/s; the add loop streams %.1f GB/s)\n",
      mlc, gb / (mlc / 1e3), 3 * 4 * n / 1e9 / (loop / 1e3) }'
  out=$("$build/bin/mlc-run" "$work/classifier.so" \
    --input=256x784xf32=0.01 --input=784x128xf32=0.02 --input=128xf32=0.1 \
    --input=128x10xf32=0.03 --input=10xf32=0.2 --benchmark="$runs" --stats)
  echo "$out" | grep '^stats:'
  echo "classifier, batch 256: mlc-run median $(echo "$out" | median) ms"
done
