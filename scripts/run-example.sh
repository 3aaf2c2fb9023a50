#!/usr/bin/env bash
# mlc's main job: compile the relax model in examples/ for the CPU into a
# shared library, run it with mlc-run on generated inputs, check the result
# against numpy and time it.
#
#   scripts/run-example.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
"$root/scripts/setup.sh" "$build" >/dev/null
bin="$build/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== compile examples/mlp.mlir (symbolic batch) for the CPU =="
"$bin/mlc-opt" "$root/examples/mlp.mlir" --mlc-compile="target=cpu" |
  "$bin/mlc-translate" --mlc-to-shared-library -o "$work/mlp.so"
"$bin/mlc-run" "$work/mlp.so" --list

# Debian's interpreter has numpy (python3-numpy); a pyenv one may not.
python=/usr/bin/python3
for batch in 3 64; do
  echo
  echo "== run with batch = $batch, checked against numpy =="
  "$python" "$root/examples/mlp_reference.py" "$batch" "$work/b$batch"
  "$bin/mlc-run" "$work/mlp.so" --input="$work/b$batch/x.npy" \
    --input="$work/b$batch/w1.npy" --input="$work/b$batch/w2.npy" \
    --expected="$work/b$batch/expected.npy" --rtol=1e-4 --atol=1e-4 \
    $([ "$batch" -le 3 ] && echo --print) --benchmark=10
done
