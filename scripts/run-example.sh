#!/usr/bin/env bash
# mlc's main job: compile the relax model in examples/classifier.mlir
# (tensor operators, symbolic batch size) for the CPU into a shared library,
# run it with mlc-run on generated inputs, check the result against numpy
# and time it.
#
#   scripts/run-example.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
"$root/scripts/setup.sh" "$build" >/dev/null
bin="$build/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== compile examples/classifier.mlir for the CPU =="
"$bin/mlc-opt" "$root/examples/classifier.mlir" --mlc-compile="target=cpu" |
  "$bin/mlc-translate" --mlc-to-shared-library -o "$work/classifier.so"
"$bin/mlc-run" "$work/classifier.so" --list

# Debian's interpreter has numpy (python3-numpy); a pyenv one may not.
python=/usr/bin/python3
for batch in 3 256; do
  echo
  echo "== batch = $batch: run, compare with numpy, time =="
  data="$work/b$batch"
  "$python" "$root/examples/classifier_reference.py" "$batch" "$data"
  inputs=()
  for name in x w1 b1 w2 b2; do inputs+=(--input="$data/$name.npy"); done
  "$bin/mlc-run" "$work/classifier.so" "${inputs[@]}" \
    --expected="$data/expected.npy" --rtol=1e-4 --atol=1e-5 \
    $([ "$batch" -le 3 ] && echo --print) --benchmark=10
done
