#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine: installs the packages mlc
# needs (when missing), configures the build with Ninja and clang-22 (ccache
# when present), and builds. Re-running only rebuilds what changed.
#
#   scripts/setup.sh [build-dir]      (default: build)
#
# MLC_CMAKE_ARGS adds configure options for a new build directory (e.g.
# -DMLC_SANITIZE=ON, as scripts/test.sh --sanitize does).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}

packages=(cmake ninja-build ccache clang-22 llvm-22-dev llvm-22-tools
  libmlir-22-dev mlir-22-tools libomp-22-dev libgtest-dev libdlpack-dev libopenblas-dev
  python3 python3-numpy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

llvm=/usr/lib/llvm-22
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=$llvm/bin/clang \
    -DCMAKE_CXX_COMPILER=$llvm/bin/clang++ \
    -DMLIR_DIR=$llvm/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=$llvm/bin/lit \
    -DCMAKE_INSTALL_PREFIX="$build/install" ${MLC_CMAKE_ARGS:-}
fi
cmake --build "$build" --target mlc-opt mlc-translate mlc-lsp-server mlc-run \
  mlc_runtime
