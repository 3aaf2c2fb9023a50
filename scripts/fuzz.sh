#!/usr/bin/env bash
# Builds mlc's libFuzzer targets in a build directory of their own (every
# source instrumented for coverage, ASan and UBSan), seeds each target's
# corpus from the repository (test/, examples/, fuzz/seeds/), and runs each
# for a time budget, printing its executions, coverage and crashes.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]   (default: 60, all)
#
# Crash inputs land in build-fuzz/fuzz/crashes/<target>/; reproduce one with
#   build-fuzz/bin/<target> build-fuzz/fuzz/crashes/<target>/crash-...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MLC_FUZZ_BUILD:-$root/build-fuzz}
seconds=${1:-60}
shift || true
all=(mlc-parse-fuzzer mlc-compile-fuzzer mlc-schedule-fuzzer mlc-sym-fuzzer
  mlc-npy-fuzzer mlc-metadata-fuzzer)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

bash "$root/scripts/setup.sh" "$root/build" >/dev/null  # packages
llvm=/usr/lib/llvm-22
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=$llvm/bin/clang -DCMAKE_CXX_COMPILER=$llvm/bin/clang++ \
    -DMLIR_DIR=$llvm/lib/cmake/mlir -DLLVM_EXTERNAL_LIT=$llvm/bin/lit \
    -DMLC_ENABLE_FUZZERS=ON >/dev/null
fi
cmake --build "$build" --target "${targets[@]}"

# Seeds: the lit test cases and examples (the schedule tests for the
# schedule target); for the other targets, the hand-made seeds and the
# minimized corpus kept in fuzz/corpus/ (refresh it with `-merge=1`).

# Every test case (split at `// -----`) of the .mlir files under the given
# folders, one file each in $1.
split_cases() {
  local dir=$1 i=0
  shift
  while IFS= read -r -d '' file; do
    awk -v dir="$dir" -v base="$i" '
      /^\/\/ -----/ { part++; next }
      { print > (dir "/seed-" base "-" part ".mlir") }' "$file"
    i=$((i + 1))
  done < <(find "$@" -name '*.mlir' -print0)
}

seeds() {
  local target=$1 dir=$2
  mkdir -p "$dir"
  case $target in
  mlc-parse-fuzzer | mlc-compile-fuzzer)
    split_cases "$dir" "$root/test" "$root/examples"
    ;;
  mlc-schedule-fuzzer)
    split_cases "$dir" "$root/test/Dialect/TIR"
    ;;
  *)
    local name=${target#mlc-}
    name=${name%-fuzzer}
    cp "$root/fuzz/seeds/$name"/* "$dir/"
    # The minimized corpus of earlier runs, where one is kept.
    if [ -d "$root/fuzz/corpus/$name" ]; then
      cp "$root/fuzz/corpus/$name"/* "$dir/"
    fi
    ;;
  esac
}

# ASan: instrumented mlc code next to uninstrumented LLVM/MLIR libraries
# reports false use-after-poison without allow_user_poisoning=0.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allow_user_poisoning=0:detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for target in "${targets[@]}"; do
  corpus="$build/fuzz/corpus/$target"
  crashes="$build/fuzz/crashes/$target"
  mkdir -p "$crashes"
  [ -d "$corpus" ] || seeds "$target" "$corpus"
  dict=()
  case $target in
  mlc-parse-fuzzer | mlc-compile-fuzzer | mlc-schedule-fuzzer)
    dict=(-dict="$root/fuzz/ir.dict")
    ;;
  mlc-sym-fuzzer) dict=(-dict="$root/fuzz/sym.dict") ;;
  esac
  log="$build/fuzz/$target.log"
  set +e
  "$build/bin/$target" "$corpus" "${dict[@]}" -max_total_time="$seconds" \
    -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
    grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  found=$(find "$crashes" -type f \( -name 'crash-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  slow=$(find "$crashes" -type f -name 'slow-unit-*' | wc -l)
  echo "$target: $runs executions, coverage $cov, exit $code, $found crash inputs and $slow slow inputs in $crashes"
  [ "$code" -eq 0 ] || status=1
done
exit $status
