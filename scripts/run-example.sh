#!/usr/bin/env bash
# mlc's main job: compile the relax models in examples/ for the CPU into
# shared libraries, run them with mlc-run on generated inputs, check the
# results against numpy and time them:
#  - classifier.mlir: tensor operators, symbolic batch size;
#  - transformer_block.mlir: one Llama-style decoder block (RMSNorm, rotary
#    embeddings, causal grouped-query attention over a KV cache, a SiLU-gated
#    MLP) with q4f16_1 weights, run as a prefill and as decode steps (the new
#    tokens and the cache are two symbolic lengths).
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

echo
echo "== compile examples/transformer_block.mlir for the CPU =="
start=$(date +%s.%N)
"$bin/mlc-opt" "$root/examples/transformer_block.mlir" --mlc-compile="target=cpu" |
  "$bin/mlc-translate" --mlc-to-shared-library -o "$work/block.so"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "compile time: %.2f s\n", e - s }'
"$bin/mlc-run" "$work/block.so" --list
for case in "7 0" "1 128" "128 256"; do
  read -r seq past <<<"$case"
  echo
  echo "== $seq new tokens after $past cached: run, compare with numpy, time =="
  data="$work/s$seq-p$past"
  "$python" "$root/examples/transformer_block_reference.py" "$seq" "$past" "$data"
  inputs=()
  for i in $(seq 0 19); do inputs+=(--input="$data/in$i.npy"); done
  "$bin/mlc-run" "$work/block.so" "${inputs[@]}" \
    --expected="$data/expected0.npy" --expected="$data/expected1.npy" \
    --expected="$data/expected2.npy" --rtol=5e-3 --atol=5e-3 --benchmark=10
done
