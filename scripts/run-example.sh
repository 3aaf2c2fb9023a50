#!/usr/bin/env bash
# mlc's main job on the example shipped in examples/: parse, verify and
# canonicalize a relax model with symbolic shapes, then specialize its batch
# size. (Compiling and running it natively arrives with the CPU back end.)
#
#   scripts/run-example.sh [example.mlir] [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
example=${1:-$root/examples/mlp.mlir}
build=${2:-$root/build}
"$root/scripts/setup.sh" "$build" >/dev/null
opt="$build/bin/mlc-opt"

echo "== $example: verified and canonicalized =="
"$opt" "$example" --canonicalize --cse
echo
echo "== the same model specialized to batch = 8 =="
"$opt" "$example" --relax-bind-symbolic-vars="bindings=batch=8" --canonicalize
